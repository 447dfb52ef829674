/**
 * `npm run lint`: ESLint, Stylelint, `tsc --noEmit`, `php -l` on every PHP file, PHP_CodeSniffer
 * (WordPress, WordPress-Extra, WordPress-Docs and PHPCompatibilityWP) and PHPStan at level 8
 * (phpstan.neon.dist). Composer installs the PHP tools first when they are missing or stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, run, step } from './lib.mjs';
import { ensureComposer } from './setup.mjs';

const SKIP = new Set( [
	'node_modules',
	'vendor',
	'build',
	'.wp',
	'.cache',
	'.git',
	'test-results',
	'playwright-report',
] );

function phpFiles( dir, out = [] ) {
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		if ( SKIP.has( entry.name ) ) {
			continue;
		}
		const p = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			phpFiles( p, out );
		} else if ( entry.name.endsWith( '.php' ) ) {
			out.push( p );
		}
	}
	return out;
}

const checks = [
	[
		'ESLint',
		() => {
			const targets = [
				'blocks',
				'src',
				'tools',
				'tests/e2e',
				'bench',
				'webpack.config.js',
				'playwright.config.ts',
				'jest.config.js',
			];
			run( 'npx', [
				'wp-scripts',
				'lint-js',
				'--no-error-on-unmatched-pattern',
				...targets.filter( ( t ) =>
					fs.existsSync( path.join( ROOT, t ) )
				),
			] );
		},
	],
	[
		'Stylelint',
		() =>
			run( 'npx', [
				'wp-scripts',
				'lint-style',
				'blocks/**/*.scss',
				'src/**/*.scss',
				'--allow-empty-input',
			] ),
	],
	[ 'TypeScript (tsc --noEmit)', () => run( 'npx', [ 'tsc', '--noEmit' ] ) ],
	[
		'php -l',
		() => {
			const files = phpFiles( ROOT );
			for ( const file of files ) {
				run( 'php', [ '-l', '-d', 'display_errors=1', file ], {
					quiet: true,
				} );
			}
			process.stdout.write( `  ${ files.length } PHP files parse.\n` );
		},
	],
	[
		'PHP_CodeSniffer',
		() => {
			ensureComposer();
			run( path.join( ROOT, 'vendor', 'bin', 'phpcs' ), [
				'-q',
				'--no-colors',
			] );
			process.stdout.write(
				'  WordPress, WordPress-Extra, WordPress-Docs and PHPCompatibilityWP (7.4+): clean.\n'
			);
		},
	],
	[
		'PHPStan (level 8)',
		() => {
			ensureComposer();
			run( path.join( ROOT, 'vendor', 'bin', 'phpstan' ), [
				'analyse',
				'--no-progress',
				'--memory-limit=1G',
				'--error-format=raw',
			] );
			process.stdout.write(
				'  handoff-bot.php, uninstall.php, includes/, blocks/, tools/wp/, tools/i18n/ and bench/: no errors.\n'
			);
		},
	],
];

let failed = 0;
for ( const [ name, check ] of checks ) {
	step( name );
	try {
		check();
	} catch ( e ) {
		failed++;
		process.stderr.write(
			`  ${ name } failed: ${ e.message.split( '\n' ).slice( 0, 20 ).join( '\n' ) }\n`
		);
	}
}
process.stdout.write(
	`\nlint: ${ checks.length - failed } passed, ${ failed } failed\n`
);
process.exit( failed ? 1 : 0 );
