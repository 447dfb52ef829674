/**
 * Serves a fresh WordPress with the plugin and demo content for the end-to-end tests.
 *
 *   node tools/e2e-server.mjs --port 8889
 */
import path from 'node:path';
import { ROOT, fail, parseArgs, run } from './lib.mjs';
import { prepareSite, serve } from './site.mjs';

const args = parseArgs();
const port = Number( args.port || 8889 );

try {
	const site = prepareSite( {
		// Another name (HANDOFF_BOT_E2E_SITE) lets two runs on two ports work side by side.
		name: process.env.HANDOFF_BOT_E2E_SITE || 'e2e',
		port,
		reset: true,
		demo: true,
		devSite: true,
	} );
	// Every test browses from 127.0.0.1; the default per-address limits would throttle the suite.
	run(
		'php',
		[ path.join( ROOT, 'tools', 'wp', 'lift-limits.php' ), site.dir ],
		{ quiet: true }
	);
	const server = await serve( site, port, {
		log: path.join( site.dir, 'server.log' ),
		ownGroup: false,
	} );
	process.stdout.write( `e2e site on ${ site.url }\n` );
	const stop = () => {
		server.stopGroup();
		process.exit( 0 );
	};
	process.on( 'SIGINT', stop );
	process.on( 'SIGTERM', stop );
} catch ( e ) {
	fail( e.message );
}
