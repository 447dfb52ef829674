/**
 * The visitor routes of the REST API (docs/REST.md), over an injected fetch. Calls never throw:
 * every outcome, a network failure included (status 0), comes back as an ApiResult.
 */
import type {
	ChoiceResponse,
	MessagesResponse,
	SendResponse,
	StartedConversation,
	TicketAnswers,
	TicketDraft,
	TicketReceipt,
} from '../types';

/** The part of a fetch Response the client reads. */
export type ResponseLike = {
	status: number;
	headers: { get: ( name: string ) => string | null };
	text: () => Promise< string >;
};

export type FetchLike = (
	url: string,
	init: {
		method: string;
		headers: Record< string, string >;
		body?: string;
		credentials?: 'same-origin' | 'omit';
		cache?: 'no-store';
	}
) => Promise< ResponseLike >;

export type ApiSuccess< T > = { ok: true; status: number; data: T };
export type ApiFailure = {
	ok: false;
	/** The HTTP status; 0 when the request never got a response. */
	status: number;
	code: string;
	message: string;
	/** Milliseconds from the Retry-After header, when the server sent one. */
	retryAfter: number | null;
	/** A form refused: a message for each field that needs another look. */
	fields?: Record< string, string >;
	/** Over a rate limit: which one ("address" or "conversation"), when the server said. */
	limit?: string;
};
export type ApiResult< T > = ApiSuccess< T > | ApiFailure;

/** A conversation's change file: its version, and the place in the queue while waiting. */
export type SignalFile = {
	version: string;
	place?: number | null;
	wait?: number | null;
};

/** What a conversation route needs to authenticate. */
export type ConversationRef = { id: number; token: string };

export type PageInfo = { page_url: string; page_title: string };

export type SendBody = PageInfo & {
	message: string;
	idempotency_key: string;
	/** The visitor pressed "talk to a person" (the message is the button's text). */
	human?: boolean;
	/** The chat's cursor: the answer brings what was written since (an agent's messages). */
	after?: number;
};

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP date.
 * @param value The header value.
 * @param now   The current time in ms.
 */
export function parseRetryAfter(
	value: string | null,
	now: number
): number | null {
	if ( value === null || value.trim() === '' ) {
		return null;
	}
	if ( /^\s*\d+\s*$/.test( value ) ) {
		return Number( value ) * 1000;
	}
	const at = Date.parse( value );
	return Number.isNaN( at ) ? null : Math.max( 0, at - now );
}

/**
 * Builds the client for one REST base URL.
 * @param options         Dependencies.
 * @param options.fetch   The fetch to use.
 * @param options.restUrl The `handoff-bot/v1/` base URL.
 * @param options.nonce   A `wp_rest` nonce, for logged-in visitors only.
 * @param options.now     The clock, for Retry-After dates.
 */
