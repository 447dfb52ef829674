/**
 * The chat client without the DOM: the conversation kept in sessionStorage, the outbox, restoring
 * the transcript, the page trail, feedback and ending; the live handoff is in ./live. Everything it
 * touches is injected.
 */
import { CONVERSATION_KEY, OUTBOX_KEY } from '../keys';
import type {
	ChatMessage,
	SendResponse,
	TicketAnswers,
	TicketDraft,
	TicketReceipt,
	PollSignal,
	VisitorHandoff,
} from '../types';
import {
	createApi,
	isRetryable,
	type ApiFailure,
	type ApiResult,
	type FetchLike,
	type PageInfo,
} from './api';
import {
	createOutbox,
	type AttemptResult,
	type Clock,
	type OutboxEntry,
} from './outbox';
import { createLive, type LiveListener } from './live';
import type { Visibility } from './poller';
import { readJson, writeJson, type KeyValueStore } from './storage';

/** The conversation as kept in sessionStorage under CONVERSATION_KEY. */
export type StoredConversation = {
	id: number;
	token: string;
	/** The newest message id seen. */
	cursor: number;
	/** The REST base it belongs to (one origin can host several sites). */
	rest: string;
	/** Feedback given in this tab, by bot message id. */
	feedback?: Record< string, 1 | -1 >;
	/** The conversation was rated in this tab (after an agent closed it). */
	rated?: boolean;
};

/** What the client tells the view. */
export type ChatListener = LiveListener & {
	/** The restored transcript, oldest first. */
	onHistory: ( messages: ChatMessage[] ) => void;
	/** The messages not sent yet, after any change. */
	onOutbox: ( entries: readonly OutboxEntry[] ) => void;
	/** A queued message reached the server; `response` has the stored message and the reply. */
	onDelivered: ( entry: OutboxEntry, response: SendResponse ) => void;
	/** Whether a conversation is open (End chat is offered only then). */
	onSession: ( open: boolean ) => void;
	/**
	 * An unsent message the restored transcript already shows (it was stored, but its reply was
	 * lost to a reload): show it as that message, not a second time.
	 */
	onAdopt: ( key: string, messageId: number ) => void;
};

export type ChatClientOptions = {
	fetch: FetchLike;
	storage: KeyValueStore;
	clock: Clock;
	random: () => number;
	restUrl: string;
	nonce?: string | undefined;
	/** The page the visitor is on now. */
	page: () => { url: string; title: string };
	listener: ChatListener;
	genericError: string;
	/** The page's visibility: polling slows down while the tab is hidden. */
	visibility: Visibility;
	/** Whether the visitor agreed to the privacy notice (sent when the conversation starts). */
	consent?: () => boolean;
};

/** The most pages of 100 messages read when restoring a transcript. */
const MAX_HISTORY_PAGES = 20;

function isConversation( value: unknown ): value is StoredConversation {
	const v = value as StoredConversation;
	return (
		!! v &&
		typeof v.id === 'number' &&
		v.id > 0 &&
		typeof v.token === 'string' &&
		v.token !== '' &&
		typeof v.cursor === 'number' &&
		typeof v.rest === 'string'
	);
}

/**
 * Page fields for the REST API; titles are capped at the 200 characters the server keeps.
 * @param page       The page.
 * @param page.url   Its URL.
 * @param page.title Its title.
 */
export function pageInfo( page: { url: string; title: string } ): PageInfo {
	return {
		page_url: page.url,
		page_title: Array.from( page.title ).slice( 0, 200 ).join( '' ),
	};
}

/**
 * Builds the client. Call `start()` once the view is listening.
 * @param options The dependencies.
 */
