/**
 * Fits the answerer's confidence model (includes/Knowledge/Confidence_Model.php): a logistic
 * regression from the evidence about a retrieved passage to the chance that it answers the
 * question. Reads the lines `php bench/answer-features.php <site> <questions.jsonl>` prints (one a
 * passage: features, and whether it was right), reports five-fold cross-validated figures per
 * question (the answer is the likeliest passage, its chance the confidence), and with --write puts
 * the weights fitted on all lines into Confidence_Model.php.
 *
 *   php bench/answer-features.php .wp/bench-quality ../shared/eval-dev/squad2_dev_questions.jsonl > /tmp/features.jsonl
 *   node tools/fit-confidence.mjs /tmp/features.jsonl [--write] [--l2 0.1] [--threshold 0.3]
 *   node tools/fit-confidence.mjs /tmp/features.jsonl --select     choose the features (minutes)
 *
 * Fit on the open dev set only; the product is judged on other questions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, parseArgs } from './lib.mjs';

const args = parseArgs();
const file = args._?.[ 0 ] ?? process.argv[ 2 ];
const l2 = Number( args.l2 ?? 0.1 );
const threshold = Number( args.threshold ?? 0.3 );

/**
 * Solves A x = b (Gaussian elimination with partial pivoting).
 */
function solve( a, b ) {
	const n = b.length;
	const m = a.map( ( row, i ) => [ ...row, b[ i ] ] );
	for ( let c = 0; c < n; c++ ) {
		let pivot = c;
		for ( let r = c + 1; r < n; r++ ) {
			if ( Math.abs( m[ r ][ c ] ) > Math.abs( m[ pivot ][ c ] ) ) {
				pivot = r;
			}
		}
		[ m[ c ], m[ pivot ] ] = [ m[ pivot ], m[ c ] ];
		for ( let r = c + 1; r < n; r++ ) {
			const f = m[ r ][ c ] / m[ c ][ c ];
			for ( let k = c; k <= n; k++ ) {
				m[ r ][ k ] -= f * m[ c ][ k ];
			}
		}
	}
	const x = new Array( n ).fill( 0 );
	for ( let r = n - 1; r >= 0; r-- ) {
		let s = m[ r ][ n ];
		for ( let k = r + 1; k < n; k++ ) {
			s -= m[ r ][ k ] * x[ k ];
		}
		x[ r ] = s / m[ r ][ r ];
	}
	return x;
}

const sigmoid = ( z ) => 1 / ( 1 + Math.exp( -z ) );

/**
 * The features the model weighs (Evidence gives two more, for the agent's brief). Chosen by
 * `--select`: backward elimination, keeping a feature only while dropping it lowers the
 * leave-one-article-out AUROC, so that what is kept carries over to articles the model has not
 * seen. Evidence deliberately ignores some things that help on this set but not on a help centre:
 * the question's length (the set's short questions are more often unanswerable; a help centre's
 * visitors ask short questions the pages answer), the kind of answer it asks for (which kinds the
 * set's writers made unanswerable more often), typos in names, and opposites by prefix
 * ("able" and "disable"); nor does the model take the number of question words missing beside
 * the sentence as well as their share, which together give the question's length back. The last
 * three were added each for raising both the five-fold and the leave-one-article-out AUROC, and
 * checked against the support-style set in the PHPUnit suite.
 */
const FEATURES = [
	'relative_score',
	'missing_share',
	'sentence_coverage',
	'sentence_missing_share',
	'specific_missing',
	'specific_away',
	'number_away',
	'opposite_sentence',
	'order',
	'specific_off_sentence',
	'negated_any',
	'negated_sentence',
	'antonym_near',
	'swapped_sentence',
	'number_missing',
];

/**
 * What the model learns: that the passage's page answers the question (an answerable question,
 * its own page). Whether the quoted sentences hold the exact answer is the composer's part: with
 * it in the target, the chance also learnt the quoting's misses, and told answerable questions
 * from unanswerable ones less well (five-fold AUROC 0.7385 against 0.7410 when this was chosen).
 */
