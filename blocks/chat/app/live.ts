/**
 * The live handoff, client side: follows an open handoff to a person (place in the queue, the
 * agent, their messages) by polling the cheap read path while one is open, leaves the queue, and
 * sends the rating asked for when the agent closes the chat. Between reads of the route, where the
 * site serves one, it reads the conversation's change file (a static file the web server answers)
 * and reads the route only when its version changed or the server's check-in time came.
 */
import type { ChatMessage, PollSignal, VisitorHandoff } from '../types';
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

/** After the change file failed (or was found stale), how long the chat reads the route only. */
export const FILE_RETRY = 5 * 60 * 1000;

/**
 * @param options The dependencies.
 */
export function createLive( options: LiveOptions ) {
	const { api, listener, conversation, clock } = options;
	const idle: PollResult = { active: false, fresh: false };
	/** The change file of the conversation followed, from the last read of its messages. */
	let signal: {
		conversation: number;
		url: string;
		version: string;
		/** When the messages must be read anyway (ms). */
		until: number;
		/** What that read found. */
		found: PollResult;
		/** The handoff as last shown. */
		handoff: VisitorHandoff;
	} | null = null;
	/**
	 * Reads of the file that failed in a row: after three, the chat reads the route only, and
	 * tries the file again five minutes after the last miss (or with a new file).
	 */
	let misses = 0;
	let missedAt = 0;

	/** The file is not to be trusted for a while (it failed, or was found stale). */
	function miss(): void {
		misses++;
		missedAt = clock.now();
	}

	/**
	 * Whether the conversation's file says nothing changed since the last read of its messages
	 * (then the route is not read: the web server answered, not WordPress).
	 * @param id The conversation.
	 */
	async function unchanged( id: number ): Promise< boolean > {
		if ( misses >= 3 && clock.now() - missedAt >= FILE_RETRY ) {
			misses = 0;
		}
		const followed = signal;
		if (
			! followed ||
			followed.conversation !== id ||
			misses >= 3 ||
			clock.now() >= followed.until
		) {
			return false;
		}
		const seen = await api.signal( followed.url );
		if ( signal !== followed ) {
			// Something read the route meanwhile, or asked for a read at once.
			return false;
		}
		if ( seen === null ) {
			miss();
			return false;
		}
		misses = 0;
		if ( seen.version !== followed.version ) {
			return false;
		}
		const shown = followed.handoff;
		const waiting =
			shown.route === 'live' &&
			( shown.status === 'requested' || shown.status === 'queued' );
		if (
			waiting &&
			seen.place !== undefined &&
			seen.place !== null &&
			( seen.place !== shown.place ||
				( seen.wait ?? null ) !== shown.expected_wait_minutes )
		) {
			// The queue moved: the new place from the file, without a read of the route.
			followed.handoff = {
				...shown,
				place: seen.place,
				expected_wait_minutes: seen.wait ?? null,
			};
			listener.onHandoff( followed.handoff );
		}
		return true;
	}

	async function poll(): Promise< PollResult > {
		const current = conversation();
		if ( ! current ) {
			return idle;
		}
		if ( options.sending() ) {
			return { active: true, fresh: false };
		}
		if ( await unchanged( current.id ) ) {
			if ( conversation()?.id !== current.id ) {
				return idle;
			}
			return signal?.found ?? { active: true, fresh: false };
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
		if (
			signal &&
			signal.conversation === current.id &&
			result.data.signal?.version === signal.version &&
			batch.some( ( m ) => m.role === 'agent' )
		) {
			// An agent wrote, yet the file did not change: it is not kept current (a cache in
			// front of it, say). The route it is, for a while.
			misses = 3;
			missedAt = clock.now();
		}
		return follow(
			current.id,
			handoff,
			result.data.signal,
			batch.length > 0
		);
	}

	/**
	 * Keeps the change file a read of the messages (or a send's answer) gave.
	 * @param id      The conversation.
	 * @param handoff The open handoff, or null.
	 * @param next    The change file, when the server gave one.
	 * @param fresh   Whether the read brought new messages.
	 * @return What the read found, for the poller.
	 */
	function follow(
		id: number,
		handoff: VisitorHandoff | null,
		next: PollSignal | null | undefined,
		fresh: boolean
	): PollResult {
		const found: PollResult = {
			active: handoff !== null,
			fresh,
			waiting:
				handoff?.status === 'requested' || handoff?.status === 'queued',
		};
		if ( next && signal && next.url !== signal.url ) {
			misses = 0;
		}
		signal =
			handoff && next && typeof next.url === 'string' && next.version
				? {
						conversation: id,
						url: next.url,
						version: next.version,
						until:
							clock.now() +
							Math.max( 1, Number( next.check_in ) || 0 ) * 1000,
						found: { ...found, fresh: false },
						handoff,
					}
				: null;
		return found;
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
		 * @param next    The change file that came with it, if any.
		 */
		handoff(
			handoff: VisitorHandoff | null | undefined,
			next?: PollSignal | null
		): void {
			if ( handoff === undefined ) {
				return;
			}
			const current = conversation();
			if ( current && next !== undefined ) {
				follow( current.id, handoff, next, false );
			}
			listener.onHandoff( handoff );
			if ( handoff ) {
				poller.watch();
			} else {
				poller.stop();
			}
		},

		/** News is awaited (the visitor accepted to be connected): read the messages at once. */
		awaited(): void {
			signal = null;
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
