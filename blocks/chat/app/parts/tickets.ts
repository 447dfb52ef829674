/**
 * When the ticket form shows: at once for a request nobody can take now (after hours, no agent, a
 * full queue), and on the visitor's choice from a "Leave your details" button (in the queue bar
 * while they wait, or under the notice that nobody came in time). The form itself is loaded on
 * first use (./ticket-form).
 */
import type { VisitorHandoff } from '../../types';
import { button } from '../dom';
import type { ViewContext } from './context';
import type { Transcript } from './transcript';

/**
 * @param ctx        The view's context.
 * @param transcript The transcript (the form goes in it).
 */
export function createTickets( ctx: ViewContext, transcript: Transcript ) {
	const { s } = ctx;
	let form: HTMLElement | null = null;
	let opening = false;
	/** Handoffs the form opened for by itself (once each). */
	const shown = new Set< number >();
	/** The button that brings a closed form back. */
	let reopen: HTMLButtonElement | null = null;

	function timezone(): string {
		try {
			return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
		} catch {
			return '';
		}
	}

	/**
	 * Opens the form (or moves focus to it when open).
	 * @param focus Whether focus moves to it.
	 */
	async function open( focus = true ): Promise< void > {
		if ( form ) {
			if ( focus ) {
				form.querySelector< HTMLElement >( 'h3' )?.focus();
			}
			return;
		}
		const client = ctx.client();
		if ( ! client || opening ) {
			return;
		}
		opening = true;
		const [ draft, module ] = await Promise.all( [
			client.ticketDraft(),
			import(
				/* webpackChunkName: "chat/ticket" */ './ticket-form'
			).catch( () => null ),
		] );
		opening = false;
		if ( ! draft || ! module ) {
			offerAgain( transcript.notice( s.formError ) );
			return;
		}
		reopen?.remove();
		reopen = null;
		const node = module.ticketForm( {
			draft,
			uid: ctx.uid,
			timezone: timezone(),
			send: ( answers ) => client.ticket( answers ),
			closed: ( sent, hadFocus ) => {
				form = null;
				if ( ! sent ) {
					offerAgain();
				}
				if ( hadFocus ) {
					ctx.input?.focus();
				}
			},
		} );
		form = node;
		transcript.log.insertBefore( node, transcript.typing.node );
		transcript.scrollDown();
		if ( focus ) {
			node.querySelector< HTMLElement >( 'h3' )?.focus();
		}
	}

	/**
	 * A "Leave your details" button, for a form put away (or never opened).
	 * @param after The element it follows; the end of the transcript by default.
	 */
	function offerAgain( after?: HTMLElement ): void {
		reopen?.remove();
		reopen = button( 'ticket-open', s.leaveDetails );
		reopen.addEventListener( 'click', () => void open() );
		if ( after ) {
			after.after( reopen );
		} else {
			transcript.log.insertBefore( reopen, transcript.typing.node );
		}
	}

	return {
		open,
		offerAgain,
		/**
		 * The handoff as it stands: a request nobody can take now opens the form, once; a
		 * handoff no longer waiting takes the form and its button away.
		 * @param handoff The open handoff, or null.
		 */
		handoff( handoff: VisitorHandoff | null ): void {
			const waiting =
				!! handoff &&
				( handoff.status === 'requested' ||
					handoff.status === 'queued' );
			if ( ! waiting ) {
				form?.remove();
				form = null;
				reopen?.remove();
				reopen = null;
				return;
			}
			if (
				( handoff.route === 'ticket' ||
					handoff.route === 'callback' ) &&
				! shown.has( handoff.id )
			) {
				shown.add( handoff.id );
				void open(
					ctx.root.contains( ctx.root.ownerDocument.activeElement )
				);
			}
		},
	};
}
