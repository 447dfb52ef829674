/**
 * Builds the front-end assets when the sources are newer than the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, run, step } from './lib.mjs';

function newest( dir ) {
	let max = 0;
	if ( ! fs.existsSync( dir ) ) {
		return max;
	}
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const p = path.join( dir, entry.name );
		max = Math.max(
			max,
			entry.isDirectory() ? newest( p ) : fs.statSync( p ).mtimeMs
		);
	}
	return max;
}

export function ensureBuild( { force = false } = {} ) {
	const sources = Math.max(
		newest( path.join( ROOT, 'blocks' ) ),
		newest( path.join( ROOT, 'src' ) ),
		fs.statSync( path.join( ROOT, 'webpack.config.js' ) ).mtimeMs,
		fs.statSync( path.join( ROOT, 'package-lock.json' ) ).mtimeMs
	);
	const built = path.join( ROOT, 'build', 'chat', 'block.json' );
	if (
		! force &&
		fs.existsSync( built ) &&
		newest( path.join( ROOT, 'build' ) ) >= sources
	) {
		return;
	}
	step( 'Building assets' );
	run( 'npx', [ 'wp-scripts', 'build', '--experimental-modules' ], {
		quiet: true,
	} );
}
