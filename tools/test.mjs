/**
 * `npm test`: sets everything up on a fresh machine, then runs every check and fails on any failure:
 * lint, Jest, PHPUnit on SQLite, PHPUnit on MariaDB, and Playwright in Debian's Chromium.
 *
 *   npm test                    everything
 *   npm test -- --only php      one part: lint, unit, php, e2e
 */
import { fail, parseArgs, run, secondsSince, step } from './lib.mjs';
import { ensureBuild } from './build.mjs';
import { setup } from './setup.mjs';
import { runPhpUnit } from './test-php.mjs';
import { runPlaywright } from './test-e2e.mjs';

const t0 = Date.now();
const args = parseArgs();

try {
	setup( 'test' );
	ensureBuild( { force: !! process.env.CI } );
} catch ( e ) {
	fail( e.message );
}

const suites = [
	[
		'lint',
		'Lint',
		() => run( 'node', [ 'tools/lint.mjs' ], { allowFailure: true } ),
	],
	[
		'lint',
		'Translations template is current',
		() =>
			run( 'node', [ 'tools/make-pot.mjs', '--check' ], {
				allowFailure: true,
			} ),
	],
	[
		'unit',
		'Jest',
		() =>
			run( 'npx', [ 'wp-scripts', 'test-unit-js', '--ci' ], {
				allowFailure: true,
			} ),
	],
	[ 'php', 'PHPUnit on SQLite', () => runPhpUnit( 'sqlite' ) ],
	[ 'php', 'PHPUnit on MariaDB', () => runPhpUnit( 'mariadb' ) ],
	[ 'e2e', 'Playwright in Chromium', () => runPlaywright() ],
];

const results = [];
for ( const [ group, name, fn ] of suites ) {
	if ( args.only && args.only !== group ) {
		continue;
	}
	const started = Date.now();
	step( name );
	let status;
	try {
		status = await fn();
	} catch ( e ) {
		process.stderr.write( `${ e.message }\n` );
		status = 1;
	}
	results.push( {
		name,
		ok: status === 0,
		seconds: secondsSince( started ),
	} );
}

process.stdout.write( '\nSummary\n' );
for ( const r of results ) {
	process.stdout.write(
		`  ${ r.ok ? 'ok  ' : 'FAIL' }  ${ r.name } (${ r.seconds } s)\n`
	);
}
const failed = results.filter( ( r ) => ! r.ok ).length;
process.stdout.write(
	`  total ${ secondsSince( t0 ) } s\n\nsuites: ${ results.length - failed } passed, ${ failed } failed\n`
);
process.exit( failed ? 1 : 0 );
