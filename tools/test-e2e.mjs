/**
 * `npm run test:e2e`: Playwright in Debian's Chromium against a fresh WordPress that
 * tools/e2e-server.mjs serves for the run (playwright.config.ts starts and stops it), after the
 * same setup and build as `npm test`.
 *
 *   npm run test:e2e                          every spec, on port 8889
 *   npm run test:e2e -- --port 8903           another port (or HANDOFF_BOT_E2E_PORT=8903)
 *   HANDOFF_BOT_E2E_SITE=e2e-b HANDOFF_BOT_E2E_OUTPUT=test-results/b npm run test:e2e -- --port 8904
 *                                             a second run beside the first (own site and results)
 *   npm run test:e2e -- tests/e2e/chat.spec.ts -g "progress bar"
 *                                             anything else is passed to `playwright test`
 */
import { pathToFileURL } from 'node:url';
import { ROOT, fail, run } from './lib.mjs';
import { ensureBuild } from './build.mjs';
import { setup } from './setup.mjs';

/**
 * Runs Playwright; returns its exit status.
 *
 * @param {string[]}    extra Arguments for `playwright test`.
 * @param {number|null} port  The site's port (default: HANDOFF_BOT_E2E_PORT, else 8889).
 * @return {number} Playwright's exit status.
 */
export function runPlaywright( extra = [], port = null ) {
	const env = { ...process.env };
	if ( port ) {
		env.HANDOFF_BOT_E2E_PORT = String( port );
	}
	return run( 'npx', [ 'playwright', 'test', ...extra ], {
		allowFailure: true,
		cwd: ROOT,
		env,
	} );
}

if (
	process.argv[ 1 ] &&
	import.meta.url === pathToFileURL( process.argv[ 1 ] ).href
) {
	const argv = process.argv.slice( 2 );
	let port = null;
	const extra = [];
	for ( let i = 0; i < argv.length; i++ ) {
		if ( argv[ i ] === '--port' ) {
			port = argv[ ++i ];
		} else if ( argv[ i ].startsWith( '--port=' ) ) {
			port = argv[ i ].slice( 7 );
		} else {
			extra.push( argv[ i ] );
		}
	}
	if ( port !== null && ! /^\d+$/.test( String( port ) ) ) {
		fail( `"${ port }" is not a valid port number.` );
	}
	try {
		setup( 'test' );
		ensureBuild();
	} catch ( e ) {
		fail( e.message );
	}
	process.exit( runPlaywright( extra, port ? Number( port ) : null ) );
}
