<?php
/**
 * Prints, as JSON, the translatable strings of the text domain found in the given PHP files.
 *
 * Usage: php extract-php.php <domain> <file>...
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$handoff_bot_domain = $argv[1];
$handoff_bot_files  = array_slice( $argv, 2 );

// Function => positions of [singular, plural, context] arguments and the domain argument (0-based).
$handoff_bot_functions = array(
	'__'         => array( 0, null, null, 1 ),
	'_e'         => array( 0, null, null, 1 ),
	'esc_html__' => array( 0, null, null, 1 ),
	'esc_html_e' => array( 0, null, null, 1 ),
	'esc_attr__' => array( 0, null, null, 1 ),
	'esc_attr_e' => array( 0, null, null, 1 ),
	'_x'         => array( 0, null, 1, 2 ),
	'_ex'        => array( 0, null, 1, 2 ),
	'esc_html_x' => array( 0, null, 1, 2 ),
	'esc_attr_x' => array( 0, null, 1, 2 ),
	'_n'         => array( 0, 1, null, 3 ),
	'_nx'        => array( 0, 1, 3, 4 ),
	'_n_noop'    => array( 0, 1, null, 2 ),
	'_nx_noop'   => array( 0, 1, 2, 3 ),
);

$handoff_bot_out = array();
foreach ( $handoff_bot_files as $handoff_bot_file ) {
	$handoff_bot_tokens  = token_get_all( (string) file_get_contents( $handoff_bot_file ) );
	$handoff_bot_count   = count( $handoff_bot_tokens );
	$handoff_bot_comment = null;
	for ( $i = 0; $i < $handoff_bot_count; $i++ ) {
		$handoff_bot_token = $handoff_bot_tokens[ $i ];
		if ( is_array( $handoff_bot_token ) && T_COMMENT === $handoff_bot_token[0] && false !== stripos( $handoff_bot_token[1], 'translators:' ) ) {
			$handoff_bot_comment = trim( (string) preg_replace( '~^/\*+|\*+/$|^//~', '', $handoff_bot_token[1] ) );
			continue;
		}
		if ( ! is_array( $handoff_bot_token ) || T_STRING !== $handoff_bot_token[0] || ! isset( $handoff_bot_functions[ $handoff_bot_token[1] ] ) ) {
			continue;
		}
		// Skip method calls and definitions.
		$handoff_bot_prev = $i - 1;
		while ( $handoff_bot_prev >= 0 && is_array( $handoff_bot_tokens[ $handoff_bot_prev ] ) && T_WHITESPACE === $handoff_bot_tokens[ $handoff_bot_prev ][0] ) {
			--$handoff_bot_prev;
		}
		if ( $handoff_bot_prev >= 0 && is_array( $handoff_bot_tokens[ $handoff_bot_prev ] ) && in_array( $handoff_bot_tokens[ $handoff_bot_prev ][0], array( T_OBJECT_OPERATOR, T_DOUBLE_COLON, T_FUNCTION ), true ) ) {
			continue;
		}
		// Collect the top-level arguments; each is a literal string or null.
		$handoff_bot_args  = array();
		$handoff_bot_depth = 0;
		$handoff_bot_cur   = null;
		$handoff_bot_lit   = true;
		$handoff_bot_line  = $handoff_bot_token[2];
		for ( $j = $i + 1; $j < $handoff_bot_count; $j++ ) {
			$t = $handoff_bot_tokens[ $j ];
			if ( '(' === $t ) {
				if ( $handoff_bot_depth++ > 0 ) {
					$handoff_bot_lit = false;
				}
				continue;
			}
			if ( ')' === $t ) {
				if ( --$handoff_bot_depth === 0 ) {
					$handoff_bot_args[] = $handoff_bot_lit ? $handoff_bot_cur : null;
					break;
				}
				continue;
			}
			if ( ',' === $t && 1 === $handoff_bot_depth ) {
				$handoff_bot_args[] = $handoff_bot_lit ? $handoff_bot_cur : null;
				$handoff_bot_cur    = null;
				$handoff_bot_lit    = true;
				continue;
			}
			if ( is_array( $t ) && T_WHITESPACE === $t[0] ) {
				continue;
			}
			if ( is_array( $t ) && T_CONSTANT_ENCAPSED_STRING === $t[0] && null === $handoff_bot_cur ) {
				$handoff_bot_cur = eval( 'return ' . $t[1] . ';' ); // phpcs:ignore Squiz.PHP.Eval.Discouraged -- decodes a PHP string literal token.
				continue;
			}
			$handoff_bot_lit = false;
		}
		list( $s, $p, $c, $d ) = $handoff_bot_functions[ $handoff_bot_token[1] ];
		if ( ! isset( $handoff_bot_args[ $d ] ) || $handoff_bot_domain !== $handoff_bot_args[ $d ] || ! isset( $handoff_bot_args[ $s ] ) ) {
			$handoff_bot_comment = null;
			continue;
		}
		$handoff_bot_out[]   = array(
			'msgid'        => $handoff_bot_args[ $s ],
			'msgid_plural' => null === $p ? null : ( $handoff_bot_args[ $p ] ?? null ),
			'msgctxt'      => null === $c ? null : ( $handoff_bot_args[ $c ] ?? null ),
			'comment'      => $handoff_bot_comment,
			'ref'          => $handoff_bot_file . ':' . $handoff_bot_line,
		);
		$handoff_bot_comment = null;
	}
}
echo handoff_bot_json( $handoff_bot_out );

/**
 * JSON-encodes without WordPress loaded.
 *
 * @param mixed $data Data.
 * @return string
 */
function handoff_bot_json( $data ) {
	return (string) json_encode( $data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- runs without WordPress.
}
