/**
 * `npm run bench`: measures, on a real WordPress with generated content, and writes JSON to
 * bench/results/latest-<database>.json (the run's date is inside). Not a test: nothing here fails on a number.
 *
 *   npm run bench                         1k and 10k posts on SQLite
 *   npm run bench -- --sizes 1000         only 1k
 *   npm run bench -- --db mariadb         on MariaDB instead
 *   npm run bench -- --requests 300       requests per measurement (default 200)
 *   npm run bench -- --reuse --sizes N    measure again on the site of the last run (which
 *                                         holds N posts), without generating or re-indexing
 *   npm run bench -- --skip-queue         without the live-queue load (tools/bench-queue.mjs)
 *   npm run bench -- --reuse --queue-only only the live-queue load, on the site of the last run
 *   npm run bench -- --queue-seconds 60   how long the visitors wait and poll (default 180)
 *   npm run bench -- --no-signal          waiting visitors read the messages route every 3 s
 *                                         rather than their change file between reads
 *   npm run bench -- --quality            answer quality on ../shared/eval-dev/ instead
 *                                         (tools/bench-quality.mjs)
 *   npm run bench -- --report             the handoff report on 100k generated conversations and
 *                                         1M messages instead (tools/bench-report.mjs; --db,
 *                                         --conversations, --messages, --reuse apply)
 *
 * Figures:
 * - server time (client-measured latency on loopback, requests one at a time, one PHP worker, opcache on)
 *   of a visitor message and of "read messages, nothing new", each as a ratio to a bare WordPress
 *   REST request measured in the same run on the same site, the three kinds taking turns;
 * - index build throughput (posts per second);
 * - gzipped bytes the chat block adds to a page before and after the visitor opens it, from the
 *   files a real page loads in Chromium.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { ROOT, capture, parseArgs, run, step } from './lib.mjs';
import { ensureBuild } from './build.mjs';
import { benchDatabase, runFacts } from './bench-db.mjs';
import { setup } from './setup.mjs';
import { prepareSite, serve } from './site.mjs';
import { measureQueue } from './bench-queue.mjs';

const require = createRequire( import.meta.url );

const args = parseArgs();
const sizes = String( args.sizes || '1000,10000' )
	.split( ',' )
	.map( Number )
	.filter( ( n ) => n > 0 )
	.sort( ( a, b ) => a - b );
const requests = Number( args.requests || 200 );
const engine = args.db === 'mariadb' ? 'mariadb' : 'sqlite';
const port = Number( args.port || 8897 );
const base = `http://localhost:${ port }`;

const QUESTIONS = [
	'How do I return my running shoes?',
	'How long does delivery take?',
	'Can I track my order?',
	'How do I reset my password?',
	'What is the warranty on the coffee grinder?',
	'How do I pair my wireless headphones?',
	'Can I cancel my subscription?',
	'Where do I find my invoices?',
];

/**
 * Sends one request and resolves with its status, its body and the time it took, in ms. A new
 * connection each time: PHP's built-in server closes every connection, so a keep-alive load
 * generator cannot drive it.
 */
function timed( { method, path: urlPath, headers = {}, body } ) {
	const started = performance.now();
	return new Promise( ( resolve ) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port,
				method,
				path: urlPath,
				agent: false,
				headers: {
					host: `localhost:${ port }`,
					...headers,
					...( body
						? { 'content-length': Buffer.byteLength( body ) }
						: {} ),
				},
			},
			( res ) => {
				const chunks = [];
				res.on( 'data', ( c ) => chunks.push( c ) );
				res.on( 'end', () =>
					resolve( {
						status: res.statusCode,
						body: Buffer.concat( chunks ).toString(),
						ms: performance.now() - started,
					} )
				);
			}
		);
		req.on( 'error', () =>
			resolve( { status: 0, body: '', ms: performance.now() - started } )
		);
		req.end( body );
	} );
}

/**
 * Latency figures in ms from a list of timings.
 */
