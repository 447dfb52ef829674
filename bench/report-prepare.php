<?php
/**
 * Brings the report's precomputed figures up to date before the report benchmark measures, as
 * the scheduled job would have (command line only). Prints JSON: what it did and how long it took.
 *
 * Usage: php bench/report-prepare.php <site-dir> [rows]   (rows: empty the facts instead, so that
 *                                                        the report is computed from the rows)
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

$handoff_bot_started = microtime( true );
( new HandoffBot\Database\Migrator() )->maybe_migrate();
$handoff_bot_out = array( 'schema_version' => ( new HandoffBot\Database\Migrator() )->installed_version() );
// The job's runs, one after another until the backlog is taken in (on a live site, one run every
// fifteen minutes, twenty seconds each).
$handoff_bot_refresh = new HandoffBot\Reports\Report_Facts( new HandoffBot\Repositories\Report_Facts_Repository() );
$handoff_bot_runs    = 0;
if ( 'rows' === ( $argv[2] ?? '' ) ) {
	// No facts: the report computed from the rows alone, for comparison.
	$handoff_bot_refresh->reset();
	echo wp_json_encode( $handoff_bot_out + array( 'facts' => false ) );
	exit( 0 );
}
do {
	$handoff_bot_run = $handoff_bot_refresh->refresh( time(), 20.0 );
	++$handoff_bot_runs;
} while ( ! $handoff_bot_run['done'] );
$handoff_bot_out += array(
	'facts_runs'    => $handoff_bot_runs,
	'facts_through' => $handoff_bot_run['through'],
);
echo wp_json_encode( $handoff_bot_out + array( 'seconds' => round( microtime( true ) - $handoff_bot_started, 2 ) ) );