export function createApi( options: {
	fetch: FetchLike;
	restUrl: string;
	nonce?: string | undefined;
	now: () => number;
} ) {
	const { fetch, restUrl, now } = options;
	let nonce = options.nonce || '';

	function url( path: string, query = '' ): string {
		if ( ! query ) {
			return restUrl + path;
		}
		// Plain permalinks give `?rest_route=/handoff-bot/v1/`: the query then joins with `&`.
		return restUrl + path + ( restUrl.includes( '?' ) ? '&' : '?' ) + query;
	}

	async function call< T >(
		method: 'GET' | 'POST',
		path: string,
		body?: object,
		token?: string,
		query?: string
	): Promise< ApiResult< T > > {
		const headers: Record< string, string > = {
			Accept: 'application/json',
		};
		if ( body ) {
			headers[ 'Content-Type' ] = 'application/json';
		}
		if ( token ) {
			headers[ 'X-Handoff-Bot-Token' ] = token;
		}
		if ( nonce ) {
			headers[ 'X-WP-Nonce' ] = nonce;
		}
		let response: ResponseLike;
		let text: string;
		try {
			response = await fetch( url( path, query ), {
				method,
				headers,
				...( body ? { body: JSON.stringify( body ) } : {} ),
				credentials: 'same-origin',
				cache: 'no-store',
			} );
			text = await response.text();
		} catch {
			return {
				ok: false,
				status: 0,
				code: 'network_error',
				message: '',
				retryAfter: null,
			};
		}
		let data: unknown = null;
		try {
			data = text ? JSON.parse( text ) : null;
		} catch {
			data = null;
		}
		const { status } = response;
		if ( status >= 200 && status < 300 ) {
			if ( data !== null && typeof data === 'object' ) {
				return { ok: true, status, data: data as T };
			}
			// A success without a readable body (a proxy, a PHP notice): treat it as a bad gateway,
			// which is retried. Resending is safe; message keys make the server answer it once.
			return {
				ok: false,
				status: 502,
				code: 'invalid_response',
				message: '',
				retryAfter: null,
			};
		}
		const error = ( data && typeof data === 'object' ? data : {} ) as {
			code?: unknown;
			message?: unknown;
			data?: { limit?: unknown; fields?: unknown } | null;
		};
		const limit =
			error.data && typeof error.data.limit === 'string'
				? error.data.limit
				: undefined;
		const fields =
			error.data &&
			error.data.fields &&
			typeof error.data.fields === 'object'
				? ( error.data.fields as Record< string, string > )
				: undefined;
		const code = typeof error.code === 'string' ? error.code : '';
		if ( code === 'rest_cookie_invalid_nonce' && nonce ) {
			// The page outlived its nonce: go on as a visitor without one rather than fail forever.
			nonce = '';
			return call< T >( method, path, body, token, query );
		}
		return {
			ok: false,
			status,
			code,
			message: typeof error.message === 'string' ? error.message : '',
			retryAfter: parseRetryAfter(
				response.headers.get( 'Retry-After' ),
				now()
			),
			...( limit ? { limit } : {} ),
			...( fields ? { fields } : {} ),
		};
	}

	return {
		startConversation: ( page: PageInfo & { consent?: boolean } ) =>
			call< StartedConversation >( 'POST', 'conversations', page ),
		sendMessage: ( conversation: ConversationRef, body: SendBody ) =>
			call< SendResponse >(
				'POST',
				`conversations/${ conversation.id }/messages`,
				body,
				conversation.token
			),
		messages: ( conversation: ConversationRef, after: number ) =>
			call< MessagesResponse >(
				'GET',
				`conversations/${ conversation.id }/messages`,
				undefined,
				conversation.token,
				`after=${ after }`
			),
		/**
		 * What a conversation's change file holds, or null when it cannot be read.
		 * @param signalUrl The file's URL (from a read of the messages).
		 */
		async signal( signalUrl: string ): Promise< SignalFile | null > {
			try {
				const response = await fetch(
					signalUrl +
						( signalUrl.includes( '?' ) ? '&' : '?' ) +
						now(),
					{
						method: 'GET',
						headers: {},
						credentials: 'omit',
						cache: 'no-store',
					}
				);
				if ( response.status !== 200 ) {
					return null;
				}
				const data = JSON.parse( await response.text() ) as Record<
					string,
					unknown
				> | null;
				if ( ! data || typeof data.v !== 'string' ) {
					return null;
				}
				const file: SignalFile = { version: data.v };
				if ( 'place' in data ) {
					file.place =
						typeof data.place === 'number' ? data.place : null;
					file.wait =
						typeof data.wait === 'number' ? data.wait : null;
				}
				return file;
			} catch {
				return null;
			}
		},
		addPage: ( conversation: ConversationRef, page: PageInfo ) =>
			call< { page_trail: unknown[] } >(
				'POST',
				`conversations/${ conversation.id }/pages`,
				page,
				conversation.token
			),
		// On one answer (`message_id`, `helpful`), or for the whole chat (`rating`, 1–5).
		feedback: (
			conversation: ConversationRef,
			body: { message_id: number; helpful: boolean } | { rating: number }
		) =>
			call< { ok: boolean } >(
				'POST',
				`conversations/${ conversation.id }/feedback`,
				body,
				conversation.token
			),
		choose: (
			conversation: ConversationRef,
			body: { message_id: number; accept: boolean }
		) =>
			call< ChoiceResponse >(
				'POST',
				`conversations/${ conversation.id }/choice`,
				body,
				conversation.token
			),
		leave: ( conversation: ConversationRef ) =>
			call< { handoff: null } >(
				'POST',
				`conversations/${ conversation.id }/handoff/leave`,
				{},
				conversation.token
			),
		ticketDraft: ( conversation: ConversationRef ) =>
			call< TicketDraft >(
				'GET',
				`conversations/${ conversation.id }/handoff/ticket`,
				undefined,
				conversation.token
			),
		ticket: ( conversation: ConversationRef, answers: TicketAnswers ) =>
			call< TicketReceipt >(
				'POST',
				`conversations/${ conversation.id }/handoff/ticket`,
				answers,
				conversation.token
			),
		end: ( conversation: ConversationRef, rating: number | null ) =>
			call< { status: string } >(
				'POST',
				`conversations/${ conversation.id }/end`,
				rating === null ? {} : { rating },
				conversation.token
			),
	};
}

export type Api = ReturnType< typeof createApi >;

/**
 * Whether a failed call is worth retrying unchanged: no response, a server error, a timeout, or a
 * rate limit.
 * @param failure The failure.
 */
export function isRetryable( failure: ApiFailure ): boolean {
	return (
		failure.status === 0 ||
		failure.status >= 500 ||
		failure.status === 408 ||
		failure.status === 429
	);
}
