<?php
/**
 * Demo content for the development site: a small shop's help centre.
 *
 * @package HandoffBot
 */

/**
 * Turns a list of [heading, paragraphs...] sections into block markup.
 *
 * @param array<int, array<int, string>> $sections Sections.
 * @return string
 */
function handoff_bot_demo_blocks( array $sections ) {
	$out = '';
	foreach ( $sections as $section ) {
		$heading = (string) array_shift( $section );
		$out    .= "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">" . esc_html( $heading ) . "</h2>\n<!-- /wp:heading -->\n\n";
		foreach ( $section as $paragraph ) {
			$out .= "<!-- wp:paragraph -->\n<p>" . esc_html( $paragraph ) . "</p>\n<!-- /wp:paragraph -->\n\n";
		}
	}
	return $out;
}

/**
 * The help pages, keyed by slug.
 *
 * @return array<string, array{title: string, sections: array<int, array<int, string>>}>
 */
function handoff_bot_demo_pages() {
	return array(
		'shipping'             => array(
			'title'    => 'Shipping',
			'sections' => array(
				array( 'Delivery times', 'Orders placed before 2 pm on a working day leave our warehouse the same day. Standard delivery takes 3 to 5 working days within the country, and express delivery arrives the next working day.', 'International orders usually arrive within 7 to 14 working days, depending on customs in the destination country.' ),
				array( 'Shipping costs', 'Standard shipping is free on orders over $50. Below that, standard shipping costs $4.95 and express shipping costs $12.95.', 'International shipping is calculated at checkout from the weight of the parcel and the destination.' ),
				array( 'Tracking your parcel', 'As soon as your parcel leaves the warehouse we email you a tracking number. You can follow the parcel on the carrier\'s website or from the Orders section of your account.', 'If the tracking has not changed for five working days, contact us and we will open an investigation with the carrier.' ),
				array( 'Where we ship', 'We ship to most countries in Europe, North America and Oceania. We cannot ship to post office boxes or military addresses.' ),
			),
		),
		'returns-and-refunds'  => array(
			'title'    => 'Returns and refunds',
			'sections' => array(
				array( 'Return policy', 'You can return any unused item within 30 days of delivery for a full refund. Items must be in their original packaging with the tags attached.', 'Sale items can be returned within 14 days. Gift cards and personalised items cannot be returned.' ),
				array( 'How to return an item', 'Start a return from the Orders section of your account and print the prepaid return label. Pack the item securely, attach the label and drop the parcel at any carrier point.', 'Return shipping is free for customers in the country; international customers pay for return postage.' ),
				array( 'Refund timing', 'Once the returned parcel reaches our warehouse we inspect it within 3 working days and refund the original payment method. Your bank may take another 5 to 10 working days to show the refund.' ),
				array( 'Damaged or wrong items', 'If an item arrives damaged or you received the wrong item, send us a photo within 7 days of delivery. We will send a replacement at no cost or refund you in full, and you do not need to return the damaged item.' ),
			),
		),
		'pricing-and-plans'    => array(
			'title'    => 'Pricing and plans',
			'sections' => array(
				array( 'Membership plans', 'We offer three membership plans. Basic is free and includes standard shipping on orders over $50. Plus costs $5 a month and includes free express shipping on every order. Pro costs $12 a month and adds early access to sales and a personal shopping assistant.' ),
				array( 'Annual billing', 'Paying yearly saves two months: Plus costs $50 a year and Pro costs $120 a year.' ),
				array( 'Changing your plan', 'You can upgrade or downgrade at any time from the Membership section of your account. An upgrade starts immediately and you pay the difference for the rest of the billing period; a downgrade starts at the next renewal.' ),
				array( 'Student discount', 'Students get 20% off the Plus and Pro plans. Verify your student status from the Membership section to apply the discount.' ),
			),
		),
		'billing-and-payments' => array(
			'title'    => 'Billing and payments',
			'sections' => array(
				array( 'Payment methods', 'We accept Visa, Mastercard, American Express, PayPal and bank transfer. Gift cards can be combined with any other payment method.' ),
				array( 'Invoices', 'An invoice is emailed for every order and membership renewal. You can also download all your invoices as PDF files from the Billing section of your account.' ),
				array( 'Failed payments', 'If a membership renewal payment fails, we try again after 3 days and after 7 days. Your plan stays active during that time. Update your card in the Billing section to avoid an interruption.' ),
				array( 'Currency and taxes', 'Prices are shown in US dollars and include sales tax where it applies. International customers may pay import duties on delivery.' ),
			),
		),
		'account-and-password' => array(
			'title'    => 'Account and password',
			'sections' => array(
				array( 'Resetting your password', 'Click "Forgot password" on the sign-in page and enter the email address of your account. We send a reset link that is valid for one hour. Check your spam folder if it does not arrive within a few minutes.' ),
				array( 'Changing your email address', 'You can change the email address of your account from the Profile section. We send a confirmation link to the new address, and the change takes effect once you click it.' ),
				array( 'Two-step verification', 'Turn on two-step verification from the Security section of your account. You will need an authenticator app on your phone. Keep your recovery codes in a safe place.' ),
				array( 'Deleting your account', 'You can delete your account from the Privacy section. Deleting your account cancels any membership and erases your order history after the period the law requires us to keep invoices.' ),
			),
		),
		'troubleshooting'      => array(
			'title'    => 'Troubleshooting',
			'sections' => array(
				array( 'The website does not load', 'Clear your browser cache and cookies, then reload the page. If you use an ad blocker, try turning it off for our site. Our status page shows any ongoing incident.' ),
				array( 'Checkout fails', 'If checkout fails, check that the billing address matches the address your card is registered to. Some banks ask you to confirm online payments in their app. If it still fails, try another payment method.' ),
				array( 'Discount code does not work', 'Discount codes are case sensitive and usually cannot be combined with other offers or used on sale items. Check the expiry date of the code in the email that sent it.' ),
				array( 'The app keeps logging me out', 'Update the app to the latest version and make sure the date and time of your phone are set automatically. Signing out and back in once usually fixes it.' ),
			),
		),
		'privacy'              => array(
			'title'    => 'Privacy',
			'sections' => array(
				array( 'What we collect', 'We collect the information you give us when you order or create an account: your name, email address, delivery addresses and order history. We do not store full card numbers; our payment provider handles them.' ),
				array( 'How we use your data', 'We use your data to deliver orders, provide support and, if you agree, send you offers. We never sell your personal data.' ),
				array( 'Your rights', 'You can ask for a copy of your data or ask us to erase it from the Privacy section of your account. We answer every request within 30 days.' ),
				array( 'Cookies', 'We use essential cookies to keep you signed in and remember your basket. Analytics cookies are only set if you accept them in the cookie banner.' ),
			),
		),
		'contact-us'           => array(
			'title'    => 'Contact us',
			'sections' => array(
				array( 'Opening hours', 'Our support team is available Monday to Friday from 9 am to 6 pm, and on Saturday from 10 am to 2 pm. We are closed on Sundays and public holidays.' ),
				array( 'How to reach us', 'The quickest way to reach us is the chat on this site. You can also email support@example.com; we answer emails within one working day.' ),
				array( 'Phone support', 'Pro members can call our priority line during opening hours. Other customers can ask for a callback from the chat.' ),
			),
		),
	);
}

