/**
 * Test doubles for the chat client: an in-memory server that follows docs/REST.md (with the live
 * handoff: the queue, an agent's side, leaving, rating), a manual clock, the page's visibility, and
 * a mounted chat on the block's real markup (./render).
 */

import type { FetchLike, ResponseLike } from '../app/api';
import { mount, type ChatController } from '../app';
import type { Clock } from '../app/outbox';
import { memoryStore, type KeyValueStore } from '../app/storage';
import type {
	ChatMessage,
	Citation,
	PollSignal,
	SendResponse,
	SystemKind,
	TicketAnswers,
	VisitorHandoff,
} from '../types';
import { flush, PAGE, renderPhp, REST, type RenderOptions } from './render';

/** The ticket form's words, as the server sends them with the draft (Visitor_Ticket_Controller). */
const TICKET_LABELS: Record< string, string > = {
	title: 'Leave your details',
	intro: 'Nobody from the team can join the chat right now.',
	name: 'Your name',
	email: 'Email address',
	contact: 'How should we reach you?',
	contactEmail: 'Reply by email',
	contactPhone: 'Call me back',
	phone: 'Phone number',
	window: 'When should we call?',
	window_morning: 'Morning',
	window_afternoon: 'Afternoon',
	timezone: 'Times are in your time zone (%s).',
	siteTimezone: 'Europe/London',
	message: 'Your message',
	send: 'Send',
	sending: 'Sending…',
	later: 'Not now',
	fix: 'Please check the fields marked above.',
	failed: 'Your details could not be sent. Please try again: everything you typed is still here.',
};

export { flush, PAGE, renderPhp, REST };

/** Where the fake site serves the chats' change files. */
export const SIGNAL =
	'https://shop.example/wp-content/uploads/handoff-bot/poll/';

/** A clock that only moves when the test says so. */
export class FakeClock implements Clock {
	time = 0;
	private seq = 0;
	private timers = new Map< number, { at: number; fn: () => void } >();

	now = () => this.time;

	setTimeout = ( fn: () => void, ms: number ) => {
		const id = ++this.seq;
		this.timers.set( id, { at: this.time + Math.max( 0, ms ), fn } );
		return id;
	};

	clearTimeout = ( handle: unknown ) => {
		this.timers.delete( handle as number );
	};

	/** When the next timer fires, or null. */
	nextAt(): number | null {
		let next: number | null = null;
		for ( const { at } of this.timers.values() ) {
			next = next === null ? at : Math.min( next, at );
		}
		return next;
	}

	/**
	 * Moves time forward, firing due timers in order and letting their work settle.
	 * @param ms How far.
	 */
	async advance( ms: number ): Promise< void > {
		const end = this.time + ms;
		for (;;) {
			let due: [ number, { at: number; fn: () => void } ] | null = null;
			for ( const entry of this.timers ) {
				if (
					entry[ 1 ].at <= end &&
					( ! due || entry[ 1 ].at < due[ 1 ].at )
				) {
					due = entry;
				}
			}
			if ( ! due ) {
				break;
			}
			this.timers.delete( due[ 0 ] );
			this.time = due[ 1 ].at;
			due[ 1 ].fn();
			await flush();
		}
		this.time = end;
		await flush();
	}
}

/** A scripted outcome for the next matching request. */
export type Fault =
	| 'network'
	/** The server handles the request, then the response is lost. */
	| 'lost'
	| {
			status: number;
			code?: string;
			message?: string;
			retryAfter?: string;
			/** Over a rate limit: which one the server names. */
			limit?: string;
	  };

/** The page's visibility, switched by the test. */
export class FakeVisibility extends EventTarget {
	hidden = false;

	/**
	 * Hides or shows the tab, as the browser would.
	 * @param hidden Whether the tab is hidden.
	 */
	set( hidden: boolean ): void {
		this.hidden = hidden;
		this.dispatchEvent( new Event( 'visibilitychange' ) );
	}
}

