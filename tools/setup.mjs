/**
 * One-time setup, safe to run again: system packages, npm and Composer
 * dependencies, WordPress core and the SQLite Database Integration.
 *
 *   node tools/setup.mjs [--for start|test]
 *
 * Everything comes from the package registries this project may reach:
 * Debian's archive (system packages and WordPress itself), npm and Packagist.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	CACHE,
	ROOT,
	capture,
	fail,
	have,
	parseArgs,
	run,
	step,
} from './lib.mjs';

/**
 * WordPress comes from Debian's archive: Packagist here holds no WordPress
 * core, and npm's Playground builds stop at 6.5. Debian "sid" carries the
 * current release; its package splits a few bundled libraries into separate
 * packages, which we fetch too and fold back into one self-contained tree.
 */
export const WORDPRESS = {
	version: '7.1.4',
	debVersion: '7.1.4+dfsg1-1',
	suite: 'sid',
	sha256: '0c256155f971a8ad8ffa520e2b71ec1aadd8a3777568ebd5f0e930e4d61f91a9',
	companions: [
		'wordpress-theme-twentytwentyfive',
		'libjs-cropper',
		'libjs-jquery-ui',
		'libjs-lodash',
		'libjs-underscore',
		'libphp-phpmailer',
		'php-getid3',
	],
};

/** The SQLite Database Integration plugin ships inside @wp-playground/cli. */
export const SQLITE = {
	npmPackage: '@wp-playground/cli',
	npmVersion: '3.1.56',
	version: '3.0.2',
};

export const WP_DIR = path.join( CACHE, `wordpress-${ WORDPRESS.version }` );
export const SQLITE_DIR = path.join(
	CACHE,
	`sqlite-database-integration-${ SQLITE.version }`
);

function phpVersion() {
	return capture( 'php', [
		'-r',
		'echo PHP_MAJOR_VERSION . "." . PHP_MINOR_VERSION;',
	] );
}

/**
 * Lists the Debian packages still missing for the given purpose.
 * @param purpose
 */
function missingSystemPackages( purpose ) {
	const missing = [];
	if ( ! have( 'php' ) ) {
		missing.push( 'php-cli' );
	}
	const v = phpVersion() || '8.2';
	const modules = capture( 'php', [ '-m' ] ).toLowerCase().split( /\s+/ );
	const ext = {
		pdo_sqlite: 'sqlite3',
		mysqli: 'mysql',
		curl: 'curl',
		mbstring: 'mbstring',
		xml: 'xml',
		intl: 'intl',
		// WordPress's personal-data export writes a zip (Tools → Export Personal Data).
		zip: 'zip',
	};
	for ( const [ mod, pkg ] of Object.entries( ext ) ) {
		if ( ! modules.includes( mod ) ) {
			missing.push( `php${ v }-${ pkg }` );
		}
	}
	if ( ! have( 'composer' ) ) {
		missing.push( 'composer' );
	}
	if ( ! have( 'unzip' ) ) {
		missing.push( 'unzip' );
	}
	if ( ! have( 'dpkg-deb' ) || ! have( 'apt-get' ) ) {
		fail(
			'This project expects a Debian-based machine (apt-get and dpkg-deb were not found).'
		);
	}
	if ( purpose === 'test' ) {
		if ( ! have( '/usr/bin/chromium' ) ) {
			missing.push( 'chromium', 'fonts-liberation' );
		}
		if ( ! have( 'mariadbd' ) && ! have( '/usr/sbin/mariadbd' ) ) {
			missing.push( 'mariadb-server' );
		}
		if ( ! have( 'phpunit' ) ) {
			missing.push( 'phpunit' );
		}
	}
	return missing;
}

function ensureSystemPackages( purpose ) {
	const missing = missingSystemPackages( purpose );
	if ( ! missing.length ) {
		return;
	}
	const cmd = `apt-get update && apt-get install -y --no-install-recommends ${ missing.join( ' ' ) }`;
	if ( typeof process.getuid === 'function' && process.getuid() !== 0 ) {
		fail(
			`Missing system packages: ${ missing.join( ', ' ) }.\nInstall them, then run this again:\n\n  sudo sh -c '${ cmd }'\n`
		);
	}
	step( `Installing system packages: ${ missing.join( ' ' ) }` );
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	run( 'apt-get', [ 'update', '-q' ], { env } );
	run(
		'apt-get',
		[ 'install', '-y', '-q', '--no-install-recommends', ...missing ],
		{ env }
	);
}

function ensureNodeModules() {
	const marker = path.join( ROOT, 'node_modules', '.package-lock.json' );
	const lock = path.join( ROOT, 'package-lock.json' );
	if (
		fs.existsSync( marker ) &&
		fs.statSync( marker ).mtimeMs >= fs.statSync( lock ).mtimeMs
	) {
		return;
	}
	step( 'Installing npm dependencies' );
	run( 'npm', [ 'ci', '--no-audit', '--no-fund', '--loglevel=error' ] );
}