const answers = ( row ) => Boolean( row.answerable && row.page );

/**
 * Logistic regression by Newton's method with an L2 penalty (not on the intercept).
 * Returns [intercept, ...weights].
 */
export function fit( rows, names, penalty ) {
	const d = names.length + 1;
	let w = new Array( d ).fill( 0 );
	for ( let iteration = 0; iteration < 50; iteration++ ) {
		const grad = new Array( d ).fill( 0 );
		const hess = Array.from( { length: d }, () =>
			new Array( d ).fill( 0 )
		);
		for ( const row of rows ) {
			const x = [ 1, ...names.map( ( n ) => row.features[ n ] ?? 0 ) ];
			const p = sigmoid( x.reduce( ( s, v, i ) => s + v * w[ i ], 0 ) );
			const y = answers( row ) ? 1 : 0;
			const h = Math.max( p * ( 1 - p ), 1e-9 );
			for ( let i = 0; i < d; i++ ) {
				grad[ i ] += ( p - y ) * x[ i ];
				for ( let j = 0; j < d; j++ ) {
					hess[ i ][ j ] += h * x[ i ] * x[ j ];
				}
			}
		}
		for ( let i = 1; i < d; i++ ) {
			grad[ i ] += penalty * w[ i ];
			hess[ i ][ i ] += penalty;
		}
		const step = solve( hess, grad );
		w = w.map( ( v, i ) => v - step[ i ] );
		if ( Math.max( ...step.map( Math.abs ) ) < 1e-8 ) {
			break;
		}
	}
	return w;
}

function chance( w, names, row ) {
	return sigmoid(
		w[ 0 ] +
			names.reduce(
				( s, n, i ) => s + w[ i + 1 ] * ( row.features[ n ] ?? 0 ),
				0
			)
	);
}

function auroc( scores, labels ) {
	const pairs = scores
		.map( ( s, i ) => [ s, labels[ i ] ] )
		.sort( ( a, b ) => a[ 0 ] - b[ 0 ] );
	let rank = 0;
	let sum = 0;
	let positives = 0;
	for ( let i = 0; i < pairs.length; ) {
		let j = i;
		while ( j < pairs.length && pairs[ j ][ 0 ] === pairs[ i ][ 0 ] ) {
			j++;
		}
		for ( let k = i; k < j; k++ ) {
			if ( pairs[ k ][ 1 ] ) {
				sum += rank + ( j - i + 1 ) / 2;
				positives++;
			}
		}
		rank += j - i;
		i = j;
	}
	const negatives = pairs.length - positives;
	return (
		( sum - ( positives * ( positives + 1 ) ) / 2 ) /
		( positives * negatives )
	);
}

/**
 * The highest threshold that still answers 80% of the answerable questions, and the share of
 * unanswerable questions it then declines.
 */
function operatingPoint( answerable, unanswerable ) {
	const sorted = answerable
		.map( ( q ) => q.confidence )
		.sort( ( a, b ) => b - a );
	const at = sorted[ Math.ceil( 0.8 * sorted.length ) - 1 ];
	return {
		threshold_answering_80_percent: +at.toFixed( 4 ),
		dont_know_unanswerable_there: +(
			unanswerable.filter( ( q ) => q.confidence < at ).length /
			unanswerable.length
		).toFixed( 4 ),
	};
}

/**
 * Per band of confidence: how many questions, and the share whose likeliest passage was right.
 */
function calibration( out ) {
	const bands = {};
	for ( let step = 0; step < 5; step++ ) {
		const low = step / 5;
		const high = ( step + 1 ) / 5;
		const band = out.filter(
			( q ) =>
				q.confidence >= low &&
				( q.confidence < high || ( step === 4 && q.confidence <= 1 ) )
		);
		bands[ `${ low.toFixed( 1 ) }-${ high.toFixed( 1 ) }` ] = [
			band.length,
			band.length
				? +(
						band.filter( ( q ) => q.right ).length / band.length
					).toFixed( 2 )
				: null,
		];
	}
	return bands;
}

