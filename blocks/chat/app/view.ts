/**
 * The chat's DOM, put together from one small module per part of the panel (./parts): the
 * transcript and its typing indicator, the visitor's unsent messages, the queue bar, the ticket
 * form, the rating asked for when an agent closes the chat, the message form and End chat. It renders into the
 * markup render.php printed, and listens to the client.
 */
import type { ChatConfig, ChatMessage } from '../types';
import type { ChatClient, ChatListener } from './client';
import { h, PREFIX } from './dom';
import type { Clock } from './outbox';
import { createComposer } from './parts/composer';
import { createConsent } from './parts/consent';
import type { ViewContext } from './parts/context';
import { createEndChat } from './parts/end-chat';
import { createPending } from './parts/pending';
import { createQueueStatus } from './parts/queue-status';
import { createRating } from './parts/rating';
import { createTickets } from './parts/tickets';
import { createTranscript } from './parts/transcript';

/**
 * Wires the chat DOM inside one block.
 * @param root   The block wrapper.
 * @param config The block config.
 * @param clock  The clock the outbox's retry times are on.
 */
export function createView(
	root: HTMLElement,
	config: ChatConfig,
	clock: Clock = {
		now: () => Date.now(),
		setTimeout: ( fn, ms ) => setTimeout( fn, ms ),
		clearTimeout: ( handle ) =>
			clearTimeout( handle as ReturnType< typeof setTimeout > ),
	}
) {
	const panel =
		root.querySelector< HTMLElement >( `.${ PREFIX }panel` ) ?? root;
	const input = root.querySelector< HTMLInputElement >( `.${ PREFIX }input` );
	let actions = root.querySelector< HTMLElement >( `.${ PREFIX }actions` );
	if ( ! actions ) {
		actions = h( 'div', 'actions' );
		panel.appendChild( actions );
	}
	let client: ChatClient | null = null;
	const ctx: ViewContext = {
		root,
		config,
		s: config.strings,
		uid: ( input?.id || panel.id || 'handoff-bot-chat' ) + '-',
		client: () => client,
		input,
		clock,
	};

	const transcript = createTranscript( ctx, panel );
	const pending = createPending( ctx, transcript, clock );
	const tickets = createTickets( ctx, transcript );
	const queue = createQueueStatus(
		ctx,
		transcript,
		() => void tickets.open()
	);
	const rating = createRating( ctx );
	const consent = createConsent( ctx );
	const composer = createComposer( ctx, transcript.scrollDown, consent.ok );
	const endChat = createEndChat( ctx, actions, () => {
		transcript.notice( ctx.s.ended );
		input?.focus();
	} );

	function show( messages: ChatMessage[] ): void {
		for ( const message of messages ) {
			if ( ! message || typeof message.id !== 'number' ) {
				continue;
			}
			const node = transcript.message( message );
			if ( message.role === 'system' ) {
				if ( message.kind === 'left' ) {
					queue.serverLeft();
				}
				if ( message.rating_requested ) {
					rating.ask( node );
				}
				if ( message.offer_ticket ) {
					tickets.offerAgain( node );
				}
			}
		}
		transcript.scrollDown();
	}

	const listener: ChatListener = {
		onHistory: show,
		onMessages: show,
		onOutbox: pending.outbox,
		onDelivered: pending.delivered,
		onAdopt: pending.adopt,
		onSession( open ) {
			endChat.session( open );
			consent.session( open );
		},
		onHandoff( handoff ) {
			queue.update( handoff );
			tickets.handoff( handoff );
			transcript.typing.handoff( handoff );
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
		notice: transcript.notice,
		/** Whether the visitor ticked "I agree" under the privacy notice. */
		consented: consent.agreed,
		submit: composer.submit,
		human: composer.human,
	};
}

export type ChatView = ReturnType< typeof createView >;
