/**
 * `npm run bench -- --quality`: answer quality on the open dev set (../shared/eval-dev/, SQuAD 2.0
 * paragraphs and questions, half of them unanswerable). Builds a site with one page a paragraph,
 * asks every question through the visitor REST API (a new conversation each), and writes
 * bench/results/quality-latest.json. Not a test: nothing fails on a number.
 *
 *   npm run bench -- --quality                 the whole set
 *   npm run bench -- --quality --limit 300     the first 300 questions (a quick look)
 *   npm run bench -- --quality --reuse         ask again on the last run's site (after PHP changes)
 *   npm run bench -- --quality --data <dir>    another set in the same format
 *
 * Figures (over answerable questions unless said otherwise):
 * - hit@1 / hit@3: the question's page is the first source / among the first three distinct pages
 *   of the reply's sources: its citations, then the passages the answerer tried (what an agent sees);
 * - gold_in_answered: the share of answered replies that contain a gold answer (SQuAD's
 *   normalisation: case, punctuation, articles and spacing ignored); gold_in_all counts a
 *   "don't know" as a miss;
 * - auroc: how well the reply's confidence separates answerable from unanswerable questions;
 * - dont_know: the share of "I don't know" replies to answerable and to unanswerable questions at
 *   the site's threshold, and what they would be at other thresholds (from the confidences);
 * - calibration: per band of confidence, the share of answers that were right (an answerable
 *   question, the right page cited first, a gold answer in the reply);
 * - message_ms: the median and p90 time of a visitor message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, capture, parseArgs, run, step } from './lib.mjs';
import { ensureBuild } from './build.mjs';
import { setup } from './setup.mjs';
import { prepareSite, serve } from './site.mjs';

const args = parseArgs();
const port = Number( args.port || 8896 );
const data = path.resolve(
	ROOT,
	typeof args.data === 'string' ? args.data : '../shared/eval-dev'
);
const limit = Number( args.limit || 0 );

function readJsonLines( file ) {
	return fs
		.readFileSync( file, 'utf8' )
		.split( '\n' )
		.filter( ( line ) => line.trim() )
		.map( ( line ) => JSON.parse( line ) );
}

async function request( method, url, body, headers = {} ) {
	const started = performance.now();
	const res = await fetch( `http://127.0.0.1:${ port }${ url }`, {
		method,
		headers: {
			host: `localhost:${ port }`,
			'Content-Type': 'application/json',
			...headers,
		},
		body: body ? JSON.stringify( body ) : undefined,
	} );
	const text = await res.text();
	let json = null;
	try {
		json = JSON.parse( text );
	} catch {
		// Reported below as a failure.
	}
	return { status: res.status, json, text, ms: performance.now() - started };
}

/**
 * SQuAD's answer normalisation: lower case, no punctuation, no articles, single spaces.
 */
export function normalise( text ) {
	return ` ${ String( text )
		.toLowerCase()
		.normalize( 'NFKD' )
		.replace( /[\u0300-\u036f]/g, '' )
		.replace( /[^\p{L}\p{N}\s]/gu, ' ' )
		.replace( /\b(a|an|the)\b/g, ' ' )
		.replace( /\s+/g, ' ' )
		.trim() } `;
}

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative
 * (ties count half).
 */
export function auroc( scores, labels ) {
	const pairs = scores.map( ( s, i ) => [ s, labels[ i ] ] );
	pairs.sort( ( a, b ) => a[ 0 ] - b[ 0 ] );
	let rank = 0;
	let positiveRanks = 0;
	let positives = 0;
	for ( let i = 0; i < pairs.length; ) {
		let j = i;
		while ( j < pairs.length && pairs[ j ][ 0 ] === pairs[ i ][ 0 ] ) {
			j++;
		}
		const average = rank + ( j - i + 1 ) / 2;
		for ( let k = i; k < j; k++ ) {
			if ( pairs[ k ][ 1 ] ) {
				positiveRanks += average;
				positives++;
			}
		}
		rank += j - i;
		i = j;
	}
	const negatives = pairs.length - positives;
	if ( ! positives || ! negatives ) {
		return null;
	}
	return (
		( positiveRanks - ( positives * ( positives + 1 ) ) / 2 ) /
		( positives * negatives )
	);
}

function share( part, whole ) {
	return whole ? +( part / whole ).toFixed( 4 ) : null;
}

function quantile( values, q ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted.length
		? +sorted[
				Math.min( sorted.length - 1, Math.floor( q * sorted.length ) )
			].toFixed( 2 )
		: null;
}

