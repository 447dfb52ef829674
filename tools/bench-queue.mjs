/**
 * The live queue under load, for `npm run bench` (tools/bench.mjs runs it at the largest size):
 *
 * - visitors waiting in the queue, each polling every 3 s for a minute as the chat does (its
 *   conversation's change file, or `GET …/messages?after=cursor` when that changed or the server's
 *   check-in time came; `--no-signal`: the route every time), started in turn over the first 3 s:
 *   the poll's median and p95 server time, and each kind's apart (the site is
 *   served with Server-Timing headers: from the request's start in a PHP worker to its response)
 *   and the errors, beside a bare REST request sent once a second during the same load (and the
 *   ratio of the poll's p95 to the bare request's median); the latency the clients saw, with the
 *   wait for a free worker, is reported beside it;
 * - now and then the agent replies to one of them (bench/queue.php, a PHP process): the time from
 *   the reply being stored to that visitor's poll showing it;
 * - the inbox's queue list with 500 handoffs waiting (signed in as an agent, with the REST nonce),
 *   as a ratio to a bare REST request, the two sent in turn, one at a time.
 */
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, capture } from './lib.mjs';

const POLL_MS = 3000;

function get( port, urlPath, headers = {} ) {
	const started = performance.now();
	return new Promise( ( resolve ) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port,
				method: 'GET',
				path: urlPath,
				agent: false,
				headers: { host: `localhost:${ port }`, ...headers },
			},
			( res ) => {
				const chunks = [];
				res.on( 'data', ( c ) => chunks.push( c ) );
				res.on( 'end', () =>
					resolve( {
						status: res.statusCode,
						body: Buffer.concat( chunks ).toString(),
						ms: performance.now() - started,
						server: serverTime( res.headers[ 'server-timing' ] ),
					} )
				);
			}
		);
		req.on( 'error', () =>
			resolve( {
				status: 0,
				body: '',
				ms: performance.now() - started,
				server: null,
			} )
		);
		req.end();
	} );
}

/**
 * A response's server time in ms (its `Server-Timing: app;dur=N` header, which tools/wp/router.php
 * adds when the site is served with serverTiming), or null.
 *
 * @param {string|undefined} header The header.
 */
function serverTime( header ) {
	const match = /app;dur=([\d.]+)/.exec( header ?? '' );
	return match ? Number( match[ 1 ] ) : null;
}

/**
 * The inbox's queue list with 500 handoffs waiting, against a bare REST request, in turn.
 *
 * @param {Object} site The site.
 * @param {number} port Its port.
 */
async function measureInbox( site, port ) {
	const auth = JSON.parse(
		capture( 'php', [
			path.join( ROOT, 'bench', 'queue.php' ),
			site.dir,
			'fill',
			'500',
		] )
	);
	const list = [];
	const bare = [];
	let errors = 0;
	try {
		for ( let i = 0; i < 60; i++ ) {
			const a = await get(
				port,
				'/wp-json/handoff-bot/v1/handoffs?view=queue&per_page=50',
				{ cookie: auth.cookie, 'X-WP-Nonce': auth.nonce }
			);
			const b = await get( port, '/wp-json/wp/v2/types/post' );
			if ( a.status !== 200 || b.status !== 200 ) {
				errors++;
			}
			if ( i >= 10 ) {
				list.push( a.ms );
				bare.push( b.ms );
			}
		}
	} finally {
		capture( 'php', [
			path.join( ROOT, 'bench', 'queue.php' ),
			site.dir,
			'unfill',
		] );
	}
	const listFigures = figures( list );
	const bareFigures = figures( bare );
	return {
		waiting: auth.waiting,
		queue_list: listFigures,
		bare: bareFigures,
		errors,
		ratio_to_bare: +( listFigures.p50_ms / bareFigures.p50_ms ).toFixed(
			2
		),
		note: 'GET /handoffs?view=queue&per_page=50 signed in as an agent (cookie and X-WP-Nonce) and GET /wp/v2/types/post, in turn, one at a time, after 10 of each to warm up',
	};
}