type Conversation = {
	token: string;
	status: 'open' | 'ended';
	messages: ChatMessage[];
	keys: Map< string, SendResponse >;
	pages: { url: string; title: string }[];
	feedback: { message_id: number; helpful: boolean }[];
	rating: number | null;
	/** Ratings sent with `POST feedback { rating }`. */
	ratings: number[];
	handoff: VisitorHandoff | null;
};

export type RecordedRequest = {
	method: string;
	path: string;
	query: string;
	headers: Record< string, string >;
	body: Record< string, unknown > | null;
};

/** The REST API of docs/REST.md, in memory. */
export class FakeServer {
	conversations = new Map< number, Conversation >();
	requests: RecordedRequest[] = [];
	private nextConversation = 1;
	private nextMessage = 1;
	private faults: {
		match: ( r: RecordedRequest ) => boolean;
		fault: Fault;
	}[] = [];

	/**
	 * Builds the bot's reply to a visitor message.
	 * @param text
	 */
	answer: ( text: string ) => Omit< ChatMessage, 'id' > = ( text ) => ( {
		role: 'bot',
		body: `Answer to: ${ text }`,
		kind: 'answer',
		confidence: 0.8,
		language: 'en',
		citations: [
			{
				title: 'Returns and refunds',
				url: 'https://shop.example/returns/#refund-timing',
				anchor: 'refund-timing',
				heading: 'Refund timing',
			} satisfies Citation,
		],
	} );

	/**
	 * When set, a request for a person (the chat's button, or accepting an offer) opens a handoff
	 * waiting in the live queue with these fields.
	 */
	handoffOnRequest: Partial< VisitorHandoff > | null = null;

	/** Whether the ticket form offers a phone callback. */
	callbackOffered = false;

	/** Ticket forms the server took, in order. */
	tickets: TicketAnswers[] = [];

	/**
	 * When set, reads of the messages give a change file to read between them (Poll_Signal), with
	 * this check-in time in seconds.
	 */
	signals: { checkIn: number } | null = null;

	/** When set, reads of a change file get this status (the uploads folder is not served). */
	signalStatus: number | null = null;

	/**
	 * Makes the next request matching `match` (default: any message send) fail.
	 * @param fault What happens.
	 * @param match Which request.
	 */
	fail(
		fault: Fault,
		match: ( r: RecordedRequest ) => boolean = isSend
	): this {
		this.faults.push( { match, fault } );
		return this;
	}

	/**
	 * Adds a conversation as if a previous page had started it.
	 * @param messages Its transcript.
	 */
	seed( messages: Omit< ChatMessage, 'id' >[] = [] ): {
		id: number;
		token: string;
	} {
		const id = this.nextConversation++;
		const token = `token-${ id }-${ 'x'.repeat( 30 ) }`;
		this.conversations.set( id, {
			token,
			status: 'open',
			messages: messages.map( ( m ) => ( {
				...m,
				id: this.nextMessage++,
			} ) ),
			keys: new Map(),
			pages: [],
			feedback: [],
			rating: null,
			ratings: [],
			handoff: null,
		} );
		return { id, token };
	}

	/**
	 * A conversation, for the agent's side.
	 * @param id Its id (default: the first).
	 */
	private open( id = 1 ): Conversation {
		const conversation = this.conversations.get( id );
		expect( conversation ).toBeDefined();
		return conversation!;
	}

	private say(
		conversation: Conversation,
		message: Omit< ChatMessage, 'id' >
	) {
		conversation.messages.push( { ...message, id: this.nextMessage++ } );
	}

	/**
	 * Closes the conversation's handoff (the visitor left the queue, or it was abandoned).
	 * @param id The conversation.
	 */
	clearHandoff( id = 1 ): this {
		this.open( id ).handoff = null;
		return this;
	}

	/**
	 * Opens a handoff, or changes it (the place in the queue, the wait, the agent typing…).
	 * @param fields What changes.
	 * @param id     The conversation.
	 */
	setHandoff( fields: Partial< VisitorHandoff >, id = 1 ): this {
		const conversation = this.open( id );
		conversation.handoff = {
			id: 1,
			status: 'queued',
			route: 'live',
			place: null,
			expected_wait_minutes: null,
			agent: null,
			agent_typing: false,
			...conversation.handoff,
			...fields,
		};
		return this;
	}

