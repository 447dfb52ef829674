<?php
/**
 * Constants that WordPress and the plugin define at run time, for PHPStan.
 *
 * @package HandoffBot
 */

define( 'ABSPATH', '/' );
define( 'WPINC', 'wp-includes' );
define( 'HANDOFF_BOT_VERSION', '0.0.0' );
define( 'HANDOFF_BOT_FILE', __DIR__ . '/handoff-bot.php' );
define( 'HANDOFF_BOT_DIR', __DIR__ . '/' );
define( 'HANDOFF_BOT_MIN_PHP', '7.4' );
define( 'HANDOFF_BOT_MIN_WP', '6.8' );
define( 'WP_CLI', false );
define( 'SAVEQUERIES', false );

// WordPress's own constants (wp-includes/default-constants.php, wp-includes/wp-db.php).
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DAY_IN_SECONDS', 86400 );
define( 'WEEK_IN_SECONDS', 604800 );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
define( 'OBJECT', 'OBJECT' );
define( 'OBJECT_K', 'OBJECT_K' );
define( 'WP_CONTENT_DIR', '/wp-content' );
define( 'WP_PLUGIN_DIR', '/wp-content/plugins' );
define( 'WP_DEBUG', false );
