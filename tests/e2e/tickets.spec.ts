/**
 * Tickets end to end: after hours a visitor asks for a person, the ticket form opens by itself,
 * they leave their details and read the reference; an agent opens the Tickets screen, finds the
 * ticket by its reference, reads the brief with the form's answers, adds an internal note,
 * replies by email and closes it as resolved. The screen is scanned for accessibility problems
 * with the ticket open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { logIn, sitePhp } from './helpers';

const SCREEN = '/wp-admin/admin.php?page=handoff-bot-tickets';

test.beforeAll( () => {
	// Closed all week: whoever asks for a person gets the ticket form.
	sitePhp( `
		$data = HandoffBot\\Handoff\\Availability::defaults()->to_array();
		$data['hours'] = array_fill_keys( HandoffBot\\Handoff\\Availability::DAYS, array() );
		update_option( 'handoff_bot_availability', array( 'version' => 0, 'data' => $data ) );
	` );
} );

test.afterAll( () => {
	sitePhp( "delete_option( 'handoff_bot_availability' );" );
} );

test( 'a visitor leaves a ticket after hours, and an agent reads it, notes, replies and closes it', async ( {
	page,
} ) => {
	const message = `My parcel arrived with a cracked screen, order ${ Date.now() }`;

	// The visitor, signed out.
	await page.goto( '/help/' );
	const input = page.getByRole( 'textbox', { name: 'Your question' } );
	await input.fill( message );
	await input.press( 'Enter' );
	await expect(
		page.locator( '.handoff-bot-chat__msg.is-bot' ).first()
	).toBeVisible();
	await page.getByRole( 'button', { name: 'Talk to a person' } ).click();
	const form = page.getByRole( 'form', { name: 'Leave your details' } );
	await expect( form ).toBeVisible();
	await expect( form.getByLabel( 'Your message' ) ).toHaveValue(
		new RegExp( message )
	);
	await form.getByLabel( 'Your name' ).fill( 'Ada Tickets' );
	await form.getByLabel( 'Email address' ).fill( 'ada.tickets@example.org' );
	await form.getByRole( 'button', { name: 'Send', exact: true } ).click();
	const confirmation = page
		.getByText( /Your request HB-\d{5} is with our team/ )
		.last();
	await expect( confirmation ).toBeVisible();
	const reference = ( ( await confirmation.textContent() ) ?? '' ).match(
		/HB-\d{5}/
	)?.[ 0 ] as string;
	expect( reference ).toMatch( /^HB-\d{5}$/ );

	// The agent.
	await logIn( page );
	await page.goto( SCREEN );
	const root = page.locator( '#handoff-bot-tickets-root' );
	await expect(
		root.getByRole( 'button', { name: 'Open', exact: true } )
	).toHaveAttribute( 'aria-pressed', 'true' );
	await root
		.getByRole( 'searchbox', {
			name: 'Search tickets by reference, name, email or words',
		} )
		.fill( reference );
	const open = root.getByRole( 'button', {
		name: `Open ${ reference } from Ada Tickets`,
	} );
	await expect( open ).toBeVisible();
	await expect( root.locator( 'tbody tr' ) ).toHaveCount( 1 );
	await open.click();

	const panel = root.getByRole( 'article', {
		name: `${ reference } from Ada Tickets`,
	} );
	await expect( panel ).toBeVisible();
	const brief = panel.getByRole( 'complementary', { name: 'Brief' } );
	await expect( brief ).toContainText( 'ada.tickets@example.org' );
	await expect( brief ).toContainText( message );
	await expect(
		panel.locator( '[data-role="visitor"]' ).first()
	).toContainText( message );

	const axe = await new AxeBuilder( { page } )
		.include( '#handoff-bot-tickets-root' )
		.analyze();
	expect(
		axe.violations.map(
			( v ) =>
				`${ v.id }: ${ v.help } (${ v.nodes
					.map( ( n ) => n.target.join( ' ' ) )
					.join( ', ' ) })`
		)
	).toEqual( [] );

	await panel
		.getByLabel( 'Internal note' )
		.fill( 'Order checked: courier lost it.' );
	await panel.getByRole( 'button', { name: 'Add note' } ).click();
	const note = panel.locator( '[data-role="note"]' ).last();
	await expect( note ).toContainText( 'Order checked: courier lost it.' );
	await expect( note ).toContainText( 'Internal note' );

	await panel
		.getByLabel( 'Reply by email' )
		.fill( 'Sorry about that: a new screen ships today.' );
	await panel.getByRole( 'button', { name: 'Send reply' } ).click();
	const reply = panel.locator( '[data-role="agent"]' ).last();
	await expect( reply ).toContainText(
		'Sorry about that: a new screen ships today.'
	);
	// Where its email stands (sent in the background, never in the request).
	await expect( reply ).toContainText( 'ada.tickets@example.org' );
	await expect( panel ).toContainText( 'Pending' );

	// The visitor's chat never shows the note.
	const stored = sitePhp(
		`echo wp_json_encode( ( new HandoffBot\\Repositories\\Message_Repository() )->visible_after( ( new HandoffBot\\Repositories\\Handoff_Repository() )->find( ${ Number(
			reference.slice( 3 )
		) } )['conversation_id'], 0 ) );`
	);
	expect( stored ).toContain( 'a new screen ships today' );
	expect( stored ).not.toContain( 'courier lost it' );

	await panel.getByLabel( 'Outcome' ).selectOption( 'resolved' );
	await panel.getByRole( 'button', { name: 'Close ticket' } ).click();
	await expect(
		panel
			.getByRole( 'region', { name: 'History' } )
			.or( panel.locator( '.handoff-bot-tickets__history' ) )
	).toContainText( 'closed it: Resolved' );
	await expect(
		panel.getByRole( 'button', { name: 'Send reply' } )
	).toHaveCount( 0 );

	// It is in the Closed list now.
	await root.getByRole( 'button', { name: 'Closed', exact: true } ).click();
	await expect(
		root.getByRole( 'button', {
			name: `Open ${ reference } from Ada Tickets`,
		} )
	).toBeVisible();
} );