export function createChatClient( options: ChatClientOptions ) {
	const { storage, clock, restUrl, listener } = options;
	const api = createApi( {
		fetch: options.fetch,
		restUrl,
		nonce: options.nonce,
		now: () => clock.now(),
	} );
	const live = createLive( {
		api,
		clock,
		visibility: options.visibility,
		listener,
		conversation,
		save,
		advance,
		forget,
		isGone,
		sending: () => outbox.entries().some( ( e ) => e.state === 'sending' ),
	} );

	// The page's own copy wins: a full or refused storage must not start a conversation per message.
	let memo: StoredConversation | null | undefined;

	function conversation(): StoredConversation | null {
		if ( memo === undefined ) {
			const value = readJson( storage, CONVERSATION_KEY );
			memo =
				isConversation( value ) && value.rest === restUrl
					? value
					: null;
		}
		return memo;
	}

	function save( value: StoredConversation ): void {
		memo = value;
		writeJson( storage, CONVERSATION_KEY, value );
	}

	/**
	 * Forgets the conversation, unless another one replaced it meanwhile.
	 * @param id The conversation to forget.
	 */
	function forget( id: number ): void {
		if ( conversation()?.id === id ) {
			memo = null;
			writeJson( storage, CONVERSATION_KEY, null );
			listener.onSession( false );
			live.closed();
		}
	}

	function advance( id: number, cursor: number ): void {
		const current = conversation();
		if ( current && current.id === id && cursor > current.cursor ) {
			save( { ...current, cursor } );
		}
	}

	/**
	 * 401, 403 and 404 mean the stored conversation is not ours (any more); a 409 that it ended.
	 * @param failure The failure.
	 */
	function isGone( failure: ApiFailure ): boolean {
		return (
			[ 401, 403, 404 ].includes( failure.status ) ||
			failure.code === 'handoff_bot_conversation_ended'
		);
	}

	function classify( failure: ApiFailure ): AttemptResult< SendResponse > {
		if ( isRetryable( failure ) ) {
			return {
				kind: 'retry',
				retryAfter: failure.retryAfter,
				...( failure.status === 429
					? {
							rateLimited:
								failure.limit === 'conversation'
									? ( 'conversation' as const )
									: ( 'address' as const ),
						}
					: {} ),
			};
		}
		return {
			kind: 'final',
			message: failure.message || options.genericError,
		};
	}

	async function attempt(
		entry: OutboxEntry
	): Promise< AttemptResult< SendResponse > > {
		let current = conversation();
		let fresh = false;
		for (;;) {
			if ( ! current ) {
				const started = await api.startConversation( {
					page_url: entry.page_url,
					page_title: entry.page_title,
					...( options.consent?.() ? { consent: true } : {} ),
				} );
				if ( ! started.ok ) {
					return classify( started );
				}
				current = {
					id: started.data.id,
					token: started.data.token,
					cursor: 0,
					rest: restUrl,
				};
				save( current );
				fresh = true;
				listener.onSession( true );
			}
			const sent = await api.sendMessage( current, {
				message: entry.text,
				idempotency_key: entry.key,
				...( entry.human ? { human: true } : {} ),
				page_url: entry.page_url,
				page_title: entry.page_title,
				after: current.cursor,
			} );
			if ( sent.ok ) {
				advance( current.id, sent.data.cursor );
				return { kind: 'sent', value: sent.data };
			}
			if ( ! fresh && isGone( sent ) ) {
				// The stored conversation is gone: start a new one and resend, same key.
				forget( current.id );
				current = null;
				continue;
			}
			return classify( sent );
		}
	}

	let started = false;
	const outbox = createOutbox< SendResponse >( {
		storage,
		storageKey: OUTBOX_KEY,
		clock,
		random: options.random,
		attempt,
		// Until the transcript is back, hold back what may already be in it.
		onChange: ( entries ) =>
			listener.onOutbox(
				started ? entries : entries.filter( ( e ) => ! e.maybeStored )
			),
		onSent: ( entry, response ) => {
			listener.onDelivered( entry, response );
			// What an agent wrote while this message was on its way: the cursor moved past it.
			if ( Array.isArray( response.missed ) && response.missed.length ) {
				listener.onMessages( response.missed );
			}
			live.handoff( response.handoff, response.signal );
		},
		mark: () => conversation()?.cursor ?? 0,
	} );

	/**
	 * Matches unsent messages that may have reached the server with what the transcript shows. The
	 * outbox sends in order, so a visitor message stored after an entry's first attempt began
	 * (id above its mark) can only be that entry.
	 * @param messages The restored transcript.
	 */
	function adopt( messages: ChatMessage[] ): void {
		const used = new Set< number >();
		for ( const entry of outbox.entries() ) {
			if ( ! entry.maybeStored ) {
				continue;
			}
			const match = messages.find(
				( m ) =>
					m.role === 'visitor' &&
					m.id > ( entry.mark ?? 0 ) &&
					m.body === entry.text &&
					! used.has( m.id )
			);
			if ( match ) {
				used.add( match.id );
				listener.onAdopt( entry.key, match.id );
			}
		}
	}

	async function restore(
		current: StoredConversation
	): Promise< 'ok' | 'gone' | 'failed' > {
		const messages: ChatMessage[] = [];
		let after = 0;
		let handoff: VisitorHandoff | null | undefined;
		let signal: PollSignal | null | undefined;
		for ( let i = 0; i < MAX_HISTORY_PAGES; i++ ) {
			const result = await api.messages( current, after );
			if ( ! result.ok ) {
				if ( isGone( result ) ) {
					forget( current.id );
					return 'gone';
				}
				return 'failed';
			}
			const batch = Array.isArray( result.data.messages )
				? result.data.messages
				: [];
			messages.push( ...batch );
			handoff = result.data.handoff;
			signal = result.data.signal;
			if ( result.data.status === 'ended' ) {
				listener.onHistory( messages );
				adopt( messages );
				forget( current.id );
				return 'gone';
			}
			if ( batch.length < 100 || result.data.cursor <= after ) {
				break;
			}
			after = result.data.cursor;
		}
		listener.onHistory( messages );
		adopt( messages );
		const last = messages[ messages.length - 1 ];
		if ( last ) {
			advance( current.id, last.id );
		}
		live.handoff( handoff, signal );
		return 'ok';
	}

	return {
		/** The stored conversation, if any. */
		conversation,

		/**
		 * Restores an open conversation: the transcript first, then the outbox starts (unsent
		 * messages show after the transcript, once it is known which of them it has), then the
		 * current page goes on the trail.
		 * @return How restoring went ('none': no conversation was open).
		 */
		async start(): Promise< 'none' | 'ok' | 'gone' | 'failed' > {
			const current = conversation();
			let restored: 'none' | 'ok' | 'gone' | 'failed' = 'none';
			if ( current ) {
				listener.onSession( true );
				restored = await restore( current );
			}
			started = true;
			listener.onOutbox( outbox.entries() );
			outbox.start();
			if ( current && restored !== 'gone' ) {
				// The page trail does not hold up the messages.
				const trail = await api.addPage(
					current,
					pageInfo( options.page() )
				);
				if ( ! trail.ok && isGone( trail ) ) {
					forget( current.id );
				}
			}
			return restored;
		},

		/**
		 * Queues a visitor message; the conversation starts with the first one.
		 * @param text  The message, trimmed.
		 * @param human Whether it asks for a person with the chat's button.
		 */
		send( text: string, human = false ): OutboxEntry {
			live.activity();
			return outbox.add( text, pageInfo( options.page() ), human );
		},

		/** The visitor is typing: a paused poll for an agent's replies starts again. */
		active(): void {
			live.activity();
		},

		leave: live.leave,
		rated: live.rated,

		/** What the ticket form starts with, or null when it cannot be read now. */
		async ticketDraft(): Promise< TicketDraft | null > {
			const current = conversation();
			if ( ! current ) {
				return null;
			}
			const result = await api.ticketDraft( current );
			return result.ok ? result.data : null;
		},

		/**
		 * Sends the ticket form; then reads the news (the confirmation, or who took the chat).
		 * @param answers The answers.
		 */
		async ticket(
			answers: TicketAnswers
		): Promise< ApiResult< TicketReceipt > > {
			const current = conversation();
			if ( ! current ) {
				return {
					ok: false,
					status: 409,
					code: 'handoff_bot_no_handoff',
					message: '',
					retryAfter: null,
				};
			}
			const result = await api.ticket( current, answers );
			if ( result.ok || result.status === 409 ) {
				live.awaited();
			}
			return result;
		},
		rate: live.rate,

		/**
		 * Answers the bot's offer to connect to a person.
		 * @param messageId The bot message that made the offer.
		 * @param accept    Whether to be connected.
		 * @return The bot's reply when accepted (null when declined), or undefined on failure.
		 */
		async choose(
			messageId: number,
			accept: boolean
		): Promise< ChatMessage | null | undefined > {
			const current = conversation();
			if ( ! current ) {
				return undefined;
			}
			const result = await api.choose( current, {
				message_id: messageId,
				accept,
			} );
			if ( ! result.ok ) {
				return undefined;
			}
			if ( result.data.reply ) {
				advance( current.id, result.data.reply.id );
			}
			if ( accept ) {
				// The choice's answer does not say how the handoff stands: read it.
				live.awaited();
			}
			return result.data.reply;
		},

		/** The network is back: retry what waits. */
		retryNow(): void {
			outbox.retryNow();
		},

		/**
		 * Feedback given in this tab on a bot message.
		 * @param messageId The bot message.
		 */
		feedbackFor( messageId: number ): 1 | -1 | null {
			return conversation()?.feedback?.[ String( messageId ) ] ?? null;
		},

		/**
		 * Rates one answer.
		 * @param messageId The bot message.
		 * @param helpful   Whether it helped.
		 */
		async feedback(
			messageId: number,
			helpful: boolean
		): Promise< boolean > {
			const current = conversation();
			if ( ! current ) {
				return false;
			}
			const result = await api.feedback( current, {
				message_id: messageId,
				helpful,
			} );
			if ( ! result.ok ) {
				return false;
			}
			const latest = conversation();
			if ( latest && latest.id === current.id ) {
				save( {
					...latest,
					feedback: {
						...latest.feedback,
						[ String( messageId ) ]: helpful ? 1 : -1,
					},
				} );
			}
			return true;
		},

		/**
		 * Ends the conversation with an optional 1–5 rating. Afterwards a new message starts a new
		 * conversation.
		 * @param rating 1–5, or null.
		 */
		async end( rating: number | null ): Promise< boolean > {
			const current = conversation();
			if ( ! current ) {
				return true;
			}
			const result = await api.end( current, rating );
			if ( ! result.ok && ! isGone( result ) ) {
				return false;
			}
			forget( current.id );
			return true;
		},

		/** Stops timers (tests, unmount). */
		stop(): void {
			outbox.stop();
			live.dispose();
		},
	};
}

export type ChatClient = ReturnType< typeof createChatClient >;