	/**
	 * A system notice in the transcript.
	 * @param kind  What happened.
	 * @param body  Its words.
	 * @param extra More fields.
	 * @param id    The conversation.
	 */
	system(
		kind: SystemKind,
		body: string,
		extra: Partial< ChatMessage > = {},
		id = 1
	): this {
		this.say( this.open( id ), { role: 'system', kind, body, ...extra } );
		return this;
	}

	/**
	 * An agent accepts the handoff.
	 * @param name Their name.
	 * @param id   The conversation.
	 */
	agentJoins( name: string, id = 1 ): this {
		this.setHandoff(
			{
				status: 'accepted',
				place: null,
				expected_wait_minutes: null,
				agent: { name },
			},
			id
		);
		return this.system(
			'agent_joined',
			`${ name } joined the chat.`,
			{},
			id
		);
	}

	/**
	 * The agent replies.
	 * @param body The reply.
	 * @param id   The conversation.
	 */
	agentSays( body: string, id = 1 ): this {
		const conversation = this.open( id );
		this.say( conversation, {
			role: 'agent',
			body,
			author: { name: conversation.handoff?.agent?.name ?? 'Agent' },
		} );
		return this;
	}

	/**
	 * The agent resolves the chat: the handoff closes and the visitor is asked for a rating.
	 * @param id The conversation.
	 */
	resolve( id = 1 ): this {
		const conversation = this.open( id );
		const name = conversation.handoff?.agent?.name ?? 'The agent';
		conversation.handoff = null;
		return this.system(
			'resolved',
			`${ name } closed the chat.`,
			{ rating_requested: true },
			id
		);
	}

	/** Message reads (polls and restores), in order. */
	reads(): RecordedRequest[] {
		return this.requests.filter(
			( r ) =>
				r.method === 'GET' &&
				/^conversations\/\d+\/messages$/.test( r.path )
		);
	}

	/** Visitor messages the server stored, over all conversations, in order. */
	storedVisitorMessages(): string[] {
		return Array.from( this.conversations.values() ).flatMap( ( c ) =>
			c.messages
				.filter( ( m ) => m.role === 'visitor' )
				.map( ( m ) => m.body )
		);
	}

	/** Message sends (every attempt), in order. */
	sends(): RecordedRequest[] {
		return this.requests.filter( isSend );
	}

	/** When set, the version every change file holds (a change the server does not signal). */
	private frozen: string | null = null;

	/**
	 * Keeps the conversation's change file as it is, whatever changes next (a state that lapses
	 * with time, as the agent's typing does, changes no file).
	 * @param id The conversation.
	 */
	freezeSignal( id = 1 ): this {
		this.frozen = this.version( this.open( id ) );
		return this;
	}

	/**
	 * The change file a read of the messages or a send's answer gives, while a handoff is open.
	 * @param conversation The conversation.
	 * @param id           Its id.
	 */
	private signalOf(
		conversation: Conversation,
		id: number
	): PollSignal | null {
		return this.signals && conversation.handoff
			? {
					url: `${ SIGNAL }${ id }.json`,
					version: this.version( conversation ),
					check_in: this.signals.checkIn,
				}
			: null;
	}

	/** Reads of change files, in order. */
	signalReads(): RecordedRequest[] {
		return this.requests.filter( ( r ) => r.path.startsWith( 'signal/' ) );
	}

	/**
	 * A conversation's change file version: it changes whenever what a read of its messages shows does.
	 * @param conversation The conversation.
	 */
	private version( conversation: Conversation ): string {
		if ( this.frozen !== null ) {
			return this.frozen;
		}
		// The place and the wait are in the file itself; they change no version.
		const {
			place,
			expected_wait_minutes: wait,
			...rest
		} = conversation.handoff ?? ( {} as Partial< VisitorHandoff > );
		void place;
		void wait;
		return `${ conversation.messages.length }:${ JSON.stringify(
			conversation.handoff ? rest : null
		) }`;
	}

