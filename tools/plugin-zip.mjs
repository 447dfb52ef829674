/**
 * `npm run plugin-zip`: builds the assets and writes handoff-bot.zip with what a site needs and nothing
 * from development (no sources, tests, tools or dependencies).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, capture, fail, run, step } from './lib.mjs';
import { ensureBuild } from './build.mjs';

ensureBuild( { force: true } );
step( 'Writing handoff-bot.zip' );
fs.rmSync( path.join( ROOT, 'handoff-bot.zip' ), { force: true } );
run( 'npx', [ 'wp-scripts', 'plugin-zip' ], { quiet: true } );

const listing = capture( 'unzip', [
	'-Z1',
	path.join( ROOT, 'handoff-bot.zip' ),
] ).split( '\n' );
const forbidden = listing.filter(
	( f ) =>
		/(^|\/)(node_modules|vendor|tests|tools|src|\.wp|\.cache)\//.test(
			f
		) || /\.(ts|tsx|scss|map)$/.test( f )
);
if ( forbidden.length ) {
	fail( `The zip contains development files:\n${ forbidden.join( '\n' ) }` );
}
for ( const needed of [
	'handoff-bot/handoff-bot.php',
	'handoff-bot/build/chat/block.json',
	'handoff-bot/build/chat/view.js',
	'handoff-bot/includes/Plugin.php',
	'handoff-bot/languages/handoff-bot.pot',
] ) {
	if ( ! listing.includes( needed ) ) {
		fail(
			`The zip is missing ${ needed }. Contents:\n${ listing.join( '\n' ) }`
		);
	}
}
const size = fs.statSync( path.join( ROOT, 'handoff-bot.zip' ) ).size;
process.stdout.write(
	`  handoff-bot.zip: ${ listing.length } files, ${ ( size / 1024 ).toFixed( 1 ) } KiB\n`
);
