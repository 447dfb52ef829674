<?php
/**
 * Generates realistic help-centre posts for the benchmarks (command line only).
 *
 * Usage: php bench/generate-posts.php <site-dir> <count> [seed]
 *
 * Posts are built from a seeded generator, so the same count and seed give the same corpus: each
 * has a title, three to six headed sections of two to five sentences, in the vocabulary of a shop's
 * help pages (products, orders, accounts, troubleshooting). The knowledge index is not updated
 * while generating; the benchmark rebuilds it afterwards and times that.
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$handoff_bot_site  = $argv[1];
$handoff_bot_count = (int) $argv[2];
$handoff_bot_seed  = isset( $argv[3] ) ? (int) $argv[3] : 42;

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $handoff_bot_site . '/wp-load.php';

mt_srand( $handoff_bot_seed ); // phpcs:ignore WordPress.WP.AlternativeFunctions.rand_seeding_mt_srand -- a reproducible corpus.

/**
 * A random element.
 *
 * @param string[] $list Choices.
 * @return string
 */
function handoff_bot_pick( array $list ) {
	return $list[ mt_rand( 0, count( $list ) - 1 ) ]; // phpcs:ignore WordPress.WP.AlternativeFunctions.rand_mt_rand -- seeded on purpose.
}

$handoff_bot_words = array(
	'product'   => array( 'wireless headphones', 'running shoes', 'coffee grinder', 'yoga mat', 'smart watch', 'rain jacket', 'desk lamp', 'travel backpack', 'water bottle', 'bike helmet', 'gift card', 'phone case', 'kitchen scale', 'sleeping bag', 'camera strap', 'garden hose', 'standing desk', 'electric kettle', 'hiking boots', 'laptop sleeve' ),
	'topic'     => array( 'warranty', 'delivery', 'returns', 'exchanges', 'sizing', 'care instructions', 'assembly', 'charging', 'pairing', 'firmware updates', 'discount codes', 'loyalty points', 'order tracking', 'invoices', 'subscriptions', 'account security', 'gift wrapping', 'price matching', 'repairs', 'spare parts' ),
	'verb'      => array( 'check', 'update', 'reset', 'register', 'return', 'exchange', 'track', 'cancel', 'confirm', 'replace', 'clean', 'store', 'charge', 'pair', 'activate', 'transfer', 'download', 'upgrade', 'redeem', 'report' ),
	'place'     => array( 'your account', 'the order page', 'the app', 'the settings menu', 'the confirmation email', 'the product page', 'the help centre', 'your dashboard', 'the packing slip', 'the checkout page' ),
	'time'      => array( 'within 24 hours', 'in 2 to 3 working days', 'within a week', 'the same day', 'before the next billing date', 'within 30 days', 'after delivery', 'during business hours', 'at any time', 'within 14 days' ),
	'adjective' => array( 'original', 'unused', 'damaged', 'faulty', 'personalised', 'refurbished', 'discounted', 'registered', 'eligible', 'international' ),
	'people'    => array( 'our support team', 'the courier', 'the manufacturer', 'our warehouse', 'your bank', 'the repair centre', 'our billing team', 'the store staff' ),
);

$handoff_bot_templates = array(
	'You can {verb} your {product} from {place} {time}.',
	'If your {product} arrives {adjective}, contact {people} {time} and we will {verb} it for free.',
	'{Topic} for {adjective} items is handled by {people} {time}.',
	'To {verb} a {product}, open {place}, choose the order and follow the steps shown there.',
	'Most questions about {topic} are answered {time} by {people}.',
	'Keep the {adjective} packaging: {people} may ask for it when you {verb} the {product}.',
	'The {product} comes with a two-year warranty that covers {adjective} parts, and {people} can {verb} it for you.',
	'We send a confirmation email once {people} has processed your request, usually {time}.',
	'Please note that {adjective} items cannot be {verb}ed after {time}.',
	'For {topic}, sign in to {place} and select the {product} you want to {verb}.',
	'Charges for {topic} appear on your statement {time}; {people} can send a copy of the invoice.',
	'Our guide to {topic} explains how to {verb} the {product} step by step.',
);

/**
 * One sentence.
 *
 * @param array<string, string[]> $words     Vocabulary.
 * @param string[]                $templates Templates.
 * @return string
 */
function handoff_bot_sentence( array $words, array $templates ) {
	$sentence = handoff_bot_pick( $templates );
	return (string) preg_replace_callback(
		'/\{(\w+)\}/',
		static function ( array $m ) use ( $words ) {
			$key   = strtolower( $m[1] );
			$value = handoff_bot_pick( $words[ $key ] );
			return ctype_upper( $m[1][0] ) ? ucfirst( $value ) : $value;
		},
		$sentence
	);
}

add_filter( 'handoff_bot_index_on_save', '__return_false' );
wp_defer_term_counting( true );
wp_suspend_cache_invalidation( true );
wp_set_current_user( 1 );

$handoff_bot_started = microtime( true );
for ( $i = 0; $i < $handoff_bot_count; $i++ ) {
	$product  = handoff_bot_pick( $handoff_bot_words['product'] );
	$topic    = handoff_bot_pick( $handoff_bot_words['topic'] );
	$title    = ucfirst( $topic ) . ' for your ' . $product;
	$content  = '';
	$sections = mt_rand( 3, 6 ); // phpcs:ignore WordPress.WP.AlternativeFunctions.rand_mt_rand -- seeded on purpose.
	for ( $s = 0; $s < $sections; $s++ ) {
		$heading   = ucfirst( handoff_bot_pick( $handoff_bot_words['verb'] ) ) . ' ' . handoff_bot_pick( $handoff_bot_words['topic'] );
		$content  .= "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">" . esc_html( $heading ) . "</h2>\n<!-- /wp:heading -->\n\n";
		$sentences = array();
		$n         = mt_rand( 2, 5 ); // phpcs:ignore WordPress.WP.AlternativeFunctions.rand_mt_rand -- seeded on purpose.
		for ( $k = 0; $k < $n; $k++ ) {
			$sentences[] = handoff_bot_sentence( $handoff_bot_words, $handoff_bot_templates );
		}
		$content .= "<!-- wp:paragraph -->\n<p>" . esc_html( implode( ' ', $sentences ) ) . "</p>\n<!-- /wp:paragraph -->\n\n";
	}
	wp_insert_post(
		array(
			'post_type'    => 'post',
			'post_status'  => 'publish',
			'post_title'   => $title,
			// Titles repeat (a few hundred combinations): a unique slug spares WordPress its search
			// for a free "-2", "-3"… suffix, which grows with every post of the same title.
			'post_name'    => sanitize_title( $title ) . '-' . $handoff_bot_seed . '-' . $i,
			'post_content' => $content,
		)
	);
}//end for
wp_defer_term_counting( false );
wp_suspend_cache_invalidation( false );
printf( "generated %d posts in %.1f s\n", (int) $handoff_bot_count, microtime( true ) - $handoff_bot_started );
