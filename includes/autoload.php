<?php
/**
 * PSR-4 autoloader for the HandoffBot namespace: HandoffBot\Foo\Bar_Baz lives in includes/Foo/Bar_Baz.php.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = 'HandoffBot\\';
		if ( 0 !== strpos( $class_name, $prefix ) ) {
			return;
		}
		$file = __DIR__ . '/' . str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) ) . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
);
