/**
 * The chat's DOM: renders the transcript, the unsent messages, feedback and the End chat form into
 * the markup render.php printed. Server and visitor text only ever goes in through textContent.
 */
import type { ChatConfig, ChatMessage, Citation, SendResponse } from '../types';
import type { ChatClient, ChatListener } from './client';
import type { Clock, OutboxEntry } from './outbox';
import { timeOfDay, waitInWords } from './wait';

const PREFIX = 'handoff-bot-chat__';

/**
 * Creates an element with a class of the block and optional text.
 * @param tag  The tag name.
 * @param name The class name, without the block prefix.
 * @param text Text content.
 */
function h< K extends keyof HTMLElementTagNameMap >(
	tag: K,
	name: string,
	text?: string
): HTMLElementTagNameMap[ K ] {
	const node = document.createElement( tag );
	if ( name ) {
		node.className = name
			.split( ' ' )
			.map( ( n ) => ( n.startsWith( 'is-' ) ? n : PREFIX + n ) )
			.join( ' ' );
	}
	if ( text !== undefined ) {
		node.textContent = text;
	}
	return node;
}

function button( name: string, label: string ): HTMLButtonElement {
	const node = h( 'button', name, label );
	node.type = 'button';
	return node;
}

/**
 * An http(s) URL, or null: citations must not carry script URLs.
 * @param url The citation URL.
 */
export function safeHref( url: string ): string | null {
	try {
		const parsed = new URL( url, window.location.href );
		return parsed.protocol === 'http:' || parsed.protocol === 'https:'
			? parsed.href
			: null;
	} catch {
		return null;
	}
}

/**
 * Length in characters as the server counts them (code points, not UTF-16 units).
 * @param text The text.
 */
function charCount( text: string ): number {
	return Array.from( text ).length;
}

/**
 * Wires the chat DOM inside one block.
 * @param root   The block wrapper.
 * @param config The block config.
 * @param clock  The clock the outbox's retry times are on.
 */
