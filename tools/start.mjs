/**
 * `npm start`: sets everything up and serves a real WordPress with the plugin at http://localhost:8888.
 *
 *   npm start                      reuse the site from last time
 *   npm start -- --reset           start from a clean site
 *   npm start -- --port 8890       another port (or WP_PORT=8890)
 */
import path from 'node:path';
import {
	ROOT,
	fail,
	parseArgs,
	portIsFree,
	secondsSince,
	step,
} from './lib.mjs';
import { ensureBuild } from './build.mjs';
import { setup, WORDPRESS } from './setup.mjs';
import { ADMIN, prepareSite, serve } from './site.mjs';

const t0 = Date.now();
const args = parseArgs();
const port = Number( args.port || process.env.WP_PORT || 8888 );
if ( ! Number.isInteger( port ) || port < 1 || port > 65535 ) {
	fail(
		`"${ args.port || process.env.WP_PORT }" is not a valid port number.`
	);
}

if ( ! ( await portIsFree( port ) ) ) {
	fail(
		`Port ${ port } is already in use.\nStop whatever uses it, or choose another port:\n\n  npm start -- --port ${ port + 2 }\n  WP_PORT=${ port + 2 } npm start\n`
	);
}

try {
	setup( 'start' );
	ensureBuild();
	step( args.reset ? 'Creating a clean site' : 'Preparing the site' );
	const site = prepareSite( {
		// One site per port, so two servers never share (and rewrite) one config.
		name: port === 8888 ? 'dev' : `dev-${ port }`,
		port,
		reset: !! args.reset,
		demo: true,
		devSite: true,
	} );
	step( `Starting PHP's built-in server on port ${ port }` );
	const server = await serve( site, port, {
		log: path.join( site.dir, 'server.log' ),
	} );

	process.stdout.write( `
WordPress ${ WORDPRESS.version } with Handoff Bot is running (${ site.fresh ? 'new site' : 'reused site' }, ready in ${ secondsSince( t0 ) } s).

  Site:        ${ site.url }/
  Help page:   ${ site.url }/help/
  Floating:    ${ site.url }/help-widget/
  Admin:       ${ site.url }/wp-admin/
  Username:    ${ ADMIN.user }
  Password:    ${ ADMIN.password }
  Database:    SQLite (${ path.relative( ROOT, path.join( site.dir, 'wp-content', 'database', '.ht.sqlite' ) ) })
  Server log:  ${ path.relative( ROOT, path.join( site.dir, 'server.log' ) ) }
  PHP log:     ${ path.relative( ROOT, path.join( site.dir, 'debug.log' ) ) }

Press Ctrl-C to stop. \`npm start -- --reset\` starts over with a clean site.
` );

	const stop = () => {
		server.stopGroup();
		process.stdout.write( '\nStopped.\n' );
		process.exit( 0 );
	};
	process.on( 'SIGINT', stop );
	process.on( 'SIGTERM', stop );
	server.on( 'exit', ( code ) => {
		fail(
			`The PHP server stopped unexpectedly (exit ${ code }). See ${ path.join( site.dir, 'server.log' ) }.`
		);
	} );
} catch ( e ) {
	fail( e.message );
}
