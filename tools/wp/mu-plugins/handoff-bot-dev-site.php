<?php
/**
 * Plugin Name: Handoff Bot development site
 * Description: For the local sites of `npm start` and the end-to-end tests only (tools/site.mjs links it into wp-content/mu-plugins): this machine has no internet, so WordPress.org's update, translation and "browse happy" checks are answered at once with "service unavailable" instead of failing, which left three PHP warnings in debug.log on every fresh site. Never part of the plugin.
 *
 * @package HandoffBot
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'pre_http_request',
	/**
	 * Answers requests to WordPress.org without the network.
	 *
	 * @param false|array<string, mixed>|WP_Error $response A response already decided, or false.
	 * @param array<string, mixed>                $args     Request arguments.
	 * @param string                              $url      Request URL.
	 * @return false|array<string, mixed>|WP_Error
	 */
	static function ( $response, $args, $url ) {
		$host = (string) wp_parse_url( (string) $url, PHP_URL_HOST );
		if ( false !== $response || '.wordpress.org' !== substr( '.' . $host, -14 ) ) {
			return $response;
		}
		// A plain HTTP failure (not a WP_Error): the update checks give up quietly and try again later.
		return array(
			'headers'  => array(),
			'body'     => '',
			'response' => array(
				'code'    => 503,
				'message' => 'Service Unavailable (offline development site)',
			),
			'cookies'  => array(),
			'filename' => null,
		);
	},
	10,
	3
);
