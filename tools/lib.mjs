/**
 * Shared helpers for the development tools. Node built-ins only, so these run
 * before `npm install` has happened.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);
export const CACHE = path.join( ROOT, '.cache' );
export const SITES = path.join( ROOT, '.wp' );

/**
 * Prints a step heading.
 * @param message
 */
export function step( message ) {
	process.stdout.write( `\n▶ ${ message }\n` );
}

/**
 * Prints an error and exits non-zero.
 * @param message
 * @param code
 */
export function fail( message, code = 1 ) {
	process.stderr.write( `\n✖ ${ message }\n` );
	process.exit( code );
}

/**
 * Runs a command, streaming its output. Throws on a non-zero exit unless
 * `allowFailure` is set, in which case the exit status is returned.
 * @param cmd
 * @param args
 * @param opts
 */
export function run( cmd, args = [], opts = {} ) {
	const { allowFailure = false, quiet = false, ...rest } = opts;
	const res = spawnSync( cmd, args, {
		cwd: ROOT,
		stdio: quiet ? [ 'ignore', 'pipe', 'pipe' ] : 'inherit',
		encoding: 'utf8',
		...rest,
	} );
	if ( res.error ) {
		if ( allowFailure ) {
			return 127;
		}
		throw res.error;
	}
	if ( res.status !== 0 && ! allowFailure ) {
		const out = quiet ? `\n${ res.stdout || '' }${ res.stderr || '' }` : '';
		throw new Error(
			`${ cmd } ${ args.join( ' ' ) } exited with ${ res.status }${ out }`
		);
	}
	return res.status;
}

/**
 * Runs a command and returns its trimmed stdout ('' on failure).
 * @param cmd
 * @param args
 * @param opts
 */
export function capture( cmd, args = [], opts = {} ) {
	const res = spawnSync( cmd, args, {
		cwd: ROOT,
		encoding: 'utf8',
		...opts,
	} );
	return res.status === 0 ? String( res.stdout ).trim() : '';
}

/**
 * Whether a program is on the PATH (or at an absolute path).
 * @param program
 */
export function have( program ) {
	if ( program.startsWith( '/' ) ) {
		return fs.existsSync( program );
	}
	return (
		spawnSync( 'sh', [ '-c', `command -v ${ program }` ], {
			stdio: 'ignore',
		} ).status === 0
	);
}

/**
 * Resolves when something accepts TCP connections on host:port, or rejects after timeoutMs.
 * @param port
 * @param host
 * @param timeoutMs
 */
export async function waitForPort(
	port,
	host = '127.0.0.1',
	timeoutMs = 30000
) {
	const until = Date.now() + timeoutMs;
	while ( Date.now() < until ) {
		const ok = await new Promise( ( resolve ) => {
			const sock = net.connect( port, host );
			sock.once( 'connect', () => {
				sock.destroy();
				resolve( true );
			} );
			sock.once( 'error', () => resolve( false ) );
		} );
		if ( ok ) {
			return;
		}
		await new Promise( ( r ) => setTimeout( r, 150 ) );
	}
	throw new Error(
		`Nothing answered on ${ host }:${ port } within ${ timeoutMs } ms`
	);
}

/**
 * Whether a TCP port can be bound on 127.0.0.1.
 * @param port
 */
export function portIsFree( port ) {
	return new Promise( ( resolve ) => {
		const srv = net.createServer();
		srv.once( 'error', () => resolve( false ) );
		srv.listen( port, '127.0.0.1', () =>
			srv.close( () => resolve( true ) )
		);
	} );
}

/**
 * Reads `--name value` / `--name=value` / `--flag` from argv.
 * @param argv
 */
export function parseArgs( argv = process.argv.slice( 2 ) ) {
	const out = { _: [] };
	for ( let i = 0; i < argv.length; i++ ) {
		const a = argv[ i ];
		if ( ! a.startsWith( '--' ) ) {
			out._.push( a );
			continue;
		}
		const eq = a.indexOf( '=' );
		if ( eq > -1 ) {
			out[ a.slice( 2, eq ) ] = a.slice( eq + 1 );
		} else if (
			argv[ i + 1 ] !== undefined &&
			! argv[ i + 1 ].startsWith( '--' )
		) {
			out[ a.slice( 2 ) ] = argv[ ++i ];
		} else {
			out[ a.slice( 2 ) ] = true;
		}
	}
	return out;
}

/**
 * Spawns a long-running child; returns it.
 * @param cmd
 * @param args
 * @param opts
 */
export function background( cmd, args, opts = {} ) {
	return spawn( cmd, args, {
		cwd: ROOT,
		stdio: [ 'ignore', 'pipe', 'pipe' ],
		...opts,
	} );
}

/**
 * Milliseconds since `t0`, as seconds with one decimal.
 * @param t0
 */
export function secondsSince( t0 ) {
	return ( ( Date.now() - t0 ) / 1000 ).toFixed( 1 );
}
