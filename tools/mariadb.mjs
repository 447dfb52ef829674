/**
 * Starts a private MariaDB server for the tests: its own data directory and socket, no TCP port,
 * stopped when the tests end. Uses Debian's mariadb-server binaries.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SITES, background, capture, have, run } from './lib.mjs';

function bin( name ) {
	for ( const candidate of [
		name,
		`/usr/sbin/${ name }`,
		`/usr/bin/${ name }`,
	] ) {
		if ( have( candidate ) ) {
			return candidate;
		}
	}
	throw new Error(
		`${ name } was not found; install Debian's mariadb-server package.`
	);
}

/**
 * @param {Object} [options]
 * @param {string} [options.bufferPool]       InnoDB buffer pool size (small for the tests).
 * @param {number} [options.flushLogAtCommit] innodb_flush_log_at_trx_commit (2 for the tests: no sync per commit).
 * @param {string} [options.name]             The server's folder under .wp/ (one server per folder).
 * @return {Promise<{socket: string, host: string, query: (sql: string) => void, stop: () => Promise<void>}>} The server.
 */
export async function startMariaDb( {
	bufferPool = '64M',
	flushLogAtCommit = 2,
	name = 'mariadb',
} = {} ) {
	const base = path.join( SITES, name );
	const datadir = path.join( base, 'data' );
	// Unix socket paths are limited to ~100 bytes, so the socket lives in the temp dir.
	const socket = path.join(
		os.tmpdir(),
		`handoff-bot-mariadb-${ crypto.createHash( 'sha1' ).update( base ).digest( 'hex' ).slice( 0, 10 ) }.sock`
	);
	const isRoot =
		typeof process.getuid === 'function' && process.getuid() === 0;
	const user = isRoot ? [ '--user=root' ] : [];
	fs.mkdirSync( base, { recursive: true } );
	if ( ! fs.existsSync( path.join( datadir, 'mysql' ) ) ) {
		fs.rmSync( datadir, { recursive: true, force: true } );
		run(
			bin( 'mariadb-install-db' ),
			[
				'--no-defaults',
				`--datadir=${ datadir }`,
				'--auth-root-authentication-method=normal',
				'--skip-test-db',
				...user,
			],
			{ quiet: true }
		);
	}
	const log = path.join( base, 'error.log' );
	const child = background( bin( 'mariadbd' ), [
		'--no-defaults',
		`--datadir=${ datadir }`,
		`--socket=${ socket }`,
		`--pid-file=${ path.join( base, 'mariadb.pid' ) }`,
		`--log-error=${ log }`,
		'--skip-networking',
		`--innodb-buffer-pool-size=${ bufferPool }`,
		`--innodb-flush-log-at-trx-commit=${ flushLogAtCommit }`,
		'--character-set-server=utf8mb4',
		'--collation-server=utf8mb4_unicode_ci',
		...user,
	] );
	child.stdout.resume();
	child.stderr.resume();
	const admin = bin( 'mariadb-admin' );
	const until = Date.now() + 60000;
	while (
		capture( admin, [
			'--no-defaults',
			`--socket=${ socket }`,
			'-uroot',
			'ping',
		] ) !== 'mysqld is alive'
	) {
		if ( Date.now() > until || child.exitCode !== null ) {
			child.kill( 'SIGKILL' );
			throw new Error( `MariaDB did not start; see ${ log }` );
		}
		await new Promise( ( r ) => setTimeout( r, 200 ) );
	}
	const client = bin( 'mariadb' );
	return {
		socket,
		host: `localhost:${ socket }`,
		query: ( sql ) =>
			run(
				client,
				[
					'--no-defaults',
					`--socket=${ socket }`,
					'-uroot',
					'-e',
					sql,
				],
				{ quiet: true }
			),
		version: capture( client, [
			'--no-defaults',
			`--socket=${ socket }`,
			'-uroot',
			'-N',
			'-e',
			'SELECT VERSION()',
		] ),
		stop: () =>
			new Promise( ( resolve ) => {
				if ( child.exitCode !== null ) {
					resolve();
					return;
				}
				child.once( 'exit', () => resolve() );
				child.kill( 'SIGTERM' );
				setTimeout( () => child.kill( 'SIGKILL' ), 20000 ).unref();
			} ),
	};
}
