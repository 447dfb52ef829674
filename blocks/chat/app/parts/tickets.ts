/**
 * When the ticket form shows: at once for a request nobody can take now (after hours, no agent, a
 * full queue), and on the visitor's choice from a "Leave your details" button (in the queue bar
 * while they wait, or under the notice that nobody came in time). The form itself is loaded on
 * first use (./ticket-form). What the visitor typed is never thrown away: a form with changes
 * stays when the request stops waiting, and when a person takes the chat its message moves to the
 * message box for them.
 */
import type { VisitorHandoff } from '../../types';
import { button } from '../dom';
import type { ViewContext } from './context';
import type { TicketFormHandle } from './ticket-form';
import type { Transcript } from './transcript';

/**
 * @param ctx        The view's context.
 * @param transcript The transcript (the form goes in it).
 */
export function createTickets( ctx: ViewContext, transcript: Transcript ) {
	const { s } = ctx;
	let form: TicketFormHandle | null = null;
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

	function tabStore(): Storage | null {
		try {
			return ctx.root.ownerDocument.defaultView?.sessionStorage ?? null;
		} catch {
			return null;
		}
	}

	/**
	 * A person took the chat while the form was open: its message waits in the message box.
	 * @param hadFocus Whether focus was in the form.
	 */
	function handOver( hadFocus: boolean ): void {
		const text = form?.message() ?? '';
		form?.node.remove();
		form = null;
		if ( ctx.input && text && ! ctx.input.value.trim() ) {
			ctx.input.value = text;
		}
		transcript.notice( s.formTaken );
		if ( hadFocus ) {
			ctx.input?.focus();
		}
	}

	/**
	 * Opens the form (or moves focus to it when open).
	 * @param focus Whether focus moves to it.
	 */
	async function open( focus = true ): Promise< void > {
		if ( form ) {
			if ( focus ) {
				form.node.querySelector< HTMLElement >( 'h3' )?.focus();
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
		const handle = module.ticketForm( {
			draft,
			uid: ctx.uid,
			timezone: timezone(),
			store: tabStore(),
			send: ( answers ) => client.ticket( answers ),
			active: () => client.active(),
			now: () => ctx.clock.now(),
			wait: ( ms ) =>
				new Promise< void >( ( resolve ) => {
					ctx.clock.setTimeout( resolve, ms );
				} ),
			closed: ( how, hadFocus ) => {
				if ( how === 'taken' ) {
					handOver( hadFocus );
					return;
				}
				form = null;
				if ( how === 'later' ) {
					offerAgain();
				}
				if ( hadFocus ) {
					ctx.input?.focus();
				}
			},
		} );
		form = handle;
		transcript.log.insertBefore( handle.node, transcript.typing.node );
		transcript.scrollDown();
		if ( focus ) {
			handle.node.querySelector< HTMLElement >( 'h3' )?.focus();
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
		 * The handoff as it stands: a request nobody can take now opens the form, once. When a
		 * person takes the chat, the form's message moves to the message box; when the request
		 * stops waiting otherwise, a form with changes stays (it still makes a ticket) and an
		 * untouched one goes.
		 * @param handoff The open handoff, or null.
		 */
		handoff( handoff: VisitorHandoff | null ): void {
			const waiting =
				!! handoff &&
				( handoff.status === 'requested' ||
					handoff.status === 'queued' );
			if ( ! waiting ) {
				reopen?.remove();
				reopen = null;
				if ( form && handoff?.status === 'accepted' ) {
					handOver(
						form.node.contains(
							ctx.root.ownerDocument.activeElement
						)
					);
				} else if ( form && ! form.dirty() ) {
					form.node.remove();
					form = null;
				}
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