function slugOf( url ) {
	try {
		return new URL( url ).pathname.replace( /^\/|\/$/g, '' ).toLowerCase();
	} catch {
		return '';
	}
}

/**
 * The figures, from one row per question.
 */
export function figures( rows, threshold ) {
	const answerable = rows.filter( ( r ) => r.answerable );
	const unanswerable = rows.filter( ( r ) => ! r.answerable );
	const answered = answerable.filter( ( r ) => r.kind === 'answer' );
	const thresholds = [];
	for ( let t = 0.05; t < 0.96; t += 0.05 ) {
		const at = +t.toFixed( 2 );
		thresholds.push( {
			threshold: at,
			dont_know_answerable: share(
				answerable.filter( ( r ) => r.confidence < at ).length,
				answerable.length
			),
			dont_know_unanswerable: share(
				unanswerable.filter( ( r ) => r.confidence < at ).length,
				unanswerable.length
			),
		} );
	}
	// Over answered replies: a "don't know" cannot be right or wrong.
	const calibration = [];
	for ( let band = 0; band < 10; band++ ) {
		const low = band / 10;
		const high = ( band + 1 ) / 10;
		const replies = rows.filter(
			( r ) =>
				r.kind === 'answer' &&
				r.confidence >= low &&
				( r.confidence < high || ( band === 9 && r.confidence <= 1 ) )
		);
		calibration.push( {
			confidence: `${ low.toFixed( 1 ) }–${ high.toFixed( 1 ) }`,
			answers: replies.length,
			right: share(
				replies.filter( ( r ) => r.right ).length,
				replies.length
			),
		} );
	}
	const times = rows.map( ( r ) => r.ms );
	// What the escalation rules decided: on these reference questions (none asks for a person), a
	// handoff or an offer made before any answer is a question taken from the bot.
	const decisions = ( of ) => {
		const counts = {};
		for ( const r of of ) {
			counts[ r.decision ] = ( counts[ r.decision ] ?? 0 ) + 1;
		}
		return Object.fromEntries(
			Object.entries( counts )
				.sort( ( a, b ) => b[ 1 ] - a[ 1 ] )
				.map( ( [ k, n ] ) => [ k, share( n, of.length ) ] )
		);
	};
	return {
		decisions_answerable: decisions( answerable ),
		decisions_unanswerable: decisions( unanswerable ),
		questions: rows.length,
		answerable: answerable.length,
		unanswerable: unanswerable.length,
		hit_at_1: share(
			answerable.filter( ( r ) => r.pages[ 0 ] === r.page ).length,
			answerable.length
		),
		hit_at_3: share(
			answerable.filter( ( r ) =>
				r.pages.slice( 0, 3 ).includes( r.page )
			).length,
			answerable.length
		),
		gold_in_answered: share(
			answered.filter( ( r ) => r.gold ).length,
			answered.length
		),
		gold_in_all: share(
			answered.filter( ( r ) => r.gold ).length,
			answerable.length
		),
		auroc: +(
			auroc(
				rows.map( ( r ) => r.confidence ),
				rows.map( ( r ) => r.answerable )
			) ?? 0
		).toFixed( 4 ),
		auroc_right: +(
			auroc(
				rows.map( ( r ) => r.confidence ),
				rows.map( ( r ) => r.right )
			) ?? 0
		).toFixed( 4 ),
		threshold,
		dont_know_answerable: share(
			answerable.filter( ( r ) => r.kind !== 'answer' ).length,
			answerable.length
		),
		dont_know_unanswerable: share(
			unanswerable.filter( ( r ) => r.kind !== 'answer' ).length,
			unanswerable.length
		),
		citations_per_answer: share(
			rows
				.filter( ( r ) => r.kind === 'answer' )
				.reduce( ( n, r ) => n + r.citations, 0 ),
			rows.filter( ( r ) => r.kind === 'answer' ).length
		),
		message_ms: {
			p50: quantile( times, 0.5 ),
			p90: quantile( times, 0.9 ),
		},
		failed_requests: rows.filter( ( r ) => r.failed ).length,
		thresholds,
		calibration,
	};
}

