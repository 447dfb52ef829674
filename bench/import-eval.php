<?php
/**
 * Imports a question-answering knowledge base (JSON lines: id, title, text) as published pages,
 * one page a paragraph with the id as its slug, then rebuilds the knowledge index (command line only).
 *
 * Usage: php bench/import-eval.php <site-dir> <kb.jsonl>
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

add_filter( 'handoff_bot_index_on_save', '__return_false' );
// Only the knowledge base is asked about: WordPress's sample post and page go.
foreach ( get_posts(
	array(
		'post_type'   => array( 'post', 'page' ),
		'post_status' => 'any',
		'numberposts' => -1,
		'fields'      => 'ids',
	)
) as $handoff_bot_old ) {
	wp_delete_post( (int) $handoff_bot_old, true );
}
$handoff_bot_lines   = file( $argv[2], FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES );
$handoff_bot_created = 0;
foreach ( false === $handoff_bot_lines ? array() : $handoff_bot_lines as $handoff_bot_line ) {
	$handoff_bot_item = json_decode( $handoff_bot_line, true );
	if ( ! is_array( $handoff_bot_item ) ) {
		continue;
	}
	$handoff_bot_id = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_name'    => sanitize_title( (string) $handoff_bot_item['id'] ),
			'post_title'   => (string) $handoff_bot_item['title'],
			'post_content' => "<!-- wp:paragraph -->\n<p>" . esc_html( (string) $handoff_bot_item['text'] ) . "</p>\n<!-- /wp:paragraph -->",
		),
		true
	);
	if ( ! is_wp_error( $handoff_bot_id ) ) {
		++$handoff_bot_created;
	}
}

$handoff_bot_indexer = HandoffBot\Plugin::boot()->indexer();
$handoff_bot_offset  = 0;
do {
	$handoff_bot_result = $handoff_bot_indexer->rebuild_batch( $handoff_bot_offset, 200 );
	$handoff_bot_offset = $handoff_bot_result['next_offset'];
} while ( ! $handoff_bot_result['finished'] );

echo wp_json_encode(
	array(
		'pages'  => $handoff_bot_created,
		'posts'  => $handoff_bot_result['done'],
		'passes' => $handoff_bot_result['passages'],
	)
) . "\n";