/**
 * Per question: the likeliest passage answers; its chance is the confidence.
 */
function questionFigures( byQuestion, score ) {
	const out = [];
	for ( const rows of byQuestion.values() ) {
		let best = rows[ 0 ];
		let bestChance = -1;
		for ( const row of rows ) {
			const c = score( row );
			if ( c > bestChance ) {
				bestChance = c;
				best = row;
			}
		}
		out.push( {
			answerable: rows[ 0 ].answerable,
			confidence: bestChance,
			page: best.page,
			right: best.right,
		} );
	}
	const answerable = out.filter( ( q ) => q.answerable );
	const unanswerable = out.filter( ( q ) => ! q.answerable );
	const answered = answerable.filter( ( q ) => q.confidence >= threshold );
	return {
		auroc_answerable: +auroc(
			out.map( ( q ) => q.confidence ),
			out.map( ( q ) => q.answerable )
		).toFixed( 4 ),
		auroc_right: +auroc(
			out.map( ( q ) => q.confidence ),
			out.map( ( q ) => q.right )
		).toFixed( 4 ),
		hit_at_1: +(
			answerable.filter( ( q ) => q.page ).length / answerable.length
		).toFixed( 4 ),
		[ `answered_answerable_at_${ threshold }` ]: +(
			answered.length / answerable.length
		).toFixed( 4 ),
		[ `dont_know_unanswerable_at_${ threshold }` ]: +(
			unanswerable.filter( ( q ) => q.confidence < threshold ).length /
			unanswerable.length
		).toFixed( 4 ),
		right_among_answered: answered.length
			? +(
					answered.filter( ( q ) => q.right ).length / answered.length
				).toFixed( 4 )
			: null,
		...operatingPoint( answerable, unanswerable ),
		calibration: calibration( out ),
	};
}

/**
 * Pooled AUROC (answerable or not) of chances held out one article at a time.
 */
function articleAuroc( rows, names ) {
	const scores = [];
	const labels = [];
	for ( const article of new Set( rows.map( ( r ) => r.article ) ) ) {
		const w = fit(
			rows.filter( ( r ) => r.article !== article ),
			names,
			l2
		);
		const best = new Map();
		for ( const r of rows.filter( ( x ) => x.article === article ) ) {
			best.set(
				r.question,
				Math.max( best.get( r.question ) ?? 0, chance( w, names, r ) )
			);
			labels[ r.question ] = r.answerable;
		}
		for ( const [ question, c ] of best ) {
			scores.push( [ c, labels[ question ] ] );
		}
	}
	return auroc(
		scores.map( ( s ) => s[ 0 ] ),
		scores.map( ( s ) => s[ 1 ] )
	);
}

/**
 * Backward elimination: drops, one at a time, the feature whose removal helps the
 * leave-one-article-out AUROC most, while that does not lower it.
 */
function select( rows ) {
	let names = Object.keys( rows[ 0 ].features );
	let best = articleAuroc( rows, names );
	process.stdout.write(
		`all ${ names.length } features: ${ best.toFixed( 4 ) }\n`
	);
	while ( names.length > 2 ) {
		let drop = null;
		let score = -1;
		for ( const n of names ) {
			const s = articleAuroc(
				rows,
				names.filter( ( x ) => x !== n )
			);
			if ( s > score ) {
				score = s;
				drop = n;
			}
		}
		if ( score < best ) {
			break;
		}
		best = score;
		names = names.filter( ( x ) => x !== drop );
		process.stdout.write( `without ${ drop }: ${ score.toFixed( 4 ) }\n` );
	}
	process.stdout.write( `${ JSON.stringify( names ) }\n` );
}