async function main() {
	const kbFile = path.join( data, 'squad2_dev_kb.jsonl' );
	const questionFile = path.join( data, 'squad2_dev_questions.jsonl' );
	if ( ! fs.existsSync( kbFile ) || ! fs.existsSync( questionFile ) ) {
		throw new Error( `No question set in ${ data }` );
	}
	let questions = readJsonLines( questionFile );
	if ( limit > 0 ) {
		questions = questions.slice( 0, limit );
	}
	setup( 'test' );
	ensureBuild();
	step( 'Preparing the quality site (SQLite)' );
	const site = prepareSite( {
		name: 'bench-quality',
		port,
		reset: ! args.reuse,
	} );
	if ( ! args.reuse ) {
		run(
			'php',
			[ path.join( ROOT, 'tools', 'wp', 'lift-limits.php' ), site.dir ],
			{
				quiet: true,
			}
		);
		step( 'Importing the knowledge base as pages and indexing it' );
		process.stdout.write(
			`  ${ capture( 'php', [ path.join( ROOT, 'bench', 'import-eval.php' ), site.dir, kbFile ] ) }\n`
		);
	}
	const threshold = Number(
		capture( 'php', [
			'-r',
			`$_SERVER['HTTP_HOST']='localhost'; require '${ site.dir }/wp-load.php'; echo (new HandoffBot\\Settings())->get('answer_threshold');`,
		] )
	);

	step( `Asking ${ questions.length } questions through the REST API` );
	const server = await serve( site, port, {
		workers: 1,
		log: path.join( site.dir, 'server.log' ),
	} );
	const rows = [];
	try {
		for ( let i = 0; i < 10; i++ ) {
			await request( 'GET', '/wp-json/wp/v2/types/post' );
		}
		for ( const [ i, q ] of questions.entries() ) {
			const started = await request(
				'POST',
				'/wp-json/handoff-bot/v1/conversations',
				{}
			);
			const token = started.json?.token;
			const sent = await request(
				'POST',
				`/wp-json/handoff-bot/v1/conversations/${ started.json?.id }/messages`,
				{
					message: q.question,
					idempotency_key: `quality-${ i }-${ Date.now() }`,
				},
				{ 'X-Handoff-Bot-Token': token || '' }
			);
			const reply = sent.json?.reply ?? {};
			const citations = ( reply.citations ?? [] ).map( ( c ) =>
				slugOf( c.url )
			);
			const body = normalise( reply.body ?? '' );
			const gold =
				q.answerable &&
				q.answers.some( ( a ) => {
					const n = normalise( a ).trim();
					return n !== '' && body.includes( ` ${ n } ` );
				} );
			rows.push( {
				id: q.id,
				conversation: started.json?.id,
				page: q.context_id.toLowerCase(),
				answerable: q.answerable,
				kind: reply.kind ?? 'failed',
				decision: reply.decision?.kind ?? 'none',
				confidence: Number( reply.confidence ?? 0 ),
				citations: citations.length,
				cited: citations,
				gold,
				ms: sent.ms,
				failed: sent.status !== 201,
			} );
			if ( ( i + 1 ) % 250 === 0 ) {
				process.stdout.write( `  ${ i + 1 }\n` );
			}
		}
	} finally {
		server.stopGroup();
	}

	const idsFile = path.join( site.dir, 'quality-conversations.json' );
	fs.writeFileSync(
		idsFile,
		JSON.stringify( rows.map( ( r ) => r.conversation ) )
	);
	const tried = JSON.parse(
		capture( 'php', [
			path.join( ROOT, 'bench', 'eval-sources.php' ),
			site.dir,
			idsFile,
		] )
	);
	for ( const row of rows ) {
		const pages = [];
		for ( const slug of [
			...row.cited,
			...( tried[ row.conversation ] ?? [] ),
		] ) {
			if ( slug && ! pages.includes( slug ) ) {
				pages.push( slug );
			}
		}
		row.pages = pages;
		row.right =
			row.answerable &&
			row.kind === 'answer' &&
			row.cited[ 0 ] === row.page &&
			row.gold;
	}

	const results = {
		date: new Date().toISOString(),
		data: path.relative( ROOT, data ),
		database: 'sqlite',
		...figures( rows, threshold ),
	};
	const dir = path.join( ROOT, 'bench', 'results' );
	fs.mkdirSync( dir, { recursive: true } );
	const file = limit > 0 ? 'quality-partial.json' : 'quality-latest.json';
	fs.writeFileSync(
		path.join( dir, file ),
		JSON.stringify( results, null, '\t' ) + '\n'
	);
	fs.writeFileSync(
		path.join( site.dir, 'quality-rows.json' ),
		JSON.stringify( rows, null, 1 )
	);
	const { thresholds, calibration, ...headline } = results;
	process.stdout.write(
		`\nWrote bench/results/${ file }\n${ JSON.stringify( headline, null, 2 ) }\n`
	);
}

main().catch( ( e ) => {
	process.stderr.write( `${ e.stack || e }\n` );
	process.exit( 1 );
} );