export function createView(
	root: HTMLElement,
	config: ChatConfig,
	clock: Pick< Clock, 'now' > = { now: () => Date.now() }
) {
	const s = config.strings;
	const contactHref = safeHref( config.contactUrl || '' );
	const panel =
		root.querySelector< HTMLElement >( `.${ PREFIX }panel` ) ?? root;
	const log =
		root.querySelector< HTMLElement >( `.${ PREFIX }log` ) ??
		panel.appendChild( h( 'div', 'log' ) );
	const form = root.querySelector< HTMLFormElement >( `.${ PREFIX }form` );
	const input = root.querySelector< HTMLInputElement >( `.${ PREFIX }input` );
	let actions = root.querySelector< HTMLElement >( `.${ PREFIX }actions` );
	if ( ! actions ) {
		actions = h( 'div', 'actions' );
		panel.appendChild( actions );
	}
	const uid = ( input?.id || panel.id || 'handoff-bot-chat' ) + '-';

	const byKey = new Map< string, HTMLElement >();
	const byId = new Map< number, HTMLElement >();
	/** Unsent messages the restored transcript already shows. */
	const adopted = new Set< string >();
	let client: ChatClient | null = null;
	let sourcesCount = 0;

	const typing = h( 'p', 'typing' );
	typing.hidden = true;
	const dots = h( 'span', 'dots' );
	dots.setAttribute( 'aria-hidden', 'true' );
	dots.append( h( 'span', '' ), h( 'span', '' ), h( 'span', '' ) );
	typing.append( dots, h( 'span', 'sr', s.typing ) );
	log.appendChild( typing );

	const endButton = button( 'end', s.endChat );
	endButton.hidden = true;
	actions.appendChild( endButton );
	let endForm: HTMLFormElement | null = null;

	let formError: HTMLElement | null = null;

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
		log.insertBefore( node, before ?? typing );
	}

	function messageNode( role: ChatMessage[ 'role' ], body: string ) {
		const known = [ 'visitor', 'bot', 'agent', 'system' ];
		const node = h(
			'div',
			`msg is-${ known.includes( role ) ? role : 'bot' }`
		);
		let who = s.assistant;
		if ( role === 'visitor' ) {
			who = s.you;
		} else if ( role === 'agent' ) {
			who = s.agent;
		}
		node.append( h( 'span', 'sr', who + ' ' ), h( 'p', 'body', body ) );
		return node;
	}

	function citations( list: Citation[] ): HTMLElement {
		const box = h( 'div', 'sources' );
		const label = h( 'p', 'sources-label', s.sources );
		label.id = `${ uid }sources-${ ++sourcesCount }`;
		const ul = h( 'ul', 'sources-list' );
		ul.setAttribute( 'aria-labelledby', label.id );
		for ( const citation of list ) {
			const li = h( 'li', '' );
			const title = String( citation.title || citation.url || '' );
			const heading = String( citation.heading || '' );
			const href = safeHref( String( citation.url || '' ) );
			const target = href ? h( 'a', 'source' ) : h( 'span', 'source' );
			if ( href ) {
				( target as HTMLAnchorElement ).href = href;
			}
			target.append( h( 'span', 'source-title', title ) );
			if ( heading && heading !== title ) {
				target.append(
					h( 'span', 'source-heading', ` — ${ heading }` )
				);
			}
			li.append( target );
			ul.append( li );
		}
		box.append( label, ul );
		return box;
	}

	function feedback( messageId: number ): HTMLElement {
		const group = h( 'div', 'feedback' );
		group.setAttribute( 'role', 'group' );
		group.setAttribute( 'aria-label', s.feedbackQuestion );
		const yes = button( 'helpful', s.helpful );
		const no = button( 'not-helpful', s.notHelpful );
		const error = h( 'p', 'feedback-error', s.feedbackError );
		error.hidden = true;
		const rate = async ( helpful: boolean ) => {
			const hadFocus = group.contains( root.ownerDocument.activeElement );
			yes.disabled = no.disabled = true;
			error.hidden = true;
			const ok = client
				? await client.feedback( messageId, helpful )
				: false;
			if ( ! ok ) {
				yes.disabled = no.disabled = false;
				error.hidden = false;
				if ( hadFocus ) {
					( helpful ? yes : no ).focus();
				}
				return;
			}
			const thanks = h( 'p', 'thanks', s.feedbackThanks );
			thanks.tabIndex = -1;
			group.replaceWith( thanks );
			if ( hadFocus ) {
				thanks.focus();
			}
		};
		yes.addEventListener( 'click', () => void rate( true ) );
		no.addEventListener( 'click', () => void rate( false ) );
		group.append( yes, no, error );
		return group;
	}

	/**
	 * The two buttons under an offer to connect to a person.
	 * @param messageId The bot message that made the offer.
	 */
	function offer( messageId: number ): HTMLElement {
		const group = h( 'div', 'offer' );
		group.setAttribute( 'role', 'group' );
		group.setAttribute( 'aria-label', s.offerLabel );
		const accept = button( 'offer-accept', s.offerAccept );
		const decline = button( 'offer-decline', s.offerDecline );
		const error = h( 'p', 'offer-error', s.offerError );
		error.setAttribute( 'role', 'alert' );
		error.hidden = true;
		const choose = async ( yes: boolean ) => {
			const hadFocus = group.contains( root.ownerDocument.activeElement );
			accept.disabled = decline.disabled = true;
			error.hidden = true;
			const reply = client
				? await client.choose( messageId, yes )
				: undefined;
			if ( reply === undefined ) {
				accept.disabled = decline.disabled = false;
				error.hidden = false;
				if ( hadFocus ) {
					( yes ? accept : decline ).focus();
				}
				return;
			}
			group.remove();
			if ( reply ) {
				serverMessage( reply );
			}
			scrollDown();
			if ( hadFocus ) {
				input?.focus();
			}
		};
		accept.addEventListener( 'click', () => void choose( true ) );
		decline.addEventListener( 'click', () => void choose( false ) );
		group.append( accept, decline, error );
		return group;
	}

	function serverMessage( message: ChatMessage ): HTMLElement {
		const existing = byId.get( message.id );
		if ( existing ) {
			return existing;
		}
		const node = messageNode( message.role, String( message.body ?? '' ) );
		node.setAttribute( 'data-id', String( message.id ) );
		if ( message.role === 'bot' ) {
			const kinds = [ 'answer', 'dont_know', 'small_talk', 'handoff' ];
			node.classList.add(
				`is-${ kinds.includes( message.kind ?? '' ) ? message.kind : 'answer' }`
			);
			const list = Array.isArray( message.citations )
				? message.citations
				: [];
			if ( message.kind === 'answer' && list.length ) {
				node.append( citations( list ) );
			}
			const given =
				( message.feedback ?? null ) !== null ||
				client?.feedbackFor( message.id );
			if ( message.kind === 'answer' && ! given ) {
				node.append( feedback( message.id ) );
			}
			if (
				message.decision?.kind === 'offer_choice' &&
				! message.decision.choice
			) {
				node.append( offer( message.id ) );
			}
		}
		byId.set( message.id, node );
		place( node, message.id );
		return node;
	}

	/**
	 * What a message held back by a rate limit says: when it goes out, in words and as a time.
	 * @param retryAt When it is sent (clock time).
	 * @param limit
	 */
	function heldBack(
		retryAt: number,
		limit: OutboxEntry[ 'rateLimited' ]
	): string {
		const wait = Math.max( 0, retryAt - clock.now() );
		const at = timeOfDay( Date.now() + wait, config.locale );
		const text =
			limit === 'conversation' && s.rateLimitedConversation
				? s.rateLimitedConversation
				: s.rateLimited;
		return text
			.replace( '%1$s', waitInWords( wait, config.locale ) )
			.replace( '%2$s', at );
	}

	function setStatus( node: HTMLElement, entry: OutboxEntry ): void {
		let status = node.querySelector< HTMLElement >( `.${ PREFIX }status` );
		const failed = entry.state === 'failed';
		const held =
			! failed &&
			!! entry.rateLimited &&
			entry.retryAt !== undefined &&
			!! s.rateLimited;
		let text = entry.tries > 0 ? s.retrying : '';
		if ( failed ) {
			text = `${ s.notSent } ${ entry.error || s.genericError }`;
		} else if ( held ) {
			text = heldBack( entry.retryAt!, entry.rateLimited );
		}
		node.classList.toggle( 'is-failed', failed );
		node.classList.toggle( 'is-pending', ! failed );
		if ( ! text ) {
			status?.remove();
			return;
		}
		if ( ! status ) {
			status = h( 'p', 'status' );
			node.append( status );
		}
		// Another way to reach the site, for a visitor who cannot wait.
		const contact = held && contactHref && s.contactLink;
		const shown = contact
			? `${ text } ${ s.contactSooner } ${ s.contactLink }`
			: text;
		if ( status.textContent !== shown ) {
			status.textContent = contact
				? `${ text } ${ s.contactSooner } `
				: text;
			if ( contact ) {
				const link = h( 'a', 'contact', s.contactLink );
				link.href = contactHref;
				status.append( link );
			}
		}
	}

	function notice( text: string ): void {
		log.insertBefore( h( 'p', 'notice', text ), typing );
		scrollDown();
	}

	function closeEndForm( focusEnd: boolean ): void {
		endForm?.remove();
		endForm = null;
		endButton.hidden = ! client?.conversation();
		if ( focusEnd && ! endButton.hidden ) {
			endButton.focus();
		}
	}

	function openEndForm(): void {
		if ( endForm ) {
			return;
		}
		const endNode = h( 'form', 'end-form' );
		endForm = endNode;
		const fieldset = h( 'fieldset', 'rating' );
		fieldset.append( h( 'legend', 'rating-legend', s.endLegend ) );
		const choices = h( 'div', 'rating-choices' );
		for ( let n = 1; n <= 5; n++ ) {
			const label = h( 'label', 'rating-choice' );
			const radio = document.createElement( 'input' );
			radio.type = 'radio';
			radio.name = `${ uid }rating`;
			radio.value = String( n );
			label.append( radio, h( 'span', '', String( n ) ) );
			choices.append( label );
		}
		fieldset.append( choices );
		const confirm = h( 'button', 'end-confirm', s.endConfirm );
		confirm.type = 'submit';
		const cancel = button( 'end-cancel', s.cancel );
		const buttons = h( 'div', 'end-buttons' );
		buttons.append( confirm, cancel );
		const error = h( 'p', 'end-error', s.endError );
		error.setAttribute( 'role', 'alert' );
		error.hidden = true;
		endNode.append( fieldset, buttons, error );
		cancel.addEventListener( 'click', () => closeEndForm( true ) );
		endNode.addEventListener( 'submit', async ( event ) => {
			event.preventDefault();
			const picked = endNode.querySelector< HTMLInputElement >(
				'input[type="radio"]:checked'
			);
			confirm.disabled = cancel.disabled = true;
			error.hidden = true;
			const ok = client
				? await client.end( picked ? Number( picked.value ) : null )
				: false;
			confirm.disabled = cancel.disabled = false;
			if ( ! ok ) {
				error.hidden = false;
				return;
			}
			closeEndForm( false );
			notice( s.ended );
			input?.focus();
		} );
		endButton.hidden = true;
		actions!.after( endNode );
		endNode.querySelector< HTMLInputElement >( 'input' )?.focus();
	}

	endButton.addEventListener( 'click', openEndForm );

	function send( text: string, asksForAPerson = false ): void {
		if ( ! client ) {
			return;
		}
		client.send( text, asksForAPerson );
		scrollDown();
	}

	/** Sends what the visitor typed. */
	function submit(): void {
		if ( ! input ) {
			return;
		}
		const text = input.value.trim();
		if ( ! text ) {
			input.focus();
			return;
		}
		if ( charCount( text ) > config.maxLength ) {
			if ( ! formError ) {
				formError = h( 'p', 'error' );
				formError.id = `${ uid }error`;
				formError.setAttribute( 'role', 'alert' );
				( form ?? input ).after( formError );
				input.setAttribute( 'aria-describedby', formError.id );
			}
			formError.textContent = s.tooLong;
			input.setAttribute( 'aria-invalid', 'true' );
			return;
		}
		if ( formError ) {
			formError.remove();
			formError = null;
			input.removeAttribute( 'aria-describedby' );
			input.removeAttribute( 'aria-invalid' );
		}
		input.value = '';
		send( text );
	}

	/** Asks for a person: the button's words, sent as a visitor message that says it was the button. */
	function human(): void {
		send( s.humanRequest, true );
	}

	form?.addEventListener( 'submit', ( event ) => {
		event.preventDefault();
		submit();
	} );
	root.querySelector( `.${ PREFIX }human` )?.addEventListener(
		'click',
		human
	);
	if ( input && config.maxLength > 0 ) {
		input.maxLength = config.maxLength;
	}

	const listener: ChatListener = {
		onHistory( messages ) {
			for ( const message of messages ) {
				if ( message && typeof message.id === 'number' ) {
					serverMessage( message );
				}
			}
			scrollDown();
		},
		onOutbox( entries ) {
			// Backwards, so a node shown late still goes before the entries typed after it.
			let next: HTMLElement = typing;
			for ( let i = entries.length - 1; i >= 0; i-- ) {
				const entry = entries[ i ]!;
				if ( adopted.has( entry.key ) ) {
					continue;
				}
				let node = byKey.get( entry.key );
				if ( ! node ) {
					node = messageNode( 'visitor', entry.text );
					node.setAttribute( 'data-key', entry.key );
					byKey.set( entry.key, node );
					log.insertBefore( node, next );
				}
				setStatus( node, entry );
				next = node;
			}
			typing.hidden = ! entries.some( ( e ) => e.state === 'sending' );
			scrollDown();
		},
		onDelivered( entry: OutboxEntry, response: SendResponse ) {
			const node = byKey.get( entry.key );
			byKey.delete( entry.key );
			const { message, reply } = response;
			if ( adopted.delete( entry.key ) && node ) {
				// Shown from the restored transcript already. If it went into a new conversation
				// (the old one was lost), the same bubble now stands for the new copy.
				if ( ! byId.has( message.id ) ) {
					node.setAttribute( 'data-id', String( message.id ) );
					byId.set( message.id, node );
					// Its answer from the lost conversation gives way to the new one.
					const old = node.nextElementSibling as HTMLElement | null;
					if (
						old?.classList.contains( 'is-bot' ) &&
						old.dataset.id
					) {
						byId.delete( Number( old.dataset.id ) );
						old.remove();
					}
				}
			} else if ( node ) {
				if ( byId.has( message.id ) ) {
					// Already shown (restored from the server before its reply got here).
					node.remove();
				} else {
					node.classList.remove( 'is-pending', 'is-failed' );
					node.querySelector( `.${ PREFIX }status` )?.remove();
					node.setAttribute( 'data-id', String( message.id ) );
					node.removeAttribute( 'data-key' );
					byId.set( message.id, node );
				}
			} else {
				serverMessage( message );
			}
			if ( reply ) {
				serverMessage( reply );
			}
			scrollDown();
		},
		onAdopt( key, messageId ) {
			const node = byId.get( messageId );
			if ( node ) {
				adopted.add( key );
				byKey.set( key, node );
			}
		},
		onSession( open ) {
			if ( ! endForm ) {
				endButton.hidden = ! open;
			}
		},
	};

	return {
		...listener,
		/**
		 * Connects the client the view sends through.
		 * @param chat The client.
		 */
		connect( chat: ChatClient ): void {
			client = chat;
		},
		notice,
		submit,
		human,
	};
}

export type ChatView = ReturnType< typeof createView >;
