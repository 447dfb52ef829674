/**
 * The live handoff, client side: follows an open handoff to a person (place in the queue, the
 * agent, their messages) by polling the cheap read path while one is open, leaves the queue, and
 * sends the rating asked for when the agent closes the chat.
 */
import type { ChatMessage, VisitorHandoff } from '../types';
import type { Api, ApiFailure } from './api';
import type { StoredConversation } from './client';
import type { Clock } from './outbox';
import { createPoller, type PollResult, type Visibility } from './poller';

export type LiveListener = {
	/** New messages (an agent's replies, notices, the bot's answers), oldest first. */
	onMessages: ( messages: ChatMessage[] ) => void;
	/** The open handoff after each read, or null when none is open. */
	onHandoff: ( handoff: VisitorHandoff | null ) => void;
};

export type LiveOptions = {
	api: Api;
	clock: Clock;
	visibility: Visibility;
	listener: LiveListener;
	conversation: () => StoredConversation | null;
	save: ( value: StoredConversation ) => void;
	advance: ( id: number, cursor: number ) => void;
	forget: ( id: number ) => void;
	isGone: ( failure: ApiFailure ) => boolean;
	/** Whether a visitor message is on its way (its answer brings the news: no read meanwhile). */
	sending: () => boolean;
};

/**
 * @param options The dependencies.
 */
export function createLive( options: LiveOptions ) {
	const { api, listener, conversation } = options;
	const idle: PollResult = { active: false, fresh: false };

	async function poll(): Promise< PollResult > {
		const current = conversation();
		if ( ! current ) {
			return idle;
		}
		if ( options.sending() ) {
			return { active: true, fresh: false };
		}
		const result = await api.messages( current, current.cursor );
		if ( conversation()?.id !== current.id ) {
			return idle;
		}
		if ( ! result.ok ) {
			if ( options.isGone( result ) ) {
				options.forget( current.id );
				return idle;
			}
			return { active: true, fresh: false, failed: true };
		}
		const batch = Array.isArray( result.data.messages )
			? result.data.messages.filter(
					( m ) => m && typeof m.id === 'number'
				)
			: [];
		if ( batch.length ) {
			listener.onMessages( batch );
			options.advance(
				current.id,
				Math.max( result.data.cursor, batch[ batch.length - 1 ]!.id )
			);
		}
		if ( result.data.status === 'ended' ) {
			options.forget( current.id );
			return idle;
		}
		const handoff = result.data.handoff ?? null;
		listener.onHandoff( handoff );
		return {
			active: handoff !== null,
			fresh: batch.length > 0,
			waiting:
				handoff?.status === 'requested' || handoff?.status === 'queued',
		};
	}

	const poller = createPoller( {
		clock: options.clock,
		visibility: options.visibility,
		poll,
	} );

	return {
		/**
		 * The server said how the handoff stands (a send's answer, a restored transcript).
		 * @param handoff The open handoff, null for none; undefined when the server did not say.
		 */
		handoff( handoff: VisitorHandoff | null | undefined ): void {
			if ( handoff === undefined ) {
				return;
			}
			listener.onHandoff( handoff );
			if ( handoff ) {
				poller.watch();
			} else {
				poller.stop();
			}
		},

		/** News is awaited (the visitor accepted to be connected): read at once. */
		awaited(): void {
			poller.watch( true );
		},

		/** The visitor typed or sent something. */
		activity(): void {
			poller.activity();
		},

		/** The conversation is gone: no handoff, no polling. */
		closed(): void {
			poller.stop();
			listener.onHandoff( null );
		},

		/**
		 * Leaves the queue.
		 * @return 'ok'; 'gone' when there was nothing to leave any more (an agent joined meanwhile,
		 *         or the conversation is gone: the chat reads the news); 'failed' to try again.
		 */
		async leave(): Promise< 'ok' | 'gone' | 'failed' > {
			const current = conversation();
			if ( ! current ) {
				return 'gone';
			}
			const result = await api.leave( current );
			if ( result.ok ) {
				poller.stop();
				listener.onHandoff( null );
				return 'ok';
			}
			if ( result.code === 'handoff_bot_no_open_handoff' ) {
				poller.watch( true );
				return 'gone';
			}
			if ( options.isGone( result ) ) {
				options.forget( current.id );
				return 'gone';
			}
			return 'failed';
		},

		/** Whether the visitor rated this conversation in this tab. */
		rated(): boolean {
			return !! conversation()?.rated;
		},

		/**
		 * Rates the conversation (asked for when an agent closed it).
		 * @param rating 1–5.
		 */
		async rate( rating: number ): Promise< boolean > {
			const current = conversation();
			if ( ! current ) {
				return false;
			}
			const result = await api.feedback( current, { rating } );
			if ( ! result.ok ) {
				return false;
			}
			const latest = conversation();
			if ( latest && latest.id === current.id ) {
				options.save( { ...latest, rated: true } );
			}
			return true;
		},

		/** Stops for good. */
		dispose: poller.dispose,
	};
}