function figures( times ) {
	const sorted = [ ...times ].sort( ( a, b ) => a - b );
	const at = ( q ) =>
		sorted.length
			? +sorted[
					Math.min(
						sorted.length - 1,
						Math.floor( q * sorted.length )
					)
				].toFixed( 2 )
			: null;
	return {
		count: sorted.length,
		p50_ms: at( 0.5 ),
		p95_ms: at( 0.95 ),
		max_ms: sorted.length
			? +sorted[ sorted.length - 1 ].toFixed( 2 )
			: null,
	};
}

function php( site, args ) {
	return new Promise( ( resolve ) => {
		const child = spawn( 'php', [
			'-d',
			'opcache.enable_cli=1',
			path.join( ROOT, 'bench', 'queue.php' ),
			site.dir,
			...args,
		] );
		const chunks = [];
		child.stdout.on( 'data', ( c ) => chunks.push( c ) );
		child.on( 'close', ( code ) =>
			resolve( { code, out: Buffer.concat( chunks ).toString() } )
		);
	} );
}

/**
 * Runs the queue measurements against a served site.
 *
 * @param {Object} site             The site (prepareSite()).
 * @param {number} port             Its port.
 * @param {Object} options
 * @param {number} options.visitors Visitors waiting and polling.
 * @param {number} options.seconds  How long they poll.
 */
