/**
 * What the benchmarks share: their database (SQLite, or a MariaDB server set as production runs
 * it) and the facts of the machine they ran on.
 */
import os from 'node:os';
import { capture } from './lib.mjs';
import { startMariaDb } from './mariadb.mjs';
import { WORDPRESS } from './setup.mjs';

// As a production server would run: the working set in memory, and every commit flushed to the
// log (the server's default).
export const MARIADB_SETTINGS = {
	buffer_pool: '1G',
	flush_log_at_trx_commit: 1,
};

/**
 * The benchmark's database: SQLite, or a MariaDB server with a database of this name (emptied
 * unless reused).
 *
 * @param {Object}  opts
 * @param {string}  opts.engine   'sqlite' or 'mariadb'.
 * @param {string}  opts.database The MariaDB database's name.
 * @param {boolean} opts.reuse    Keep the database's tables from the last run.
 * @param {string}  [opts.server] The MariaDB server's name (its data folder).
 * @return {Promise<{db: Object, mariadb: Object|null}>} The site's database settings, and the server to stop.
 */
export async function benchDatabase( { engine, database, reuse, server } ) {
	if ( engine !== 'mariadb' ) {
		return { db: { engine: 'sqlite' }, mariadb: null };
	}
	const mariadb = await startMariaDb( {
		bufferPool: MARIADB_SETTINGS.buffer_pool,
		flushLogAtCommit: MARIADB_SETTINGS.flush_log_at_trx_commit,
		...( server ? { name: server } : {} ),
	} );
	if ( ! reuse ) {
		mariadb.query(
			`DROP DATABASE IF EXISTS ${ database }; CREATE DATABASE ${ database } CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`
		);
	}
	return {
		db: {
			engine: 'mariadb',
			name: database,
			user: 'root',
			password: '',
			host: mariadb.host,
		},
		mariadb,
	};
}

/**
 * The head of a results file: when, on what machine, WordPress and database.
 *
 * @param {string} engine 'sqlite' or 'mariadb'.
 * @return {Object} The facts.
 */
export function runFacts( engine ) {
	return {
		date: new Date().toISOString(),
		machine: {
			cpus: os.cpus().length,
			php: capture( 'php', [ '-r', 'echo PHP_VERSION;' ] ),
			node: process.version,
		},
		wordpress: WORDPRESS.version,
		database: engine,
		...( engine === 'mariadb'
			? { database_settings: { innodb: MARIADB_SETTINGS } }
			: {} ),
	};
}