export function ensureComposer() {
	const marker = path.join( ROOT, 'vendor', 'autoload.php' );
	if (
		fs.existsSync( marker ) &&
		fs.statSync( marker ).mtimeMs >=
			fs.statSync( path.join( ROOT, 'composer.json' ) ).mtimeMs
	) {
		return;
	}
	step( 'Installing Composer development tools' );
	const status = run(
		'composer',
		[ 'install', '--no-interaction', '--no-progress', '--quiet' ],
		{
			allowFailure: true,
			env: { ...process.env, COMPOSER_NO_INTERACTION: '1' },
		}
	);
	if ( status !== 0 ) {
		throw new Error(
			'Composer could not install the development tools (PHP_CodeSniffer, PHPStan, WP-CLI); see its output above.'
		);
	}
	const now = new Date();
	fs.utimesSync( marker, now, now );
}

/**
 * Options that point apt at a private state folder, so the machine's own sources stay untouched.
 * @param base
 */
function aptOptions( base ) {
	return [
		'-o',
		`Dir::Etc::SourceList=/dev/null`,
		'-o',
		`Dir::Etc::SourceParts=${ base }/sources`,
		'-o',
		`Dir::State::Lists=${ base }/lists`,
		'-o',
		`Dir::Cache=${ base }/cache`,
		'-o',
		'Dir::State::status=/dev/null',
		'-o',
		'APT::Sandbox::User=root',
		'-o',
		'Debug::NoLocking=1',
	];
}

/** The Debian mirror this machine already uses (read from its apt sources). */
function debianMirror() {
	const files = [
		'/etc/apt/sources.list.d/debian.sources',
		'/etc/apt/sources.list',
	];
	for ( const f of files ) {
		if ( ! fs.existsSync( f ) ) {
			continue;
		}
		const text = fs.readFileSync( f, 'utf8' );
		const deb822 = text.match( /^URIs:\s*(\S+\/debian)\s*$/m );
		if ( deb822 ) {
			return deb822[ 1 ];
		}
		const oneLine = text.match(
			/^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\s+/m
		);
		if ( oneLine ) {
			return oneLine[ 1 ];
		}
	}
	fail( 'Could not find the Debian mirror in /etc/apt/sources.list(.d).' );
	return '';
}

function sha256( file ) {
	return crypto
		.createHash( 'sha256' )
		.update( fs.readFileSync( file ) )
		.digest( 'hex' );
}

/**
 * Replaces every symlink under dir by a copy of its target (resolved inside `root`).
 * @param dir
 * @param root
 */
function materialiseLinks( dir, root ) {
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const p = path.join( dir, entry.name );
		if ( entry.isSymbolicLink() ) {
			let target = fs.readlinkSync( p );
			target = target.startsWith( '/' )
				? path.join( root, target )
				: path.resolve( path.dirname( p ), target );
			let real = target;
			try {
				real = fs.realpathSync( target );
			} catch {
				real = '';
			}
			if (
				! real &&
				entry.name === 'ca-bundle.crt' &&
				fs.existsSync( '/etc/ssl/certs/ca-certificates.crt' )
			) {
				real = '/etc/ssl/certs/ca-certificates.crt';
			}
			fs.rmSync( p, { force: true } );
			if ( real ) {
				fs.cpSync( real, p, { recursive: true, dereference: true } );
			}
		} else if ( entry.isDirectory() ) {
			materialiseLinks( p, root );
		}
	}
}

