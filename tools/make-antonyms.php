<?php
/**
 * Writes includes/Knowledge/Antonyms.php: the direct antonyms of WordNet 3.0 ("buy" and "sell",
 * "accelerate" and "decelerate"), single plain words that its tagged corpus uses, as pairs of index terms (stems), so that
 * the answerer can see a sentence that says the opposite of what a question asks.
 *
 * Needs Debian's wordnet-base package (its data files in /usr/share/wordnet), command line only:
 *
 *   php tools/make-antonyms.php [/usr/share/wordnet]
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
define( 'ABSPATH', __DIR__ . '/' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- the plugin's classes check it.
require dirname( __DIR__ ) . '/includes/Knowledge/Porter_Stemmer.php';
require dirname( __DIR__ ) . '/includes/Knowledge/Tokenizer.php';

$handoff_bot_dir   = $argv[1] ?? '/usr/share/wordnet';
$handoff_bot_words = array();
$handoff_bot_links = array();
foreach ( array( 'adj', 'adv', 'noun', 'verb' ) as $handoff_bot_pos ) {
	$handoff_bot_file = $handoff_bot_dir . '/data.' . $handoff_bot_pos;
	if ( ! is_readable( $handoff_bot_file ) ) {
		fwrite( STDERR, "Cannot read $handoff_bot_file (apt-get install wordnet-base).\n" );
		exit( 1 );
	}
	foreach ( (array) file( $handoff_bot_file, FILE_IGNORE_NEW_LINES ) as $handoff_bot_line ) {
		if ( '' === $handoff_bot_line || ' ' === $handoff_bot_line[0] ) {
			continue;
		}
		$handoff_bot_parts = preg_split( '/\s+/', trim( explode( ' | ', (string) $handoff_bot_line )[0] ) );
		$handoff_bot_key   = $handoff_bot_pos[0] . $handoff_bot_parts[0];
		$handoff_bot_count = (int) hexdec( $handoff_bot_parts[3] );
		$handoff_bot_list  = array();
		for ( $handoff_bot_i = 0; $handoff_bot_i < $handoff_bot_count; $handoff_bot_i++ ) {
			$handoff_bot_list[] = strtolower( (string) preg_replace( '/\(.*\)$/', '', $handoff_bot_parts[ 4 + 2 * $handoff_bot_i ] ) );
		}
		$handoff_bot_words[ $handoff_bot_key ] = $handoff_bot_list;
		$handoff_bot_at                        = 4 + 2 * $handoff_bot_count;
		$handoff_bot_pointers                  = (int) $handoff_bot_parts[ $handoff_bot_at ];
		for ( $handoff_bot_p = 0; $handoff_bot_p < $handoff_bot_pointers; $handoff_bot_p++ ) {
			list( $handoff_bot_symbol, $handoff_bot_offset, $handoff_bot_target_pos, $handoff_bot_words_at ) = array_slice( $handoff_bot_parts, $handoff_bot_at + 1 + 4 * $handoff_bot_p, 4 );
			if ( '!' === $handoff_bot_symbol ) {
				$handoff_bot_links[] = array( $handoff_bot_key, (int) hexdec( substr( $handoff_bot_words_at, 0, 2 ) ), ( 's' === $handoff_bot_target_pos ? 'a' : $handoff_bot_target_pos ) . $handoff_bot_offset, (int) hexdec( substr( $handoff_bot_words_at, 2 ) ) );
			}
		}
	}
}

// Only words seen in WordNet's tagged corpus (cntlist.rev): common words, a short list to load.
$handoff_bot_seen = array();
foreach ( (array) file( $handoff_bot_dir . '/cntlist.rev', FILE_IGNORE_NEW_LINES ) as $handoff_bot_line ) {
	$handoff_bot_seen[ strtolower( (string) strstr( (string) $handoff_bot_line, '%', true ) ) ] = true;
}
$handoff_bot_opposites = array();
foreach ( $handoff_bot_links as list( $handoff_bot_from, $handoff_bot_a, $handoff_bot_to, $handoff_bot_b ) ) {
	$handoff_bot_x = $handoff_bot_words[ $handoff_bot_from ][ $handoff_bot_a - 1 ] ?? '';
	$handoff_bot_y = $handoff_bot_words[ $handoff_bot_to ][ $handoff_bot_b - 1 ] ?? '';
	if ( ! isset( $handoff_bot_seen[ $handoff_bot_x ], $handoff_bot_seen[ $handoff_bot_y ] ) || ! preg_match( '/^[a-z]{2,}$/', $handoff_bot_x ) || ! preg_match( '/^[a-z]{2,}$/', $handoff_bot_y ) || HandoffBot\Knowledge\Tokenizer::is_stop_word( $handoff_bot_x ) || HandoffBot\Knowledge\Tokenizer::is_stop_word( $handoff_bot_y ) ) {
		continue;
	}
	$handoff_bot_x = HandoffBot\Knowledge\Porter_Stemmer::stem( $handoff_bot_x );
	$handoff_bot_y = HandoffBot\Knowledge\Porter_Stemmer::stem( $handoff_bot_y );
	if ( $handoff_bot_x !== $handoff_bot_y ) {
		$handoff_bot_opposites[ min( $handoff_bot_x, $handoff_bot_y ) . ':' . max( $handoff_bot_x, $handoff_bot_y ) ] = true;
	}
}
$handoff_bot_map = array();
foreach ( array_keys( $handoff_bot_opposites ) as $handoff_bot_pair ) {
	list( $handoff_bot_x, $handoff_bot_y ) = explode( ':', $handoff_bot_pair );
	$handoff_bot_map[ $handoff_bot_x ][]   = $handoff_bot_y;
	$handoff_bot_map[ $handoff_bot_y ][]   = $handoff_bot_x;
}
ksort( $handoff_bot_map );
$handoff_bot_body = '';
foreach ( $handoff_bot_map as $handoff_bot_term => $handoff_bot_others ) {
	$handoff_bot_body .= "\t\t'" . $handoff_bot_term . "' => '" . implode( ' ', $handoff_bot_others ) . "',\n";
}

$handoff_bot_source = <<<PHP
<?php
/**
 * Opposite words, as index terms: written by tools/make-antonyms.php, do not edit by hand.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * The direct antonyms of WordNet 3.0 ("buy" and "sell", "accelerate" and "decelerate"), single
 * words that its tagged corpus uses, as the stems the tokenizer gives: term => its antonyms (space-separated). An array
 * constant, so that opcache keeps it compiled and a request pays nothing to load it.
 *
 * WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND
 * DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
 * EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
 * REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT
 * THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
 * PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. (WordNet 3.0 licence: use, copy, modify and
 * distribute for any purpose, with this notice.)
 */
final class Antonyms {

	/**
	 * Term => its antonyms, space-separated.
	 *
	 * @var array<string, string>
	 */
	public const MAP = array(
$handoff_bot_body	);
}

PHP;
file_put_contents( dirname( __DIR__ ) . '/includes/Knowledge/Antonyms.php', $handoff_bot_source );
fwrite( STDOUT, count( $handoff_bot_opposites ) . " pairs written to includes/Knowledge/Antonyms.php\n" );