function main() {
	if ( ! file || ! fs.existsSync( file ) ) {
		throw new Error(
			'Usage: node tools/fit-confidence.mjs <features.jsonl> [--write]'
		);
	}
	const rows = fs
		.readFileSync( file, 'utf8' )
		.split( '\n' )
		.filter( Boolean )
		.map( ( line ) => JSON.parse( line ) );
	const names =
		typeof args.features === 'string'
			? args.features.split( ',' )
			: FEATURES;
	if ( args.select ) {
		select( rows );
		return;
	}
	const byQuestion = new Map();
	for ( const row of rows ) {
		if ( ! byQuestion.has( row.question ) ) {
			byQuestion.set( row.question, [] );
		}
		byQuestion.get( row.question ).push( row );
	}

	// Held-out chances: five folds by question (a question's passages never split between fitting
	// and testing), and one fold per article (the model never saw the article it is tested on,
	// which is how it meets the other articles it is judged on).
	const questions = [ ...byQuestion.keys() ];
	const byFold = new Map( questions.map( ( q, i ) => [ q, i % 5 ] ) );
	const heldOut = ( foldOf ) => {
		const held = new Map();
		for ( const k of new Set( rows.map( foldOf ) ) ) {
			const w = fit(
				rows.filter( ( r ) => foldOf( r ) !== k ),
				names,
				l2
			);
			for ( const r of rows.filter( ( x ) => foldOf( x ) === k ) ) {
				held.set( r, chance( w, names, r ) );
			}
		}
		return held;
	};
	const held = heldOut( ( r ) => byFold.get( r.question ) );
	const heldByArticle = heldOut( ( r ) => r.article ?? '' );
	const w = fit( rows, names, l2 );
	const report = {
		passages: rows.length,
		questions: byQuestion.size,
		cross_validated: questionFigures( byQuestion, ( r ) => held.get( r ) ),
		leave_one_article_out: questionFigures( byQuestion, ( r ) =>
			heldByArticle.get( r )
		),
		fitted_on_all: questionFigures( byQuestion, ( r ) =>
			chance( w, names, r )
		),
		current_model: questionFigures( byQuestion, ( r ) => r.chance ),
		weights: Object.fromEntries(
			[
				[ 'bias', w[ 0 ] ],
				...names.map( ( n, i ) => [ n, w[ i + 1 ] ] ),
			].map( ( [ n, v ] ) => [ n, +v.toFixed( 4 ) ] )
		),
	};
	process.stdout.write( JSON.stringify( report, null, 2 ) + '\n' );

	if ( args.write ) {
		const target = path.join(
			ROOT,
			'includes',
			'Knowledge',
			'Confidence_Model.php'
		);
		const source = fs.readFileSync( target, 'utf8' );
		const start = source.indexOf( '\t// Fitted weights:' );
		const end = source.indexOf( '\t// End of fitted weights.' );
		if ( start < 0 || end < start ) {
			throw new Error(
				`${ target } has lost its "Fitted weights" markers; nothing written.`
			);
		}
		const width = Math.max( ...names.map( ( n ) => n.length ) ) + 2;
		const block = [
			'\t// Fitted weights: tools/fit-confidence.mjs rewrites the lines from here to "End of fitted weights".',
			`\tpublic const BIAS = ${ w[ 0 ].toFixed( 4 ) };`,
			'',
			'\t/**',
			'\t * Feature => weight.',
			'\t *',
			'\t * @var array<string, float>',
			'\t */',
			'\tpublic const WEIGHTS = array(',
			...names.map(
				( n, i ) =>
					`\t\t${ `'${ n }'`.padEnd( width ) } => ${ w[ i + 1 ].toFixed( 4 ) },`
			),
			'\t);',
			'',
		].join( '\n' );
		fs.writeFileSync(
			target,
			source.slice( 0, start ) + block + source.slice( end )
		);
		process.stdout.write( `Wrote ${ path.relative( ROOT, target ) }\n` );
	}
}

if (
	process.argv[ 1 ] &&
	import.meta.url.endsWith( path.basename( process.argv[ 1 ] ) )
) {
	main();
}