export async function measureQueue(
	site,
	port,
	{ visitors = 200, seconds = 60, useSignal = true } = {}
) {
	const staged = JSON.parse(
		capture( 'php', [
			'-d',
			'opcache.enable_cli=1',
			path.join( ROOT, 'bench', 'queue.php' ),
			site.dir,
			'stage',
			String( visitors ),
		] )
	);
	const pollTimes = [];
	const bareTimes = [];
	const pollServer = [];
	const bareServer = [];
	const signalTimes = [];
	const signalServer = [];
	const restTimes = [];
	const restServer = [];
	const signalFailed = {}; // status => file reads that got it
	const flushTimes = []; // ms the agent's process spent writing change files
	const failed = {}; // status => polls that got it (0: no response)
	const replyDelays = [];
	let errors = 0;
	const awaited = new Map(); // conversation id => time the reply was stored
	const end = performance.now() + seconds * 1000;

	// As the chat does (blocks/chat/app/live.ts): read the conversation's change file while its
	// version is the one the last read of the messages gave and its check-in time has not come,
	// else the messages route.
	async function poller( visitor, offset ) {
		await new Promise( ( r ) => setTimeout( r, offset ) );
		let cursor = 0;
		// What the visitor's send answer gave them, when they asked for a person.
		let signal =
			useSignal && visitor.signal
				? {
						...visitor.signal,
						until:
							performance.now() + visitor.signal.check_in * 1000,
					}
				: null;
		while ( performance.now() < end ) {
			const next = performance.now() + POLL_MS;
			if ( signal && performance.now() < signal.until ) {
				const file = await get(
					port,
					`${ new URL( signal.url ).pathname }?${ Date.now() }`
				);
				pollTimes.push( file.ms );
				signalTimes.push( file.ms );
				if ( null !== file.server ) {
					pollServer.push( file.server );
					signalServer.push( file.server );
				}
				let seen = null;
				try {
					seen =
						200 === file.status ? JSON.parse( file.body ).v : null;
				} catch {
					seen = null;
				}
				if ( 200 !== file.status ) {
					signalFailed[ file.status ] =
						( signalFailed[ file.status ] ?? 0 ) + 1;
				}
				if ( seen === signal.version ) {
					await new Promise( ( r ) =>
						setTimeout( r, Math.max( 0, next - performance.now() ) )
					);
					continue;
				}
			}
			const result = await get(
				port,
				`/wp-json/handoff-bot/v1/conversations/${ visitor.id }/messages?after=${ cursor }`,
				{ 'X-Handoff-Bot-Token': visitor.token }
			);
			pollTimes.push( result.ms );
			restTimes.push( result.ms );
			if ( null !== result.server ) {
				pollServer.push( result.server );
				restServer.push( result.server );
			}
			if ( result.status !== 200 ) {
				errors++;
				failed[ result.status ] = ( failed[ result.status ] ?? 0 ) + 1;
			} else {
				const data = JSON.parse( result.body );
				cursor = data.cursor ?? cursor;
				signal =
					useSignal && data.signal
						? {
								...data.signal,
								until:
									performance.now() +
									data.signal.check_in * 1000,
							}
						: null;
				if (
					awaited.has( visitor.id ) &&
					data.messages.some( ( m ) => m.role === 'agent' )
				) {
					replyDelays.push(
						performance.now() - awaited.get( visitor.id )
					);
					awaited.delete( visitor.id );
				}
			}
			await new Promise( ( r ) =>
				setTimeout( r, Math.max( 0, next - performance.now() ) )
			);
		}
	}

	async function bare() {
		while ( performance.now() < end ) {
			const result = await get( port, '/wp-json/wp/v2/types/post' );
			bareTimes.push( result.ms );
			if ( null !== result.server ) {
				bareServer.push( result.server );
			}
			if ( result.status !== 200 ) {
				errors++;
			}
			await new Promise( ( r ) => setTimeout( r, 1000 ) );
		}
	}

	async function replies() {
		// An agent reply every few seconds, to a visitor not yet replied to, once the load runs.
		await new Promise( ( r ) => setTimeout( r, 5000 ) );
		let n = 0;
		while ( performance.now() < end - 2 * POLL_MS ) {
			const visitor = staged[ ( n * 17 ) % staged.length ];
			n++;
			const result = await php( site, [ 'reply', String( visitor.id ) ] );
			if ( result.code === 0 ) {
				awaited.set( visitor.id, performance.now() );
				try {
					flushTimes.push( JSON.parse( result.out ).flush_ms );
				} catch {
					// No figure for this one.
				}
			}
			await new Promise( ( r ) => setTimeout( r, 2500 ) );
		}
	}

	await Promise.all( [
		...staged.map( ( visitor, i ) =>
			poller( visitor, ( i * POLL_MS ) / staged.length )
		),
		bare(),
		replies(),
	] );
	await php( site, [ 'cleanup' ] );
	const inbox = await measureInbox( site, port );
	const poll = figures( pollTimes );
	const bareUnderLoad = figures( bareTimes );
	const pollServerFigures = figures( pollServer );
	const bareServerFigures = figures( bareServer );
	const ratio = ( a, b ) => ( a && b ? +( a / b ).toFixed( 2 ) : null );
	return {
		visitors,
		seconds,
		poll_interval_ms: POLL_MS,
		errors,
		failed_polls_by_status: failed,
		// Every 3 s each visitor reads either its change file (a static file) or, when that
		// changed or the check-in time came, the messages route: `poll_server` is all of them.
		change_file: useSignal,
		// Server time: from the request's start in a PHP worker to its response's headers
		// (Server-Timing), without the wait for a free worker. (The bench's PHP server passes
		// static files through its router script; a web server in front serves them without PHP.)
		poll_server: pollServerFigures,
		poll_reads: {
			change_file: {
				server: figures( signalServer ),
				latency: figures( signalTimes ),
				failed_by_status: signalFailed,
			},
			messages_route: {
				server: figures( restServer ),
				latency: figures( restTimes ),
			},
			// The write side: an agent takes a handoff and replies; on its request's end every
			// waiting visitor's file gets its new place (timed in that PHP process).
			agent_request_file_writes: figures( flushTimes ),
			share_of_route_reads: pollServer.length
				? +( restServer.length / pollServer.length ).toFixed( 3 )
				: null,
		},
		bare_server: bareServerFigures,
		poll_p95_ratio_to_bare: ratio(
			pollServerFigures.p95_ms,
			bareServerFigures.p50_ms
		),
		// Latency as the client saw it: with the wait for one of the server's workers.
		poll,
		bare_under_load: bareUnderLoad,
		poll_latency_p95_ratio_to_bare: ratio(
			poll.p95_ms,
			bareUnderLoad.p50_ms
		),
		reply_to_visitor: {
			...figures( replyDelays ),
			note: 'from the agent reply being stored (its PHP process done) to the visitor poll that shows it',
		},
		inbox,
	};
}
