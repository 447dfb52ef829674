<?php
/**
 * Loaded by WP-CLI (wp-cli.yml) for development: drops the deprecation notices PHP 8 raises in
 * WP-CLI and the libraries it bundles under vendor/ (Mustache's trim( null ) when it renders help,
 * strftime() and dynamic properties in the command packages), which nobody here can fix. Notices
 * from WordPress and from the plugin still show.
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$handoff_bot_vendor = dirname( __DIR__, 2 ) . DIRECTORY_SEPARATOR . 'vendor' . DIRECTORY_SEPARATOR;

set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- development tool.
	static function ( int $errno, string $errstr, string $errfile = '' ) use ( $handoff_bot_vendor ): bool {
		// True: handled (dropped). False: PHP's own handler reports it as usual.
		return 0 === strpos( $errfile, $handoff_bot_vendor );
	},
	E_DEPRECATED | E_USER_DEPRECATED
);
