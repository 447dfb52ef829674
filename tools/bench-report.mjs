/**
 * The handoff report under load of history, for `npm run bench -- --report` (tools/bench.mjs
 * runs it instead of the other measurements):
 *
 *   npm run bench -- --report                          100k conversations, 1M messages, SQLite
 *   npm run bench -- --report --db mariadb             on MariaDB
 *   npm run bench -- --report --conversations 10000 --messages 100000
 *   npm run bench -- --report --reuse                  measure again on the last run's site
 *   npm run bench -- --report --requests 20            requests per measurement (default 30)
 *   npm run bench -- --report --from-rows              without the report facts (the report
 *                                                      computed from the rows), for comparison
 *
 * A year of conversations is generated (bench/generate-report.php, seeded), then, signed in as
 * the administrator (cookie and REST nonce, as the report screen sends them), what the report
 * screen loads at first paint is timed against a bare WordPress REST request, the kinds in turn,
 * one request at a time, on one PHP worker with opcache on:
 * - GET /handoff-bot/v1/reports/summary?period=last_30_days&compare=true (every metric of the
 *   period and of the previous one, with the split by config version);
 * - GET /handoff-bot/v1/reports/conversations?period=last_30_days&per_page=20 (the first page of
 *   the drill-down list).
 * Results go to bench/results/report-<database>.json. Goal: the summary within 40 × the bare request.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, capture, parseArgs, run, step } from './lib.mjs';
import { benchDatabase, runFacts } from './bench-db.mjs';
import { setup } from './setup.mjs';
import { prepareSite, serve } from './site.mjs';

const args = parseArgs();
const engine = args.db === 'mariadb' ? 'mariadb' : 'sqlite';
const port = Number( args.port || 8898 );
const requests = Number( args.requests || 30 );
const conversations = Number( args.conversations || 100000 );
const messages = Number( args.messages || 1000000 );
const seed = Number( args.seed || 42 );

function get( urlPath, headers = {} ) {
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
					} )
				);
			}
		);
		req.on( 'error', () =>
			resolve( { status: 0, body: '', ms: performance.now() - started } )
		);
		req.end();
	} );
}

function figures( name, times, failed ) {
	const sorted = [ ...times ].sort( ( a, b ) => a - b );
	const at = ( q ) =>
		+sorted[
			Math.min( sorted.length - 1, Math.floor( q * sorted.length ) )
		].toFixed( 2 );
	return {
		name,
		requests: sorted.length,
		failed,
		mean_ms: +(
			sorted.reduce( ( a, b ) => a + b, 0 ) / sorted.length
		).toFixed( 2 ),
		p50_ms: at( 0.5 ),
		p90_ms: at( 0.9 ),
		max_ms: +sorted[ sorted.length - 1 ].toFixed( 2 ),
	};
}

async function measure( auth ) {
	const headers = { cookie: auth.cookie, 'X-WP-Nonce': auth.nonce };
	const kinds = {
		bare: {
			name: 'bare WordPress REST request (GET /wp-json/wp/v2/types/post)',
			path: '/wp-json/wp/v2/types/post',
			headers: {},
		},
		summary: {
			name: 'report summary, last 30 days with comparison (GET /reports/summary?period=last_30_days&compare=true)',
			path: '/wp-json/handoff-bot/v1/reports/summary?period=last_30_days&compare=true',
			headers,
		},
		conversations: {
			name: 'drill-down list, first page (GET /reports/conversations?period=last_30_days&per_page=20)',
			path: '/wp-json/handoff-bot/v1/reports/conversations?period=last_30_days&per_page=20',
			headers,
		},
	};
	// Warm up opcache and the database's caches.
	for ( let i = 0; i < 3; i++ ) {
		for ( const kind of Object.values( kinds ) ) {
			await get( kind.path, kind.headers );
		}
	}
	const times = {};
	const failed = {};
	let sample = null;
	for ( const key of Object.keys( kinds ) ) {
		times[ key ] = [];
		failed[ key ] = 0;
	}
	for ( let i = 0; i < requests; i++ ) {
		for ( const [ key, kind ] of Object.entries( kinds ) ) {
			const result = await get( kind.path, kind.headers );
			times[ key ].push( result.ms );
			if ( result.status !== 200 ) {
				failed[ key ]++;
				if ( failed[ key ] === 1 ) {
					process.stdout.write(
						`  ${ key } answered ${ result.status }: ${ result.body.slice( 0, 300 ) }\n`
					);
				}
			} else if ( key === 'summary' && ! sample ) {
				const body = JSON.parse( result.body );
				sample = {
					conversations: body.metrics?.conversations,
					handoffs: body.metrics?.handoffs,
					escalation_rate: body.metrics?.escalation?.rate,
					previous_conversations:
						body.comparison?.metrics?.conversations,
					versions: body.drift?.versions?.length,
				};
			}
		}
	}
	const out = Object.fromEntries(
		Object.entries( kinds ).map( ( [ key, kind ] ) => [
			key,
			figures( kind.name, times[ key ], failed[ key ] ),
		] )
	);
	return {
		...out,
		summary_ratio_to_bare: +(
			out.summary.p50_ms / out.bare.p50_ms
		).toFixed( 2 ),
		conversations_ratio_to_bare: +(
			out.conversations.p50_ms / out.bare.p50_ms
		).toFixed( 2 ),
		first_paint_ratio_to_bare: +(
			( out.summary.p50_ms + out.conversations.p50_ms ) /
			out.bare.p50_ms
		).toFixed( 2 ),
		sample,
	};
}

async function main() {
	setup( 'test' );
	const { db, mariadb } = await benchDatabase( {
		engine,
		database: 'handoff_bot_bench_report',
		reuse: Boolean( args.reuse ),
		server: 'mariadb-bench-report',
	} );
	const results = {
		...runFacts( engine ),
		server: 'PHP built-in server, 1 worker, opcache on; client: sequential requests over loopback, a new connection each, the kinds in turn, after 3 rounds to warm up',
		requests_per_measurement: requests,
		report_facts: ! args[ 'from-rows' ],
	};
	try {
		step( `Preparing the report benchmark site (${ engine })` );
		const site = prepareSite( {
			name: `bench-report-${ engine }`,
			port,
			db,
			reset: ! args.reuse,
		} );
		run(
			'php',
			[ path.join( ROOT, 'tools', 'wp', 'lift-limits.php' ), site.dir ],
			{ quiet: true }
		);
		if ( ! args.reuse ) {
			step(
				`Generating ${ conversations } conversations and about ${ messages } messages over 365 days`
			);
			const out = capture( 'php', [
				'-d',
				'memory_limit=2G',
				path.join( ROOT, 'bench', 'generate-report.php' ),
				site.dir,
				`conversations=${ conversations }`,
				`messages=${ messages }`,
				`seed=${ seed }`,
			] );
			if ( ! out ) {
				throw new Error( 'bench/generate-report.php failed' );
			}
			results.generated = JSON.parse( out.split( '\n' ).at( -1 ) );
			fs.writeFileSync(
				path.join( site.dir, 'generated.json' ),
				JSON.stringify( results.generated )
			);
			process.stdout.write( `  ${ out }\n` );
		} else {
			const file = path.join( site.dir, 'generated.json' );
			results.generated = fs.existsSync( file )
				? JSON.parse( fs.readFileSync( file, 'utf8' ) )
				: null;
		}
		step(
			args[ 'from-rows' ]
				? 'Emptying the report facts (the report is computed from the rows)'
				: 'Bringing the report facts up to date, as the scheduled job would have'
		);
		const prepared = capture( 'php', [
			'-d',
			'memory_limit=1G',
			path.join( ROOT, 'bench', 'report-prepare.php' ),
			site.dir,
			...( args[ 'from-rows' ] ? [ 'rows' ] : [] ),
		] );
		process.stdout.write( `  ${ prepared }\n` );
		results.prepared = prepared ? JSON.parse( prepared ) : null;
		const auth = JSON.parse(
			capture( 'php', [
				path.join( ROOT, 'bench', 'report-auth.php' ),
				site.dir,
			] )
		);
		step( 'Measuring the report' );
		const server = await serve( site, port, {
			workers: 1,
			log: path.join( site.dir, 'server.log' ),
		} );
		try {
			results.report = await measure( auth );
		} finally {
			server.stopGroup();
			await new Promise( ( r ) => setTimeout( r, 500 ) );
		}
		process.stdout.write(
			`  bare ${ results.report.bare.p50_ms } ms, summary ${ results.report.summary.p50_ms } ms (×${ results.report.summary_ratio_to_bare }), conversations ${ results.report.conversations.p50_ms } ms (×${ results.report.conversations_ratio_to_bare }); ${ JSON.stringify( results.report.sample ) }\n`
		);
	} finally {
		if ( mariadb ) {
			await mariadb.stop();
		}
	}
	results.goals = {
		'summary_ratio_to_bare <= 40': results.report?.summary_ratio_to_bare,
	};
	const dir = path.join( ROOT, 'bench', 'results' );
	fs.mkdirSync( dir, { recursive: true } );
	const file = `report-${ engine }${ args[ 'from-rows' ] ? '-rows' : '' }${ args.reuse ? '-reuse' : '' }.json`;
	fs.writeFileSync(
		path.join( dir, file ),
		JSON.stringify( results, null, '\t' ) + '\n'
	);
	process.stdout.write(
		`\nWrote bench/results/${ file }\n${ JSON.stringify( results.goals, null, 2 ) }\n`
	);
}

main().catch( ( e ) => {
	process.stderr.write( `${ e.stack || e }\n` );
	process.exit( 1 );
} );