	fetch: FetchLike = async ( url, init ) => {
		if ( url.startsWith( SIGNAL ) ) {
			const [ name = '' ] = url.slice( SIGNAL.length ).split( '?' );
			this.requests.push( {
				method: init.method,
				path: `signal/${ name }`,
				query: url.split( '?' )[ 1 ] ?? '',
				headers: { ...init.headers },
				body: null,
			} );
			const conversation = this.conversations.get(
				Number( name.replace( '.json', '' ) )
			);
			if ( this.signalStatus !== null || ! conversation ) {
				return respond( this.signalStatus ?? 404, {} );
			}
			const handoff = conversation.handoff;
			const waiting =
				handoff?.route === 'live' &&
				( handoff.status === 'requested' ||
					handoff.status === 'queued' );
			return respond( 200, {
				v: this.version( conversation ),
				...( waiting
					? {
							place: handoff.place,
							wait: handoff.expected_wait_minutes,
						}
					: {} ),
			} );
		}
		expect( url.startsWith( REST ) ).toBe( true );
		const [ routePath = '', query = '' ] = url
			.slice( REST.length )
			.split( '?' );
		const request: RecordedRequest = {
			method: init.method,
			path: routePath,
			query,
			headers: { ...init.headers },
			body: init.body ? JSON.parse( init.body ) : null,
		};
		this.requests.push( request );
		const index = this.faults.findIndex( ( f ) => f.match( request ) );
		const fault =
			index >= 0 ? this.faults.splice( index, 1 )[ 0 ]!.fault : null;
		if ( fault === 'network' ) {
			throw new TypeError( 'Failed to fetch' );
		}
		if ( fault && fault !== 'lost' ) {
			return respond(
				fault.status,
				{
					code: fault.code ?? 'handoff_bot_error',
					message: fault.message ?? 'Server error.',
					data: {
						status: fault.status,
						...( fault.limit ? { limit: fault.limit } : {} ),
					},
				},
				fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}
			);
		}
		const response = this.handle( request );
		if ( fault === 'lost' ) {
			throw new TypeError( 'Network connection lost' );
		}
		return response;
	};

	private handle( r: RecordedRequest ): ResponseLike {
		if ( r.method === 'POST' && r.path === 'conversations' ) {
			const { id, token } = this.seed();
			return respond( 201, { id, token, status: 'open' } );
		}
		const match =
			/^conversations\/(\d+)\/(messages|pages|feedback|choice|end|handoff\/leave|handoff\/ticket)$/.exec(
				r.path
			);
		if ( ! match ) {
			return respond( 404, {
				code: 'rest_no_route',
				message: 'No route.',
			} );
		}
		const token = r.headers[ 'X-Handoff-Bot-Token' ];
		if ( ! token ) {
			return respond( 401, {
				code: 'handoff_bot_token_missing',
				message: 'No token.',
			} );
		}
		const conversation = this.conversations.get( Number( match[ 1 ] ) );
		// An unknown conversation answers like a wrong token.
		if ( ! conversation || token !== conversation.token ) {
			return respond( 403, {
				code: 'handoff_bot_invalid_token',
				message: 'Wrong token.',
			} );
		}
		const body = r.body ?? {};
		switch ( `${ r.method } ${ match[ 2 ] }` ) {
			case 'GET messages': {
				const after = Number(
					new URLSearchParams( r.query ).get( 'after' )
				);
				const messages = conversation.messages
					.filter( ( m ) => m.id > after )
					.slice( 0, 100 );
				return respond( 200, {
					messages,
					cursor: messages.length
						? messages[ messages.length - 1 ]!.id
						: after,
					status: conversation.status,
					handoff: conversation.handoff,
					signal: this.signalOf( conversation, Number( match[ 1 ] ) ),
				} );
			}
			case 'POST messages': {
				const key = String( body.idempotency_key ?? '' );
				if ( ! /^[A-Za-z0-9_-]{8,64}$/.test( key ) ) {
					return respond( 400, {
						code: 'handoff_bot_invalid_idempotency_key',
						message: 'Bad key.',
					} );
				}
				const stored = conversation.keys.get( key );
				if ( stored ) {
					return respond( 200, { ...stored, replayed: true } );
				}
				if ( conversation.status === 'ended' ) {
					return respond( 409, {
						code: 'handoff_bot_conversation_ended',
						message: 'The conversation was ended.',
					} );
				}
				const typed = String( body.message ?? '' ).trim();
				// As the server masks a card number before storing the message.
				const text = typed.replace(
					/\b4111(?:[ -]?\d{4}){3}\b/g,
					'[Visa card ending 1111]'
				);
				const message: ChatMessage = {
					id: this.nextMessage++,
					role: 'visitor',
					body: text,
					...( text !== typed ? { redacted: [ 'card' ] } : {} ),
				};
				conversation.messages.push( message );
				// While an agent holds the conversation, the bot stays quiet.
				let reply: ChatMessage | null = null;
				if ( conversation.handoff?.status !== 'accepted' ) {
					if ( body.human === true && this.handoffOnRequest ) {
						this.setHandoff(
							this.handoffOnRequest,
							Number( match[ 1 ] )
						);
						reply = {
							id: this.nextMessage++,
							role: 'bot',
							body: 'Connecting you to a person from our team.',
							kind: 'handoff',
							decision: { kind: 'handoff' },
						};
					} else {
						reply = {
							...this.answer( text ),
							id: this.nextMessage++,
						};
					}
					conversation.messages.push( reply );
				}
				// As the server: with the chat's cursor, what others wrote since comes along.
				const own = [ message.id, reply?.id ];
				const missed =
					typeof body.after === 'number'
						? conversation.messages.filter(
								( m ) =>
									m.id > Number( body.after ) &&
									! own.includes( m.id )
							)
						: [];
				const response: SendResponse = {
					message,
					reply,
					cursor: Math.max(
						reply ? reply.id : message.id,
						...missed.map( ( m ) => m.id )
					),
					replayed: false,
					handoff: conversation.handoff,
					missed,
					signal: this.signalOf( conversation, Number( match[ 1 ] ) ),
				};
				conversation.keys.set( key, response );
				return respond( 201, response );
			}
			case 'POST pages':
				conversation.pages.push( {
					url: String( body.page_url ),
					title: String( body.page_title ),
				} );
				return respond( 200, { page_trail: conversation.pages } );
			case 'POST feedback':
				if ( typeof body.rating === 'number' ) {
					conversation.ratings.push( body.rating );
					return respond( 200, { ok: true } );
				}
				conversation.feedback.push( {
					message_id: Number( body.message_id ),
					helpful: Boolean( body.helpful ),
				} );
				return respond( 200, { ok: true } );
			case 'POST choice': {
				const offered = conversation.messages.find(
					( m ) => m.id === Number( body.message_id )
				);
				if ( ! offered || offered.decision?.kind !== 'offer_choice' ) {
					return respond( 400, {
						code: 'handoff_bot_no_offer',
						message: 'No offer.',
					} );
				}
				const accept = Boolean( body.accept );
				offered.decision = {
					kind: 'offer_choice',
					choice: accept ? 'accepted' : 'declined',
				};
				let reply: ChatMessage | null = null;
				if ( accept ) {
					reply = {
						id: this.nextMessage++,
						role: 'bot',
						body: 'Connecting you to a person from our team.',
						kind: 'handoff',
						decision: { kind: 'handoff' },
					};
					conversation.messages.push( reply );
					if ( this.handoffOnRequest ) {
						this.setHandoff(
							this.handoffOnRequest,
							Number( match[ 1 ] )
						);
					}
				}
				return respond( 200, { accepted: accept, reply } );
			}
			case 'POST handoff/leave':
				if (
					! conversation.handoff ||
					conversation.handoff.status === 'accepted'
				) {
					return respond( 409, {
						code: 'handoff_bot_no_open_handoff',
						message: 'No handoff to leave.',
					} );
				}
				conversation.handoff = null;
				return respond( 200, { handoff: null } );
			case 'GET handoff/ticket':
				return respond( 200, {
					name: '',
					email: '',
					message: conversation.messages
						.filter( ( m ) => m.role === 'visitor' )
						.map( ( m ) => m.body )
						.join( '\n\n' ),
					callback: this.callbackOffered,
					windows: { morning: [ 9, 12 ], afternoon: [ 12, 17 ] },
					labels: TICKET_LABELS,
				} );
			case 'POST handoff/ticket': {
				const answers = body as unknown as TicketAnswers;
				if (
					! conversation.handoff ||
					conversation.handoff.status === 'accepted'
				) {
					return respond( 409, {
						code: 'handoff_bot_no_handoff',
						message: 'Nothing waits.',
					} );
				}
				const fields: Record< string, string > = {};
				if ( ! answers.name ) {
					fields.name = 'Please enter your name.';
				}
				if ( answers.contact === 'phone' ) {
					if ( ! /^\+?[\d ]{6,}$/.test( answers.phone ) ) {
						fields.phone =
							'Please enter a phone number we can call.';
					}
				} else if ( ! /^\S+@\S+\.\S+$/.test( answers.email ) ) {
					fields.email = 'Please enter a valid email address.';
				}
				if ( ! answers.message ) {
					fields.message = 'Please tell us what you need.';
				}
				if ( Object.keys( fields ).length ) {
					return respond( 400, {
						code: 'handoff_bot_invalid_ticket',
						message: 'Some details need another look.',
						data: { status: 400, fields },
					} );
				}
				this.tickets.push( answers );
				const reference = `HB-${ String(
					conversation.handoff.id
				).padStart( 5, '0' ) }`;
				const text =
					answers.contact === 'phone'
						? `Thank you. Your callback request ${ reference } is recorded.`
						: `Thank you. Your request ${ reference } is with our team, and we will reply to ${ answers.email }.`;
				conversation.messages.push( {
					id: this.nextMessage++,
					role: 'system',
					body: text,
					kind: 'ticket',
				} );
				const route =
					answers.contact === 'phone' ? 'callback' : 'ticket';
				conversation.handoff = null;
				return respond( 201, {
					reference,
					handoff_id: 1,
					route,
					contact: answers.contact,
					email: answers.email,
					message: text,
				} );
			}
			case 'POST end':
				conversation.status = 'ended';
				conversation.rating =
					typeof body.rating === 'number' ? body.rating : null;
				return respond( 200, { status: 'ended' } );
		}
		return respond( 404, { code: 'rest_no_route', message: 'No route.' } );
	}
}