function summarise( name, times, failed ) {
	times.sort( ( a, b ) => a - b );
	const at = ( q ) =>
		+times[
			Math.min( times.length - 1, Math.floor( q * times.length ) )
		].toFixed( 2 );
	return {
		name,
		requests: times.length,
		failed,
		mean_ms: +(
			times.reduce( ( a, b ) => a + b, 0 ) / times.length
		).toFixed( 2 ),
		p50_ms: at( 0.5 ),
		p90_ms: at( 0.9 ),
		p99_ms: at( 0.99 ),
	};
}

/**
 * Runs the kinds of request in turn, one of each per round, so that all of them see the same
 * machine: a slow spell on a shared machine then moves every figure, not only one. Each kind is
 * a function of the round number that returns the request.
 */
async function measureInterleaved( kinds ) {
	const times = Object.fromEntries(
		Object.keys( kinds ).map( ( k ) => [ k, [] ] )
	);
	const failed = Object.fromEntries(
		Object.keys( kinds ).map( ( k ) => [ k, 0 ] )
	);
	for ( let i = 0; i < requests; i++ ) {
		for ( const [ kind, { make, after } ] of Object.entries( kinds ) ) {
			const result = await timed( make( i ) );
			times[ kind ].push( result.ms );
			if ( result.status < 200 || result.status >= 300 ) {
				failed[ kind ]++;
			}
			if ( after ) {
				after( result );
			}
		}
	}
	return Object.fromEntries(
		Object.entries( kinds ).map( ( [ kind, { name } ] ) => [
			kind,
			summarise( name, times[ kind ], failed[ kind ] ),
		] )
	);
}

async function json( url, init = {} ) {
	const res = await fetch( `http://127.0.0.1:${ port }${ url }`, {
		...init,
		headers: { host: `localhost:${ port }`, ...init.headers },
	} );
	return res.json();
}

/**
 * The signals' and the engine's time per message, timed inside PHP on the same site and the
 * same questions (bench/escalation-share.php), and their share of a message's median time.
 */
function escalationShare( site, messageMs ) {
	const file = path.join( site.dir, 'bench-questions.json' );
	fs.writeFileSync( file, JSON.stringify( QUESTIONS ) );
	const parts = JSON.parse(
		capture( 'php', [
			'-d',
			'opcache.enable_cli=1',
			path.join( ROOT, 'bench', 'escalation-share.php' ),
			site.dir,
			file,
			'10',
		] )
	);
	return {
		...parts,
		share_of_message: +(
			( parts.signals_p50_ms + parts.engine_p50_ms ) /
			messageMs
		).toFixed( 3 ),
		note: 'timed inside one PHP process (opcache on), medians over the questions in one conversation',
	};
}

