/**
 * PHPUnit against a real WordPress with the plugin active, on SQLite and/or MariaDB.
 *
 *   node tools/test-php.mjs [--db sqlite|mariadb|all] [-- extra phpunit args]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, fail, parseArgs, step } from './lib.mjs';
import { startMariaDb } from './mariadb.mjs';
import { prepareSite } from './site.mjs';

/**
 * Installs a throwaway site on the given database and runs PHPUnit against it.
 *
 * @param {'sqlite'|'mariadb'} engine
 * @param {string[]}           extra  Extra PHPUnit arguments.
 * @return {Promise<number>} PHPUnit's exit status.
 */
// HANDOFF_BOT_TEST_RUN=name gives a run its own site and MariaDB server, so that runs side by
// side (several developers on one machine) do not share them.
const RUN = process.env.HANDOFF_BOT_TEST_RUN
	? `-${ process.env.HANDOFF_BOT_TEST_RUN.replace( /[^a-z0-9-]/gi, '' ) }`
	: '';

export async function runPhpUnit( engine, extra = [] ) {
	let server = null;
	let db = { engine: 'sqlite' };
	try {
		if ( engine === 'mariadb' ) {
			step( 'Starting MariaDB on a private socket' );
			server = await startMariaDb( { name: `mariadb${ RUN }` } );
			process.stdout.write( `  MariaDB ${ server.version }\n` );
			server.query(
				'DROP DATABASE IF EXISTS handoff_bot_tests; CREATE DATABASE handoff_bot_tests CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;'
			);
			db = {
				engine: 'mariadb',
				name: 'handoff_bot_tests',
				user: 'root',
				password: '',
				host: server.host,
			};
		}
		step( `PHPUnit on ${ engine === 'mariadb' ? 'MariaDB' : 'SQLite' }` );
		const site = prepareSite( {
			name: `phpunit-${ engine }${ RUN }`,
			port: 8899,
			db,
			reset: true,
			debugDisplay: true,
		} );
		const res = spawnSync(
			'phpunit',
			[ '-c', path.join( ROOT, 'phpunit.xml.dist' ), ...extra ],
			{
				cwd: ROOT,
				stdio: 'inherit',
				env: {
					...process.env,
					HANDOFF_BOT_TEST_SITE: site.dir,
					HANDOFF_BOT_TEST_DB: engine,
				},
			}
		);
		return res.status ?? 1;
	} finally {
		if ( server ) {
			await server.stop();
		}
	}
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	const args = parseArgs(
		process.argv
			.slice( 2 )
			.filter(
				( a, i, all ) =>
					all.indexOf( '--' ) === -1 || i < all.indexOf( '--' )
			)
	);
	const extra = process.argv.includes( '--' )
		? process.argv.slice( process.argv.indexOf( '--' ) + 1 )
		: [];
	const engines =
		! args.db || args.db === 'all' ? [ 'sqlite', 'mariadb' ] : [ args.db ];
	let failed = 0;
	try {
		for ( const engine of engines ) {
			if ( ( await runPhpUnit( engine, extra ) ) !== 0 ) {
				failed++;
			}
		}
	} catch ( e ) {
		fail( e.message );
	}
	process.exit( failed ? 1 : 0 );
}
