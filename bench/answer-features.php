<?php
/**
 * Reads each question of a set against the passages the answerer would weigh, and prints one JSON
 * line per passage: its features (Knowledge\Evidence) and whether it answers the question (the
 * question's own page, with a gold answer in the reply composed from it). tools/fit-confidence.mjs
 * fits the confidence model on these lines (command line only).
 *
 * Usage: php bench/answer-features.php <site-dir> <questions.jsonl> > features.jsonl
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

/**
 * SQuAD's answer normalisation: lower case, no punctuation, no articles, single spaces.
 *
 * @param string $text Text.
 * @return string Padded with a space on each side.
 */
function handoff_bot_eval_normalise( string $text ): string {
	$text = mb_strtolower( $text, 'UTF-8' );
	if ( class_exists( 'Normalizer' ) ) {
		$text = (string) preg_replace( '/\p{Mn}/u', '', (string) Normalizer::normalize( $text, Normalizer::FORM_D ) );
	}
	$text = (string) preg_replace( '/[^\p{L}\p{N}\s]/u', ' ', $text );
	$text = (string) preg_replace( '/\b(a|an|the)\b/u', ' ', $text );
	return ' ' . trim( (string) preg_replace( '/\s+/u', ' ', $text ) ) . ' ';
}

$handoff_bot_tokenizer = new HandoffBot\Knowledge\Tokenizer();
$handoff_bot_answerer  = new HandoffBot\Knowledge\Extractive_Answerer(
	new HandoffBot\Knowledge\Retriever( $handoff_bot_tokenizer, new HandoffBot\Repositories\Index_Repository() ),
	new HandoffBot\Knowledge\Small_Talk(),
	$handoff_bot_tokenizer,
	new HandoffBot\Settings()
);
$handoff_bot_slugs = array();
foreach ( (array) file( $argv[2], FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $handoff_bot_line ) {
	$handoff_bot_q = json_decode( (string) $handoff_bot_line, true );
	if ( ! is_array( $handoff_bot_q ) ) {
		continue;
	}
	$handoff_bot_gold = array();
	foreach ( (array) $handoff_bot_q['answers'] as $handoff_bot_answer ) {
		$handoff_bot_norm = trim( handoff_bot_eval_normalise( (string) $handoff_bot_answer ) );
		if ( '' !== $handoff_bot_norm ) {
			$handoff_bot_gold[] = ' ' . $handoff_bot_norm . ' ';
		}
	}
	foreach ( $handoff_bot_answerer->read( (string) $handoff_bot_q['question'] ) as $handoff_bot_rank => $handoff_bot_entry ) {
		$handoff_bot_post = (int) $handoff_bot_entry['hit']['post_id'];
		if ( ! isset( $handoff_bot_slugs[ $handoff_bot_post ] ) ) {
			$handoff_bot_slugs[ $handoff_bot_post ] = (string) get_post_field( 'post_name', $handoff_bot_post );
		}
		$handoff_bot_body  = handoff_bot_eval_normalise( $handoff_bot_answerer->compose( $handoff_bot_entry['hit'], $handoff_bot_entry['weighed'] ) );
		$handoff_bot_page  = strtolower( (string) $handoff_bot_q['context_id'] ) === $handoff_bot_slugs[ $handoff_bot_post ];
		$handoff_bot_found = false;
		foreach ( $handoff_bot_gold as $handoff_bot_norm ) {
			$handoff_bot_found = $handoff_bot_found || false !== strpos( $handoff_bot_body, $handoff_bot_norm );
		}
		echo wp_json_encode(
			array(
				'question'   => (string) $handoff_bot_q['id'],
				'article'    => (string) preg_replace( '/_p\d+$/', '', (string) $handoff_bot_q['context_id'] ),
				'answerable' => (bool) $handoff_bot_q['answerable'],
				'rank'       => $handoff_bot_rank,
				'page'       => $handoff_bot_page,
				'gold'       => $handoff_bot_found,
				'right'      => $handoff_bot_q['answerable'] && $handoff_bot_page && $handoff_bot_found,
				'chance'     => round( $handoff_bot_entry['chance'], 4 ),
				'features'   => $handoff_bot_entry['weighed']['features'],
			)
		) . "\n";
	}
}