async function measureServer( postCount ) {
	// Warm up opcache and caches.
	for ( let i = 0; i < 20; i++ ) {
		await json( '/wp-json/wp/v2/types/post' );
	}
	const conversation = await json( '/wp-json/handoff-bot/v1/conversations', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: '{}',
	} );
	const headers = {
		'Content-Type': 'application/json',
		'X-Handoff-Bot-Token': conversation.token,
	};
	const messagesPath = `/wp-json/handoff-bot/v1/conversations/${ conversation.id }/messages`;
	for ( let i = 0; i < 10; i++ ) {
		await json( messagesPath, {
			method: 'POST',
			headers,
			body: JSON.stringify( {
				message: QUESTIONS[ i % QUESTIONS.length ],
				idempotency_key: `warm-${ postCount }-${ i }-${ Date.now() }`,
			} ),
		} );
	}

	// A visitor's conversation holds a few questions: messages are timed in conversations of one
	// round of the questions each, started before the timing. The long conversation above (every
	// message of the run in one conversation, the same questions coming round again) is timed too.
	const typical = [];
	for ( let c = 0; c < Math.ceil( requests / QUESTIONS.length ); c++ ) {
		const started = await json( '/wp-json/handoff-bot/v1/conversations', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		} );
		typical.push( {
			path: `/wp-json/handoff-bot/v1/conversations/${ started.id }/messages`,
			headers: {
				'Content-Type': 'application/json',
				'X-Handoff-Bot-Token': started.token,
			},
		} );
	}

	const stamp = Date.now();
	let cursor = ( await json( `${ messagesPath }?after=0`, { headers } ) )
		.cursor;
	const {
		bare,
		message,
		message_long: messageLong,
		poll,
	} = await measureInterleaved( {
		bare: {
			name: 'bare WordPress REST request (GET /wp-json/wp/v2/types/post)',
			make: () => ( {
				method: 'GET',
				path: '/wp-json/wp/v2/types/post',
			} ),
		},
		message: {
			name: `visitor message (POST …/messages, new idempotency key each), in conversations of ${ QUESTIONS.length } questions`,
			make: ( i ) => ( {
				method: 'POST',
				path: typical[ Math.floor( i / QUESTIONS.length ) ].path,
				headers: typical[ Math.floor( i / QUESTIONS.length ) ].headers,
				body: JSON.stringify( {
					message: QUESTIONS[ i % QUESTIONS.length ],
					idempotency_key: `typical-${ postCount }-${ stamp }-${ i }`,
					page_url: `${ base }/help/`,
				} ),
			} ),
		},
		message_long: {
			name: 'visitor message in one long conversation (every message of the run, the questions coming round again)',
			make: ( i ) => ( {
				method: 'POST',
				path: messagesPath,
				headers,
				body: JSON.stringify( {
					message: QUESTIONS[ i % QUESTIONS.length ],
					idempotency_key: `bench-${ postCount }-${ stamp }-${ i }`,
					page_url: `${ base }/help/`,
				} ),
			} ),
			after: ( result ) => {
				try {
					cursor = JSON.parse( result.body ).cursor ?? cursor;
				} catch {
					// A failed request is counted as failed; the cursor stays.
				}
			},
		},
		poll: {
			name: 'read messages, nothing new (GET …/messages?after=cursor)',
			make: () => ( {
				method: 'GET',
				path: `${ messagesPath }?after=${ cursor }`,
				headers,
			} ),
		},
	} );
	const answered = await json( messagesPath, {
		method: 'POST',
		headers,
		body: JSON.stringify( {
			message: 'How do I return my running shoes?',
			idempotency_key: `check-${ postCount }-${ stamp }`,
		} ),
	} );
	return {
		posts: postCount,
		bare,
		message,
		message_long: messageLong,
		poll,
		message_ratio_to_bare: +( message.p50_ms / bare.p50_ms ).toFixed( 2 ),
		message_long_ratio_to_bare: +(
			messageLong.p50_ms / bare.p50_ms
		).toFixed( 2 ),
		poll_ratio_to_bare: +( poll.p50_ms / bare.p50_ms ).toFixed( 2 ),
		sample_answer: {
			kind: answered.reply?.kind,
			confidence: answered.reply?.confidence,
			citations: answered.reply?.citations?.length,
		},
	};
}

async function measureWeight() {
	const { chromium } = require( 'playwright-core' );
	const options = require( './chromium.json' );
	const browser = await chromium.launch( {
		executablePath: process.env.CHROMIUM_PATH || options.executablePath,
		args: options.args,
	} );
	const out = {};
	try {
		for ( const [ mode, url, open ] of [
			[
				'floating',
				'/help-widget/',
				async ( page ) =>
					page.locator( '.handoff-bot-chat__launcher' ).click(),
			],
			[
				'inline',
				'/help/',
				async ( page ) =>
					page
						.locator(
							'.wp-block-handoff-bot-chat input, .wp-block-handoff-bot-chat textarea'
						)
						.first()
						.focus(),
			],
		] ) {
			const page = await browser.newPage();
			const files = [];
			page.on( 'response', async ( response ) => {
				if (
					response.url().includes( '/plugins/handoff-bot/' ) &&
					response.ok()
				) {
					try {
						files.push( {
							url: response.url(),
							body: await response.body(),
							at: Date.now(),
						} );
					} catch {
						// A redirect or aborted body has nothing to count.
					}
				}
			} );
			await page.goto( base + url, { waitUntil: 'networkidle' } );
			const inlineCss = await page.evaluate( () =>
				Array.from(
					document.querySelectorAll( 'style[id^="handoff-bot"]' )
				)
					.map( ( s ) => s.textContent || '' )
					.join( '' )
			);
			const before = files.slice();
			await open( page );
			await page.waitForLoadState( 'networkidle' );
			await page.waitForTimeout( 500 );
			const gz = ( list ) =>
				list.reduce(
					( sum, f ) =>
						sum + zlib.gzipSync( f.body, { level: 9 } ).length,
					0
				);
			const inlineGz = inlineCss
				? zlib.gzipSync( inlineCss, { level: 9 } ).length
				: 0;
			out[ mode ] = {
				before_open_gzip_bytes: gz( before ) + inlineGz,
				after_open_gzip_bytes: gz( files ) + inlineGz,
				inline_css_gzip_bytes: inlineGz,
				files_before_open: before.map( ( f ) =>
					path.basename( new URL( f.url ).pathname )
				),
				files_after_open: files.map( ( f ) =>
					path.basename( new URL( f.url ).pathname )
				),
			};
			await page.close();
		}
		const page = await browser.newPage();
		const ours = [];
		page.on(
			'request',
			( r ) =>
				r.url().includes( '/plugins/handoff-bot/' ) &&
				ours.push( r.url() )
		);
		await page.goto( `${ base }/shipping/`, { waitUntil: 'networkidle' } );
		out.page_without_block_requests = ours.length;
		await page.close();
	} finally {
		await browser.close();
	}
	return out;
}