/**
 * Deletes the content WordPress installs: "Hello world!" with its comment, "Sample Page" and the
 * draft privacy policy page. Returns how many posts were deleted.
 *
 * @return int
 */
function handoff_bot_demo_remove_defaults() {
	$posts   = array(
		get_page_by_path( 'hello-world', OBJECT, 'post' ),
		get_page_by_path( 'sample-page', OBJECT, 'page' ),
		get_post( (int) get_option( 'wp_page_for_privacy_policy' ) ),
	);
	$deleted = 0;
	foreach ( $posts as $post ) {
		if ( $post instanceof WP_Post && wp_delete_post( $post->ID, true ) ) {
			++$deleted;
		}
	}
	update_option( 'wp_page_for_privacy_policy', 0 );
	return $deleted;
}

/**
 * Creates the demo pages once; returns how many pages exist.
 *
 * @return int
 */
function handoff_bot_demo_content() {
	$ids = array();
	foreach ( handoff_bot_demo_pages() as $slug => $page ) {
		$existing = get_page_by_path( $slug );
		$ids[]    = $existing ? $existing->ID : wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_name'    => $slug,
				'post_title'   => $page['title'],
				'post_content' => handoff_bot_demo_blocks( $page['sections'] ),
			)
		);
	}

	$links = '';
	foreach ( handoff_bot_demo_pages() as $slug => $page ) {
		$links .= '<li><a href="' . esc_url( home_url( '/' . $slug . '/' ) ) . '">' . esc_html( $page['title'] ) . '</a></li>';
	}
	$help = "<!-- wp:paragraph -->\n<p>Find answers in our help pages, or ask the assistant below. It answers from these pages and can put you in touch with our team.</p>\n<!-- /wp:paragraph -->\n\n"
		. "<!-- wp:list -->\n<ul class=\"wp-block-list\">" . $links . "</ul>\n<!-- /wp:list -->\n\n"
		. "<!-- wp:handoff-bot/chat {\"title\":\"Ask our assistant\"} /-->\n";

	$pages = array(
		'help'        => array( 'Help', $help ),
		'help-widget' => array( 'Help (floating chat)', "<!-- wp:paragraph -->\n<p>This page shows the chat as a floating launcher in the corner.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:handoff-bot/chat {\"display\":\"floating\",\"title\":\"Chat with us\"} /-->\n" ),
	);
	foreach ( $pages as $slug => list( $title, $content ) ) {
		$existing = get_page_by_path( $slug );
		$ids[]    = $existing ? $existing->ID : wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_name'    => $slug,
				'post_title'   => $title,
				'post_content' => $content,
			)
		);
	}
	return count( array_filter( $ids ) );
}
