/**
 * The block's real markup: render.php run by PHP with a few WordPress stand-ins. Kept apart from
 * ./helpers so tests that mock the client (../app) can use it.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import { setImmediate } from 'timers';

export const REST = 'https://shop.example/wp-json/handoff-bot/v1/';
export const PAGE = {
	url: 'https://shop.example/help/',
	title: 'Help – Shop',
};

/** Lets pending promises and fake-fetch chains settle. */
export async function flush(): Promise< void > {
	// setImmediate runs after every queued promise job, without setTimeout's 1 ms clamp.
	for ( let i = 0; i < 3; i++ ) {
		await new Promise( ( resolve ) => setImmediate( resolve ) );
	}
}

export type RenderOptions = {
	attributes?: Record< string, unknown >;
	loggedIn?: boolean;
	settings?: Record< string, unknown > | false;
	/** Whether the site has a published contact page (default true). */
	contactPage?: boolean;
};

const renderCache = new Map< string, string >();

/**
 * The block's HTML from the real render.php, with WordPress functions and the plugin's
 * Settings class stubbed (tests/php covers render.php inside the real WordPress).
 * @param options             What to render.
 * @param options.attributes  Block attributes.
 * @param options.loggedIn    Whether a user is logged in.
 * @param options.settings    The handoff_bot_settings option.
 * @param options.contactPage Whether a contact page is published.
 */
export function renderPhp( {
	attributes = {},
	loggedIn = false,
	settings = false,
	contactPage = true,
}: RenderOptions = {} ): string {
	const cacheKey = JSON.stringify( [
		attributes,
		loggedIn,
		settings,
		contactPage,
	] );
	const cached = renderCache.get( cacheKey );
	if ( cached !== undefined ) {
		return cached;
	}
	const file = path.join( __dirname, '..', 'render.php' );
	const php = `<?php
namespace HandoffBot {
	final class Settings {
		public function get( $name ) {
			$stored = json_decode( ${ JSON.stringify( JSON.stringify( settings ) ) }, true );
			return is_array( $stored ) && isset( $stored[ $name ] ) ? $stored[ $name ] : ( 'max_message_length' === $name ? 2000 : null );
		}
		public function consent() {
			$required = (bool) $this->get( 'consent_required' );
			return array(
				'notice'     => $required || (bool) $this->get( 'consent_notice' ),
				'required'   => $required,
				'text'       => (string) $this->get( 'consent_text' ),
				'policy_url' => 'https://shop.example/privacy/',
			);
		}
		public static function default_consent_text() {
			return 'This chat keeps what you write so that we can answer you.';
		}
	}
}
namespace HandoffBot\\Blocks {
	final class Contact_Page {
		public static function url() { return ${ contactPage ? "'https://shop.example/contact/'" : "'https://shop.example/'" }; }
	}
}
namespace {
define( 'ABSPATH', '/' );
function home_url( $path = '' ) { return 'https://shop.example' . $path; }
function apply_filters( $hook, $value ) { return $value; }
function esc_url_raw( $url ) { return $url; }
function esc_url( $url ) { return htmlspecialchars( (string) $url, ENT_QUOTES ); }
function determine_locale() { return 'en_US'; }
function __( $t, $d = null ) { return $t; }
function _n( $s, $p, $n, $d = null ) { return 1 === $n ? $s : $p; }
function esc_html( $t ) { return htmlspecialchars( (string) $t, ENT_QUOTES ); }
function esc_attr( $t ) { return htmlspecialchars( (string) $t, ENT_QUOTES ); }
function esc_html_e( $t, $d = null ) { echo esc_html( $t ); }
function esc_attr_e( $t, $d = null ) { echo esc_attr( $t ); }
function wp_unique_id( $p ) { return $p . '1'; }
function rest_url( $p ) { return ${ JSON.stringify( REST.replace( 'handoff-bot/v1/', '' ) ) } . $p; }
function is_user_logged_in() { return ${ loggedIn ? 'true' : 'false' }; }
function wp_create_nonce( $a ) { return 'nonce-for-' . $a; }
function wp_json_encode( $v, $f = 0 ) { return json_encode( $v, $f ); }
function get_block_wrapper_attributes( $extra ) {
	return 'class="wp-block-handoff-bot-chat ' . esc_attr( $extra['class'] ) . '" data-display="' . esc_attr( $extra['data-display'] ) . '"';
}
$attributes = json_decode( ${ JSON.stringify( JSON.stringify( attributes ) ) }, true );
require ${ JSON.stringify( file ) };
}
`;
	const html = execFileSync( 'php', [], { input: php, encoding: 'utf8' } );
	renderCache.set( cacheKey, html );
	return html;
}
