/**
 * Privacy end to end: a visitor who types a card number sees it masked in the chat; an admin
 * exports a visitor's data by their email through Tools → Export Personal Data and the file holds
 * their conversation, then erases it through Tools → Erase Personal Data and it is gone.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { logIn, sitePhp } from './helpers';

test.beforeAll( () => {
	// Closed all week: whoever asks for a person gets the ticket form (and gives an email).
	sitePhp( `
		$data = HandoffBot\\Handoff\\Availability::defaults()->to_array();
		$data['hours'] = array_fill_keys( HandoffBot\\Handoff\\Availability::DAYS, array() );
		update_option( 'handoff_bot_availability', array( 'version' => 0, 'data' => $data ) );
	` );
} );

test.afterAll( () => {
	sitePhp( "delete_option( 'handoff_bot_availability' );" );
} );

/**
 * Asks the chat something and waits for the bot's reply.
 * @param page The page.
 * @param text What to ask.
 */
async function ask( page: Page, text: string ): Promise< void > {
	const replies = page.locator( '.handoff-bot-chat__msg.is-bot' );
	const before = await replies.count();
	const input = page.getByRole( 'textbox', { name: 'Your question' } );
	await input.fill( text );
	await input.press( 'Enter' );
	await expect( replies ).toHaveCount( before + 1 );
}

/**
 * Adds a privacy request for an email without a confirmation email, and returns its row.
 * @param page  The page (signed in as an admin).
 * @param tool  Which tool's screen.
 * @param email The address.
 */
async function request( page: Page, tool: string, email: string ) {
	await page.goto( `/wp-admin/${ tool }` );
	await page
		.locator( '#username_or_email_for_privacy_request' )
		.fill( email );
	await page.locator( '#send_confirmation_email' ).uncheck();
	await page.getByRole( 'button', { name: 'Send Request' } ).click();
	const row = page.locator( 'tr', { hasText: email } );
	await expect( row ).toBeVisible();
	await row.hover();
	return row;
}

test( 'a card number typed in the chat shows masked, with why', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	await ask( page, 'You charged my card 4111 1111 1111 1111 twice' );
	const mine = page.locator( '.handoff-bot-chat__msg.is-visitor' ).last();
	await expect( mine ).toContainText( '[Visa card ending 1111]' );
	await expect( mine ).not.toContainText( '4111 1111' );
	await expect( mine ).toContainText(
		'For your safety, we hid the card, account or ID numbers'
	);
} );

test( 'an admin exports a visitor’s data by email, then erases it', async ( {
	page,
} ) => {
	const stamp = Date.now();
	const email = `privacy.${ stamp }@example.org`;
	const message = `Please refund my order ${ stamp }, it never came`;

	// The visitor leaves a ticket with their email.
	await page.goto( '/help/' );
	await ask( page, message );
	await page.getByRole( 'button', { name: 'Talk to a person' } ).click();
	const form = page.getByRole( 'form', { name: 'Leave your details' } );
	await expect( form ).toBeVisible();
	await form.getByLabel( 'Your name' ).fill( 'Priya Privacy' );
	await form.getByLabel( 'Email address' ).fill( email );
	await form.getByRole( 'button', { name: 'Send', exact: true } ).click();
	await expect(
		page.getByText( /Your request HB-\d{5} is with our team/ ).last()
	).toBeVisible();

	// Export: the file holds the conversation.
	await logIn( page );
	const exportRow = await request( page, 'export-personal-data.php', email );
	const [ download ] = await Promise.all( [
		page.waitForEvent( 'download' ),
		exportRow
			.getByRole( 'button', { name: 'Download personal data' } )
			.click(),
	] );
	const file = await download.path();
	const exported = execFileSync( 'unzip', [ '-p', file ], {
		encoding: 'utf8',
	} );
	expect( exported ).toContain( message );
	expect( exported ).toContain( email );

	// Erase: nothing of theirs is left.
	const eraseRow = await request( page, 'erase-personal-data.php', email );
	await eraseRow
		.getByRole( 'button', { name: 'Erase personal data', exact: true } )
		.click();
	await expect( eraseRow.getByText( 'Erasure completed.' ) ).toBeVisible();
	const left = sitePhp( `
		global $wpdb;
		echo (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE body LIKE %s', $wpdb->prefix . 'handoff_bot_messages', '%' . $wpdb->esc_like( '${ stamp }' ) . '%' ) )
			+ (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE context LIKE %s', $wpdb->prefix . 'handoff_bot_handoffs', '%' . $wpdb->esc_like( '${ email }' ) . '%' ) );
	` );
	expect( left.trim() ).toBe( '0' );
} );