/**
 * Whether a request is a message send.
 * @param r The request.
 */
export function isSend(
	r: Pick< RecordedRequest, 'method' | 'path' >
): boolean {
	return (
		r.method === 'POST' && /^conversations\/\d+\/messages$/.test( r.path )
	);
}

function respond(
	status: number,
	body: unknown,
	headers: Record< string, string > = {}
): ResponseLike {
	return {
		status,
		headers: { get: ( name ) => headers[ name.toLowerCase() ] ?? null },
		text: async () => JSON.stringify( body ),
	};
}

/** A deterministic, well-spread random source shared by every mount (keys must not repeat). */
let seed = 1;
function nextRandom(): number {
	seed = ( seed * 16807 ) % 2147483647;
	return ( seed - 1 ) / 2147483646;
}

export type Chat = {
	root: HTMLElement;
	server: FakeServer;
	clock: FakeClock;
	visibility: FakeVisibility;
	storage: KeyValueStore;
	controller: ChatController;
	online: EventTarget;
	/** The log's messages as a user reads them (screen-reader prefixes excluded). */
	transcript: () => string[];
	input: () => HTMLInputElement;
	type: ( text: string ) => Promise< void >;
	button: ( name: string ) => HTMLButtonElement | null;
};

/**
 * Renders the block, mounts the client on it and lets it start.
 * @param options         What to render and with which doubles.
 * @param options.server  The server (a new one by default).
 * @param options.clock   The clock.
 * @param options.storage sessionStorage (memory by default; pass the same one to "reload").
 * @param options.page    The current page.
 * @param options.random  Randomness.
 * @param options.fetch   A fetch in front of the server's.
 */