async function main() {
	setup( 'test' );
	ensureBuild();
	const { db, mariadb } = await benchDatabase( {
		engine,
		database: 'handoff_bot_bench',
		reuse: Boolean( args.reuse ),
	} );
	const results = {
		...runFacts( engine ),
		server: 'PHP built-in server, 1 worker, opcache on; client: sequential requests over loopback, a new connection each, the three kinds in turn',
		requests_per_measurement: requests,
		sizes: [],
	};
	try {
		step( `Preparing the benchmark site (${ engine })` );
		const site = prepareSite( {
			name: `bench-${ engine }`,
			port,
			db,
			reset: ! args.reuse,
			demo: true,
		} );
		run(
			'php',
			[ path.join( ROOT, 'tools', 'wp', 'lift-limits.php' ), site.dir ],
			{
				quiet: true,
			}
		);
		let have = 0;
		for ( const size of args[ 'queue-only' ] ? [] : sizes ) {
			let index = { reused: true };
			if ( ! args.reuse ) {
				step( `Generating posts up to ${ size }` );
				process.stdout.write(
					`  ${ capture( 'php', [ path.join( ROOT, 'bench', 'generate-posts.php' ), site.dir, String( size - have ), String( 1000 + size ) ] ) }\n`
				);
				have = size;
				step( 'Rebuilding the index' );
				index = JSON.parse(
					capture( 'php', [
						path.join( ROOT, 'bench', 'rebuild-index.php' ),
						site.dir,
					] )
				);
				process.stdout.write(
					`  ${ index.posts } posts, ${ index.passages } passages in ${ index.seconds } s (${ index.posts_per_second } posts/s)\n`
				);
			}
			step( `Measuring at ${ size } posts` );
			const server = await serve( site, port, {
				workers: 1,
				log: path.join( site.dir, 'server.log' ),
			} );
			try {
				const figures = await measureServer( size );
				figures.escalation = escalationShare(
					site,
					figures.message.p50_ms
				);
				results.sizes.push( { ...figures, index } );
				process.stdout.write(
					`  bare ${ figures.bare.p50_ms } ms, message ${ figures.message.p50_ms } ms (×${ figures.message_ratio_to_bare }; in one long conversation ${ figures.message_long.p50_ms } ms, ×${ figures.message_long_ratio_to_bare }), poll ${ figures.poll.p50_ms } ms (×${ figures.poll_ratio_to_bare }); signals ${ figures.escalation.signals_p50_ms } ms and engine ${ figures.escalation.engine_p50_ms } ms (${ figures.escalation.share_of_message } of a message)\n`
				);
				if ( size === sizes[ 0 ] ) {
					step( 'Measuring page weight in Chromium' );
					results.weight = await measureWeight();
					process.stdout.write(
						`  ${ JSON.stringify( results.weight ) }\n`
					);
				}
			} finally {
				server.stopGroup();
				await new Promise( ( r ) => setTimeout( r, 500 ) );
			}
		}
		if ( ! args[ 'skip-queue' ] ) {
			step(
				`Measuring the live queue: 200 visitors polling every 3 s for ${ Number( args[ 'queue-seconds' ] || 180 ) } s (4 PHP workers)`
			);
			const server = await serve( site, port, {
				workers: 4,
				log: path.join( site.dir, 'server.log' ),
				serverTiming: true,
			} );
			try {
				results.queue = await measureQueue( site, port, {
					useSignal: ! args[ 'no-signal' ],
					// Longer than the chats' check-in time (120 s), so that its reads are in the mix.
					seconds: Number( args[ 'queue-seconds' ] || 180 ),
				} );
				process.stdout.write(
					`  poll server time p50 ${ results.queue.poll_server.p50_ms } ms, p95 ${ results.queue.poll_server.p95_ms } ms (change file p95 ${ results.queue.poll_reads.change_file.server.p95_ms } ms, messages route p50 ${ results.queue.poll_reads.messages_route.server.p50_ms } ms and p95 ${ results.queue.poll_reads.messages_route.server.p95_ms } ms, ${ results.queue.poll_reads.share_of_route_reads } of the reads; an agent's request writes the files in p95 ${ results.queue.poll_reads.agent_request_file_writes.p95_ms } ms) (×${ results.queue.poll_p95_ratio_to_bare } of a bare request under the same load, ${ results.queue.bare_server.p50_ms } ms); latency p50 ${ results.queue.poll.p50_ms } ms, p95 ${ results.queue.poll.p95_ms } ms; ${ results.queue.errors } errors; reply shown after p95 ${ results.queue.reply_to_visitor.p95_ms } ms; inbox queue list of 500 ×${ results.queue.inbox.ratio_to_bare }\n`
				);
			} finally {
				server.stopGroup();
				await new Promise( ( r ) => setTimeout( r, 500 ) );
			}
		}
	} finally {
		if ( mariadb ) {
			await mariadb.stop();
		}
	}
	if ( results.sizes.length > 1 ) {
		const first = results.sizes[ 0 ];
		const last = results.sizes[ results.sizes.length - 1 ];
		results.message_scaling = {
			from_posts: first.posts,
			to_posts: last.posts,
			ratio: +( last.message.p50_ms / first.message.p50_ms ).toFixed( 2 ),
		};
	}
	results.goals = {
		'message_ratio_to_bare at the largest size <= 1.3':
			results.sizes.at( -1 )?.message_ratio_to_bare,
		'message time at the largest size <= 1.5 x the smallest':
			results.message_scaling?.ratio,
		'poll_ratio_to_bare <= 0.5': results.sizes.at( -1 )?.poll_ratio_to_bare,
		'queue: poll errors = 0': results.queue?.errors,
		'queue: poll p95 <= 0.5 x bare under the same load':
			results.queue?.poll_p95_ratio_to_bare,
		'queue: reply shown within 3500 ms at p95':
			results.queue?.reply_to_visitor?.p95_ms,
		'floating before open <= 4096 gzip bytes':
			results.weight?.floating?.before_open_gzip_bytes,
		'full chat <= 25600 gzip bytes': Math.max(
			results.weight?.floating?.after_open_gzip_bytes ?? 0,
			results.weight?.inline?.after_open_gzip_bytes ?? 0
		),
	};
	const dir = path.join( ROOT, 'bench', 'results' );
	fs.mkdirSync( dir, { recursive: true } );
	const text = JSON.stringify( results, null, '\t' ) + '\n';
	// A --reuse run measures one size again and must not replace the full run's figures.
	const file = `latest-${ engine }${ args[ 'queue-only' ] ? '-queue' : '' }${ args.reuse ? '-reuse' : '' }.json`;
	fs.writeFileSync( path.join( dir, file ), text );
	process.stdout.write(
		`\nWrote bench/results/${ file }\n${ JSON.stringify( results.goals, null, 2 ) }\n`
	);
}

if ( args.quality ) {
	// Answer quality on a question set: its own script (tools/bench-quality.mjs).
	await import( './bench-quality.mjs' );
} else if ( args.report ) {
	// The handoff report on a generated history: its own script (tools/bench-report.mjs).
	await import( './bench-report.mjs' );
} else {
	main().catch( ( e ) => {
		process.stderr.write( `${ e.stack || e }\n` );
		process.exit( 1 );
	} );
}
