/**
 * A visitor asks for a person: with the "Talk to a person" button (by keyboard too), or by
 * accepting the bot's offer when it does not know. In staffed hours with an agent online the
 * visitor sees plainly that they are being connected; outside the hours, that their request is
 * recorded and a form will follow.
 */
import { expect, test, type Page } from '@playwright/test';
import { sitePhp } from './helpers';

/**
 * Sets the site's hours (open round the clock, or closed all week) and puts the admin online as
 * an available agent.
 * @param open Whether the site is open.
 */
function staff( open: boolean ): void {
	sitePhp( `
		$data = HandoffBot\\Handoff\\Availability::defaults()->to_array();
		$data['hours'] = array_fill_keys( HandoffBot\\Handoff\\Availability::DAYS, ${
			open
				? "array( array( 'open' => '00:00', 'close' => '24:00' ) )"
				: 'array()'
		} );
		update_option( 'handoff_bot_availability', array( 'version' => 0, 'data' => $data ) );
		( new HandoffBot\\Handoff\\Presence( new HandoffBot\\Repositories\\Event_Repository() ) )->beat( 1, 'available', time() );
	` );
}

test.beforeEach( () => staff( true ) );
test.afterAll( () => {
	sitePhp( "delete_option( 'handoff_bot_availability' );" );
} );

async function ask( page: Page, question: string ): Promise< void > {
	const input = page.getByRole( 'textbox', { name: 'Your question' } );
	await input.fill( question );
	await input.press( 'Enter' );
}

test( 'the “Talk to a person” button connects the visitor, from the keyboard', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	const input = page.getByRole( 'textbox', { name: 'Your question' } );
	await input.focus();
	const button = page.getByRole( 'button', { name: 'Talk to a person' } );
	// From the question field, the keyboard reaches the button.
	for (
		let i = 0;
		i < 5 &&
		! ( await button.evaluate(
			( b ) => b === b.ownerDocument.activeElement
		) );
		i++
	) {
		await page.keyboard.press( 'Tab' );
	}
	await expect( button ).toBeFocused();
	await page.keyboard.press( 'Enter' );

	const reply = page.locator( '.handoff-bot-chat__msg.is-bot' ).last();
	await expect( reply ).toHaveClass( /is-handoff/ );
	await expect( reply ).toContainText( 'Connecting you to a person' );
	await expect( reply ).toContainText( 'recorded' );
	await expect(
		page
			.locator(
				'.handoff-bot-chat__log [aria-live], .handoff-bot-chat__log[aria-live]'
			)
			.first()
	).toBeAttached();
} );

test( 'a visitor accepts the offer of a person when the bot does not know', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	await ask( page, 'Can I rent a flamingo for my wedding?' );
	const offer = page.locator( '.handoff-bot-chat__msg.is-bot' ).last();
	await expect( offer ).toContainText( 'couldn’t find an answer' );
	const group = offer.getByRole( 'group', { name: 'Talk to a person?' } );
	await expect( group ).toBeVisible();

	await group
		.getByRole( 'button', { name: 'Connect me to a person' } )
		.click();
	await expect( group ).toHaveCount( 0 );
	const connected = page.locator( '.handoff-bot-chat__msg.is-handoff' );
	await expect( connected ).toContainText( 'Connecting you to a person' );

	// After a reload the offer shows as answered: no buttons come back.
	await page.reload();
	await expect(
		page.locator( '.handoff-bot-chat__msg.is-handoff' )
	).toHaveCount( 1 );
	await expect(
		page.getByRole( 'button', { name: 'Connect me to a person' } )
	).toHaveCount( 0 );
} );

test( 'a visitor who declines the offer keeps chatting with the bot', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	await ask( page, 'Can I rent a flamingo for my wedding?' );
	await page
		.getByRole( 'button', { name: 'Keep chatting with the bot' } )
		.click();
	await expect(
		page.getByRole( 'group', { name: 'Talk to a person?' } )
	).toHaveCount( 0 );
	await ask( page, 'How long does a refund take?' );
	await expect(
		page.locator( '.handoff-bot-chat__msg.is-bot.is-answer' ).last()
	).toContainText( 'working days' );
	await expect(
		page.locator( '.handoff-bot-chat__msg.is-handoff' )
	).toHaveCount( 0 );
} );

test( 'a visitor who writes that they want a real person is connected at once', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	await ask( page, 'I want to talk to a real person' );
	const reply = page.locator( '.handoff-bot-chat__msg.is-bot' ).last();
	await expect( reply ).toHaveClass( /is-handoff/ );
	await expect( reply ).toContainText( 'Connecting you to a person' );
	// No offer to choose: the visitor already chose.
	await expect(
		page.getByRole( 'group', { name: 'Talk to a person?' } )
	).toHaveCount( 0 );
} );

test( 'a visitor with a billing dispute is handed to a person at once, and a mere mention of a person is not a request', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	const bot = page.locator( '.handoff-bot-chat__msg.is-bot' );
	await expect( bot ).toHaveCount( 1 ); // the greeting
	await ask( page, 'My agent said the parcel left yesterday' );
	await expect( bot ).toHaveCount( 2 );
	await expect( bot.last() ).not.toHaveClass( /is-handoff/ );
	await expect( bot.last() ).not.toContainText( 'Connecting you' );
	const before = await bot.count();

	await ask(
		page,
		'You charged me twice for one order and I want to dispute it'
	);
	await expect( bot ).toHaveCount( before + 1 );
	const reply = bot.last();
	await expect( reply ).toHaveClass( /is-handoff/ );
	await expect( reply ).toContainText( 'Connecting you to a person' );
	await expect(
		page.locator( '.handoff-bot-chat__msg.is-handoff' )
	).toHaveCount( 1 );
} );

test( 'outside the hours the visitor is told their request is recorded and a form will follow', async ( {
	page,
} ) => {
	staff( false );
	await page.goto( '/help/' );
	await page.getByRole( 'button', { name: 'Talk to a person' } ).click();
	const reply = page.locator( '.handoff-bot-chat__msg.is-bot' ).last();
	await expect( reply ).toHaveClass( /is-handoff/ );
	await expect( reply ).toContainText( 'Our team is away right now' );
	await expect( reply ).toContainText( 'leave your details' );
	await expect( reply ).not.toContainText( 'Connecting you' );
} );