export async function mountChat(
	options: RenderOptions & {
		server?: FakeServer;
		clock?: FakeClock;
		storage?: KeyValueStore;
		page?: { url: string; title: string };
		random?: () => number;
		fetch?: FetchLike;
	} = {}
): Promise< Chat > {
	const visibility = new FakeVisibility();
	document.body.innerHTML = renderPhp( options );
	const root = document.querySelector< HTMLElement >(
		'.wp-block-handoff-bot-chat'
	)!;
	const server = options.server ?? new FakeServer();
	const clock = options.clock ?? new FakeClock();
	const storage = options.storage ?? memoryStore();
	const online = new EventTarget();
	const controller = mount( root, {
		fetch: options.fetch ?? server.fetch,
		storage,
		clock,
		random: options.random ?? nextRandom,
		page: () => options.page ?? PAGE,
		onlineTarget: online as unknown as Window,
		visibility,
	} );
	await flush();
	const input = () =>
		root.querySelector< HTMLInputElement >( '.handoff-bot-chat__input' )!;
	return {
		root,
		server,
		clock,
		storage,
		controller,
		online,
		visibility,
		input,
		transcript: () =>
			Array.from(
				root.querySelectorAll(
					'.handoff-bot-chat__log > .handoff-bot-chat__msg, .handoff-bot-chat__log > .handoff-bot-chat__notice'
				)
			).map( ( el ) => {
				const copy = el.cloneNode( true ) as HTMLElement;
				copy.querySelectorAll(
					'.handoff-bot-chat__sr, .handoff-bot-chat__sources, .handoff-bot-chat__feedback, .handoff-bot-chat__thanks'
				).forEach( ( n ) => n.remove() );
				return Array.from( copy.childNodes )
					.map( ( n ) => n.textContent ?? '' )
					.join( ' ' )
					.replace( /\s+/g, ' ' )
					.trim();
			} ),
		async type( text ) {
			input().value = text;
			root.querySelector< HTMLFormElement >(
				'.handoff-bot-chat__form'
			)!.requestSubmit();
			await flush();
		},
		button: ( name ) =>
			Array.from( root.querySelectorAll( 'button' ) ).find(
				( b ) =>
					(
						b.getAttribute( 'aria-label' ) ||
						b.textContent ||
						''
					).trim() === name && ! b.closest( '[hidden]' )
			) ?? null,
	};
}

/**
 * A fetch to the fake server that holds the requests a test picks until it lets them go: before
 * the server sees them, or (`answered`) once the server has handled them, when only the answer is
 * slow to come back.
 * @param server   The server.
 * @param match    Which requests to hold.
 * @param answered Whether the server handles them before they are held.
 */
export function holdingFetch(
	server: FakeServer,
	match: ( url: string, init: { method: string } ) => boolean,
	answered = false
) {
	let left = 0;
	let letGo: () => void = () => {};
	const fetch: FetchLike = async ( url, init ) => {
		if ( left <= 0 || ! match( url, init ) ) {
			return server.fetch( url, init );
		}
		left--;
		const gate = new Promise< void >( ( resolve ) => ( letGo = resolve ) );
		if ( answered ) {
			const response = await server.fetch( url, init );
			await gate;
			return response;
		}
		await gate;
		return server.fetch( url, init );
	};
	return {
		fetch,
		/**
		 * Holds the next matching requests.
		 * @param times How many (all, by default).
		 */
		hold( times = Infinity ): void {
			left = times;
		},
		/** Lets the last held request go. */
		release(): void {
			letGo();
		},
	};
}
