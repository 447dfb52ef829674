/**
 * apiFetch answered by a test's own handler, which sees each request as the client sends it
 * (method, path, data) and returns a response body or throws a REST error. A list asked for
 * unparsed (to read X-WP-Total) is answered with `{ json, total }`.
 */
import apiFetch from '@wordpress/api-fetch';

export type Request = {
	method: string;
	path: string;
	data?: unknown;
	/** False when the client reads the headers (a list with X-WP-Total). */
	parse?: boolean;
};

export type Handler = ( request: Request ) => unknown;

/**
 * A REST error, as apiFetch throws it.
 * @param code    Error code.
 * @param message Error message.
 * @param data    Error data.
 */
export function restError( code: string, message: string, data: object ) {
	return { code, message, data };
}

/**
 * Answers apiFetch with the handler; returns the requests made, in order.
 * @param handler The test's handler.
 */
export function answerWith( handler: Handler ): Request[] {
	const requests: Request[] = [];
	( apiFetch as unknown as jest.Mock ).mockImplementation(
		async ( options: {
			path: string;
			method?: string;
			data?: unknown;
			parse?: boolean;
		} ) => {
			const request: Request = {
				method: options.method ?? 'GET',
				path: options.path,
				...( options.data === undefined ? {} : { data: options.data } ),
				...( options.parse === false ? { parse: false } : {} ),
			};
			requests.push( request );
			const body = handler( request );
			if ( options.parse === false ) {
				const { json, total } = body as {
					json: unknown;
					total: number;
				};
				return {
					headers: {
						get: ( name: string ) =>
							name.toLowerCase() === 'x-wp-total'
								? String( total )
								: null,
					},
					json: async () => json,
				};
			}
			return body;
		}
	);
	return requests;
}

/**
 * The query of a request's path.
 * @param request A request.
 */
export function query( request: Request ): URLSearchParams {
	return new URLSearchParams( request.path.split( '?' )[ 1 ] ?? '' );
}