export function ensureWordPress() {
	if ( fs.existsSync( path.join( WP_DIR, 'wp-includes', 'version.php' ) ) ) {
		return WP_DIR;
	}
	step(
		`Fetching WordPress ${ WORDPRESS.version } (Debian package ${ WORDPRESS.debVersion })`
	);
	const base = path.join( CACHE, 'apt' );
	for ( const d of [
		'sources',
		'lists/partial',
		'cache/archives/partial',
		'debs',
	] ) {
		fs.mkdirSync( path.join( base, d ), { recursive: true } );
	}
	fs.writeFileSync(
		path.join( base, 'sources', 'wordpress.sources' ),
		`Types: deb\nURIs: ${ debianMirror() }\nSuites: ${ WORDPRESS.suite }\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`
	);
	const opts = aptOptions( base );
	run( 'apt-get', [ ...opts, 'update', '-q' ], { quiet: true } );
	const debs = path.join( base, 'debs' );
	let wanted = `wordpress=${ WORDPRESS.debVersion }`;
	const available = capture( 'apt-cache', [
		...opts,
		'madison',
		'wordpress',
	] );
	if ( ! available.includes( WORDPRESS.debVersion ) ) {
		// The archive keeps only the newest build; take it rather than fail, and say so.
		process.stdout.write(
			`  ${ WORDPRESS.debVersion } is no longer in the archive; using the newest available instead:\n${ available }\n`
		);
		wanted = 'wordpress';
	}
	run(
		'apt-get',
		[ ...opts, 'download', '-q', wanted, ...WORDPRESS.companions ],
		{ cwd: debs, quiet: true }
	);
	const wpDeb = fs
		.readdirSync( debs )
		.find( ( f ) => /^wordpress_.*\.deb$/.test( f ) );
	if (
		wanted !== 'wordpress' &&
		sha256( path.join( debs, wpDeb ) ) !== WORDPRESS.sha256
	) {
		fail( `Checksum mismatch for ${ wpDeb }` );
	}
	const stage = path.join( base, 'root' );
	fs.rmSync( stage, { recursive: true, force: true } );
	fs.mkdirSync( stage, { recursive: true } );
	for ( const f of fs
		.readdirSync( debs )
		.filter( ( n ) => n.endsWith( '.deb' ) ) ) {
		run( 'dpkg-deb', [ '-x', path.join( debs, f ), stage ] );
	}
	const core = path.join( stage, 'usr', 'share', 'wordpress' );
	materialiseLinks( core, stage );
	// Debian's wp-config.php reads /etc/wordpress; each site writes its own.
	fs.rmSync( path.join( core, 'wp-config.php' ), { force: true } );
	fs.rmSync( path.join( core, '.htaccess' ), { force: true } );
	const tmp = `${ WP_DIR }.tmp`;
	fs.rmSync( tmp, { recursive: true, force: true } );
	fs.cpSync( core, tmp, { recursive: true } );
	fs.renameSync( tmp, WP_DIR );
	fs.rmSync( stage, { recursive: true, force: true } );
	const version = fs
		.readFileSync(
			path.join( WP_DIR, 'wp-includes', 'version.php' ),
			'utf8'
		)
		.match( /\$wp_version = '([^']+)'/ );
	process.stdout.write(
		`  WordPress ${ version ? version[ 1 ] : '?' } ready in ${ path.relative( ROOT, WP_DIR ) }\n`
	);
	return WP_DIR;
}

export function ensureSqlite() {
	if ( fs.existsSync( path.join( SQLITE_DIR, 'load.php' ) ) ) {
		return SQLITE_DIR;
	}
	step(
		`Fetching SQLite Database Integration ${ SQLITE.version } (from ${ SQLITE.npmPackage }@${ SQLITE.npmVersion })`
	);
	const work = path.join( CACHE, 'sqlite-pack' );
	fs.rmSync( work, { recursive: true, force: true } );
	fs.mkdirSync( work, { recursive: true } );
	run(
		'npm',
		[
			'pack',
			`${ SQLITE.npmPackage }@${ SQLITE.npmVersion }`,
			'--silent',
			'--pack-destination',
			work,
		],
		{ quiet: true }
	);
	const tgz = fs.readdirSync( work ).find( ( f ) => f.endsWith( '.tgz' ) );
	run( 'tar', [
		'xzf',
		path.join( work, tgz ),
		'-C',
		work,
		'package/sqlite-database-integration.zip',
	] );
	run( 'unzip', [
		'-q',
		'-o',
		path.join( work, 'package', 'sqlite-database-integration.zip' ),
		'-d',
		work,
	] );
	const extracted = fs
		.readdirSync( work )
		.find( ( f ) => fs.existsSync( path.join( work, f, 'load.php' ) ) );
	const loadPhp = fs.readFileSync(
		path.join( work, extracted, 'load.php' ),
		'utf8'
	);
	if ( ! loadPhp.includes( `Version: ${ SQLITE.version }` ) ) {
		fail(
			`Expected SQLite Database Integration ${ SQLITE.version } inside ${ SQLITE.npmPackage }@${ SQLITE.npmVersion }`
		);
	}
	fs.renameSync( path.join( work, extracted ), SQLITE_DIR );
	fs.rmSync( work, { recursive: true, force: true } );
	return SQLITE_DIR;
}

export function setup( purpose = 'start' ) {
	fs.mkdirSync( CACHE, { recursive: true } );
	ensureSystemPackages( purpose );
	ensureNodeModules();
	ensureComposer();
	ensureWordPress();
	ensureSqlite();
}

if (
	process.argv[ 1 ] &&
	import.meta.url === pathToFileURL( process.argv[ 1 ] ).href
) {
	const args = parseArgs();
	try {
		setup( args.for || 'start' );
	} catch ( e ) {
		fail( e.message );
	}
}
