/**
 * The transcript (the `role="log"` live region render.php printed): server messages in id order,
 * each shown once, the visitor's unsent messages after them, centred notices, and the typing
 * indicator last. Everything added here is announced by the log.
 */
import type { ChatMessage } from '../../types';
import { h, PREFIX } from '../dom';
import { citations } from './citations';
import type { ViewContext } from './context';
import { feedback } from './feedback';
import { offer } from './offer';
import { createTyping } from './typing';

const ROLES = [ 'visitor', 'bot', 'agent' ];
const BOT_KINDS = [ 'answer', 'dont_know', 'small_talk', 'handoff' ];

/**
 * @param ctx   The view's context.
 * @param panel The chat panel (the log is made in it if the markup lacks one).
 */
export function createTranscript( ctx: ViewContext, panel: HTMLElement ) {
	const { root, s, uid } = ctx;
	const log =
		root.querySelector< HTMLElement >( `.${ PREFIX }log` ) ??
		panel.appendChild( h( 'div', 'log' ) );
	const typing = createTyping( s );
	log.appendChild( typing.node );

	const byId = new Map< number, HTMLElement >();
	let sourcesCount = 0;

	function scrollDown(): void {
		log.scrollTop = log.scrollHeight;
	}

	/**
	 * Puts a server message in id order, before the messages that are still unsent.
	 * @param node The element.
	 * @param id   Its message id.
	 */
	function place( node: HTMLElement, id: number ): void {
		let before: Element | null = null;
		for ( const child of Array.from( log.children ) ) {
			const childId = Number( child.getAttribute( 'data-id' ) || 0 );
			if (
				( childId && childId > id ) ||
				child.classList.contains( 'is-pending' )
			) {
				before = child;
				break;
			}
		}
		log.insertBefore( node, before ?? typing.node );
	}

	/**
	 * A message bubble: a screen-reader prefix saying who wrote it, the agent's name, the text.
	 * @param role   Who wrote it.
	 * @param body   The text.
	 * @param author An agent's name.
	 */
	function bubble(
		role: ChatMessage[ 'role' ],
		body: string,
		author = ''
	): HTMLElement {
		const node = h(
			'div',
			`msg is-${ ROLES.includes( role ) ? role : 'bot' }`
		);
		let who = s.assistant;
		if ( role === 'visitor' ) {
			who = s.you;
		} else if ( role === 'agent' ) {
			who = s.agent;
		}
		node.append( h( 'span', 'sr', who + ' ' ) );
		if ( author ) {
			node.append( h( 'p', 'author', author ) );
		}
		node.append( h( 'p', 'body', body ) );
		return node;
	}

	/**
	 * Shows a server message once (a message already shown is returned as it is).
	 * @param message The message.
	 */
	function show( message: ChatMessage ): HTMLElement {
		const existing = byId.get( message.id );
		if ( existing ) {
			return existing;
		}
		const body = String( message.body ?? '' );
		let node: HTMLElement;
		if ( message.role === 'system' ) {
			node = h( 'p', 'notice is-system', body );
			if ( message.kind ) {
				node.setAttribute( 'data-kind', String( message.kind ) );
			}
		} else {
			node = bubble(
				message.role,
				body,
				message.role === 'agent'
					? String( message.author?.name ?? '' )
					: ''
			);
		}
		node.setAttribute( 'data-id', String( message.id ) );
		if ( message.role === 'bot' ) {
			decorate( node, message );
		}
		masked( node, message );
		byId.set( message.id, node );
		place( node, message.id );
		return node;
	}

	/**
	 * A visitor message stored with numbers masked (a card, an IBAN): the bubble shows what was
	 * stored, and says why.
	 * @param node    The bubble.
	 * @param message The message as stored.
	 */
	function masked( node: HTMLElement, message: ChatMessage ): void {
		if ( message.role !== 'visitor' || ! message.redacted?.length ) {
			return;
		}
		const body = node.querySelector( `.${ PREFIX }body` );
		if ( body ) {
			body.textContent = String( message.body ?? '' );
		}
		if ( ! node.querySelector( `.${ PREFIX }masked` ) ) {
			node.append( h( 'p', 'status masked', s.redacted ) );
		}
	}

	/**
	 * A bot reply's kind, sources, feedback buttons and offer.
	 * @param node  The bubble.
	 * @param reply The reply.
	 */
	function decorate( node: HTMLElement, reply: ChatMessage ): void {
		node.classList.add(
			`is-${ BOT_KINDS.includes( reply.kind ?? '' ) ? reply.kind : 'answer' }`
		);
		const list = Array.isArray( reply.citations ) ? reply.citations : [];
		if ( reply.kind === 'answer' && list.length ) {
			node.append(
				citations(
					list,
					s.sources,
					`${ uid }sources-${ ++sourcesCount }`
				)
			);
		}
		const given =
			( reply.feedback ?? null ) !== null ||
			ctx.client()?.feedbackFor( reply.id );
		if ( reply.kind === 'answer' && ! given ) {
			node.append( feedback( ctx, reply.id ) );
		}
		if (
			reply.decision?.kind === 'offer_choice' &&
			! reply.decision.choice
		) {
			node.append(
				offer( ctx, reply.id, ( answer ) => {
					if ( answer ) {
						show( answer );
					}
					scrollDown();
				} )
			);
		}
	}

	/**
	 * A centred line said by the chat itself (not stored on the server).
	 * @param text The notice.
	 */
	function notice( text: string ): HTMLElement {
		const node = h( 'p', 'notice', text );
		log.insertBefore( node, typing.node );
		scrollDown();
		return node;
	}

	return {
		log,
		typing,
		byId,
		scrollDown,
		bubble,
		message: show,
		notice,
		masked,
	};
}

export type Transcript = ReturnType< typeof createTranscript >;
