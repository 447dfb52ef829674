/**
 * The inbox by keyboard alone (Tab, Enter, Space and the arrow keys; no pointer): an agent reaches
 * the queue, opens a handoff, accepts it, replies, inserts a saved reply, and resolves it with an
 * outcome; an admin adds a saved reply and deletes it after confirming. The focus never falls back
 * to the page's start when a control or a dialog goes away, and the saved replies' dialog passes
 * an accessibility scan.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, sitePhp } from './helpers';

const INBOX = '/wp-admin/admin.php?page=handoff-bot-inbox';
const CARA = { login: 'cara', name: 'Cara Agent', password: 'cara-password-1' };

test.beforeAll( () => {
	// Open round the clock; one support agent; the queue empty; two saved replies.
	sitePhp( `
		$data = HandoffBot\\Handoff\\Availability::defaults()->to_array();
		$data['hours'] = array_fill_keys( HandoffBot\\Handoff\\Availability::DAYS, array( array( 'open' => '00:00', 'close' => '24:00' ) ) );
		update_option( 'handoff_bot_availability', array( 'version' => 0, 'data' => $data ) );
		global $wpdb;
		$wpdb->query( "UPDATE {$wpdb->prefix}handoff_bot_handoffs SET status = 'left', open_key = NULL WHERE status IN ('requested', 'queued', 'accepted')" );
		$wpdb->query( "UPDATE {$wpdb->prefix}handoff_bot_conversations SET handoff_id = 0" );
		update_option( 'handoff_bot_saved_replies', array(
			array( 'id' => 'greeting', 'title' => 'Greeting', 'text' => 'Hi, thanks for waiting.', 'team' => '' ),
			array( 'id' => 'order-status', 'title' => 'Order status', 'text' => 'Your parcel left our warehouse this morning.', 'team' => '' ),
		), false );
		$user = get_user_by( 'login', '${ CARA.login }' );
		$id   = $user ? $user->ID : wp_insert_user( array( 'user_login' => '${ CARA.login }', 'user_pass' => '${ CARA.password }', 'display_name' => '${ CARA.name }', 'user_email' => 'cara@example.com', 'role' => 'handoff_bot_agent' ) );
		wp_set_password( '${ CARA.password }', $id );
		// Only Cara is online for this test's handoff.
		foreach ( get_users( array( 'meta_key' => 'handoff_bot_presence' ) ) as $other ) { delete_user_meta( $other->ID, 'handoff_bot_presence' ); }
	` );
} );

test.afterAll( () => {
	sitePhp( `
		delete_option( 'handoff_bot_availability' );
		delete_option( 'handoff_bot_saved_replies' );
		global $wpdb;
		$wpdb->query( "UPDATE {$wpdb->prefix}handoff_bot_handoffs SET status = 'left', open_key = NULL WHERE status IN ('requested', 'queued', 'accepted')" );
		$wpdb->query( "UPDATE {$wpdb->prefix}handoff_bot_conversations SET handoff_id = 0" );
		delete_user_meta( get_user_by( 'login', 'cara' )->ID, 'handoff_bot_presence' );
	` );
} );

/**
 * The focused element, as a person hears it: "tag|role|name" (the name from aria-labelledby,
 * aria-label, the label, else the text), with "|checked" after a checked radio.
 * @param page The page.
 */
function focused( page: Page ): Promise< string > {
	return page.evaluate( () => {
		const el = document.body.ownerDocument
			.activeElement as HTMLElement | null;
		if ( ! el || el === document.body ) {
			return 'body';
		}
		const byId = ( ids: string | null ) =>
			( ids ?? '' )
				.split( ' ' )
				.map(
					( id ) => document.getElementById( id )?.textContent ?? ''
				)
				.join( ' ' );
		const input = el as HTMLInputElement;
		const name =
			byId( el.getAttribute( 'aria-labelledby' ) ) ||
			el.getAttribute( 'aria-label' ) ||
			( input.labels?.[ 0 ]?.textContent ?? '' ) ||
			el.textContent ||
			'';
		return [
			el.tagName.toLowerCase(),
			el.getAttribute( 'role' ) ?? '',
			name.trim().replace( /\s+/g, ' ' ).slice( 0, 80 ),
			...( input.checked ? [ 'checked' ] : [] ),
		].join( '|' );
	} );
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches; fails with the path taken.
 * @param page     The page.
 * @param wanted   What the focused element's description must match.
 * @param backward Whether to go backward.
 */
async function tabTo( page: Page, wanted: RegExp, backward = false ) {
	const path: string[] = [];
	for ( let i = 0; i < 80; i++ ) {
		await page.keyboard.press( backward ? 'Shift+Tab' : 'Tab' );
		const now = await focused( page );
		path.push( now );
		if ( wanted.test( now ) ) {
			return;
		}
	}
	throw new Error(
		`No ${ wanted } within 80 presses. Went through:\n${ path.join( '\n' ) }`
	);
}

async function signIn( page: Page, login: string, password: string ) {
	await page.goto( '/wp-login.php' );
	await page.getByLabel( 'Username or Email Address' ).fill( login );
	await page.getByLabel( 'Password', { exact: true } ).fill( password );
	await page.getByLabel( 'Password', { exact: true } ).press( 'Enter' );
	await expect( page ).toHaveURL( /wp-admin/ );
	await page.goto( INBOX );
	await expect(
		page.getByRole( 'heading', { name: 'Inbox', level: 1 } )
	).toBeVisible();
}

test( 'an agent takes, answers and resolves a handoff by keyboard alone', async ( {
	browser,
} ) => {
	test.setTimeout( 180_000 );
	const agentContext = await browser.newContext();
	const agent = await agentContext.newPage();
	await signIn( agent, CARA.login, CARA.password );
	await expect
		.poll( () =>
			sitePhp(
				"echo ( new HandoffBot\\Handoff\\Presence( new HandoffBot\\Repositories\\Event_Repository() ) )->is_available( get_user_by( 'login', 'cara' )->ID, time() ) ? 'yes' : 'no';"
			)
		)
		.toBe( 'yes' );

	// A visitor asks for a person.
	const visitorContext = await browser.newContext();
	const visitor = await visitorContext.newPage();
	await visitor.goto( '/help/' );
	const input = visitor.getByRole( 'textbox', { name: 'Your question' } );
	await input.fill( 'My parcel has not arrived, where is it?' );
	await input.press( 'Enter' );
	await expect(
		visitor.locator(
			'.handoff-bot-chat__msg.is-visitor + .handoff-bot-chat__msg.is-bot'
		)
	).toHaveCount( 1 );
	await visitor.getByRole( 'button', { name: 'Talk to a person' } ).click();
	await expect( visitor.getByText( /number 1 in the queue/ ) ).toBeVisible();
	await expect(
		agent.getByText( /parcel has not arrived/ ).first()
	).toBeVisible( { timeout: 20_000 } );

	// From the top of the page: skip to the content, then on to the queue's row.
	await agent.evaluate( () =>
		( document.body.ownerDocument.activeElement as HTMLElement )?.blur()
	);
	await agent.keyboard.press( 'Tab' );
	expect( await focused( agent ) ).toMatch( /Skip to main content/ );
	await agent.keyboard.press( 'Enter' );
	await tabTo( agent, /parcel has not arrived/ );
	await agent.keyboard.press( 'Enter' );
	const chat = agent.getByRole( 'region', { name: 'Chat' } );
	await expect( chat.getByRole( 'heading', { level: 2 } ) ).toContainText(
		'parcel has not arrived'
	);

	// Accept: the button goes away, the focus waits in the reply box.
	await tabTo( agent, /^button\|\|Accept$/ );
	await agent.keyboard.press( 'Enter' );
	await expect( chat ).toContainText( 'You are helping this visitor.' );
	await expect
		.poll( () => focused( agent ) )
		.toMatch( /^textarea\|\|Reply to the visitor/ );

	// A reply, typed and sent with Enter.
	await agent.keyboard.type( 'Hello, I am Cara. Let me look.' );
	await agent.keyboard.press( 'Enter' );
	await expect(
		visitor.getByText( 'Hello, I am Cara. Let me look.' )
	).toBeVisible( {
		timeout: 15_000,
	} );

	// A saved reply: chosen with the arrow keys (which insert nothing), inserted with Insert.
	await tabTo( agent, /^select\|\|Saved reply/ );
	const picker = chat.getByRole( 'combobox', { name: 'Saved reply' } );
	for ( let i = 0; i < 5; i++ ) {
		if (
			( await picker.evaluate(
				( s: HTMLSelectElement ) => s.selectedOptions[ 0 ]?.text
			) ) === 'Order status'
		) {
			break;
		}
		await agent.keyboard.press( 'ArrowDown' );
	}
	const box = chat.getByRole( 'textbox', { name: 'Reply to the visitor' } );
	await expect( box ).toHaveValue( '' );
	await agent.keyboard.press( 'Tab' );
	expect( await focused( agent ) ).toBe( 'button||Insert' );
	await agent.keyboard.press( 'Enter' );
	await expect( box ).toHaveValue(
		'Your parcel left our warehouse this morning.'
	);
	expect( await focused( agent ) ).toMatch(
		/^textarea\|\|Reply to the visitor/
	);
	await agent.keyboard.press( 'Enter' );
	await expect(
		visitor.getByText( 'Your parcel left our warehouse this morning.' )
	).toBeVisible( { timeout: 15_000 } );

	// Resolve: back to the chat's actions, the outcome with the arrow keys, confirmed.
	await tabTo( agent, /^button\|\|Resolve…$/, true );
	await agent.keyboard.press( 'Enter' );
	const dialog = agent.getByRole( 'dialog', { name: 'Resolve this chat' } );
	await expect( dialog ).toBeVisible();
	await tabTo( agent, /^input\|\|Resolved\|checked$/ );
	await agent.keyboard.press( 'ArrowDown' );
	expect( await focused( agent ) ).toBe( 'input||Not resolved|checked' );
	await tabTo( agent, /^button\|\|Resolve$/ );
	await agent.keyboard.press( 'Space' );
	await expect( dialog ).toBeHidden();
	await expect( chat ).toContainText( 'Resolved.' );
	// The Resolve… button is gone with the dialog: the focus is on the chat's heading.
	await expect
		.poll( () => focused( agent ) )
		.toMatch( /^h2\|\|.*parcel has not arrived/ );

	await expect( visitor.getByText( /closed the chat/ ) ).toBeVisible( {
		timeout: 15_000,
	} );
	const stored = sitePhp(
		'global $wpdb; echo $wpdb->get_var( "SELECT CONCAT(status, \':\', outcome) FROM {$wpdb->prefix}handoff_bot_handoffs ORDER BY id DESC LIMIT 1" );'
	);
	expect( stored ).toBe( 'resolved:not_resolved' );

	// In a narrow window one column shows at a time; back to the list, the focus lands in it,
	// not at the page's start.
	await agent.setViewportSize( { width: 900, height: 800 } );
	await expect(
		agent.getByRole( 'region', { name: 'Handoffs' } )
	).toBeHidden();
	await tabTo( agent, /^button\|\|← Back to the list$/, true );
	await agent.keyboard.press( 'Enter' );
	await expect
		.poll( () =>
			agent.evaluate(
				() =>
					!! document.body.ownerDocument.activeElement?.closest(
						'.handoff-bot-inbox__list'
					)
			)
		)
		.toBe( true );

	await Promise.all( [ agentContext.close(), visitorContext.close() ] );
} );

test( 'an admin adds a saved reply and deletes it after confirming, by keyboard alone', async ( {
	page,
} ) => {
	await signIn( page, ADMIN.user, ADMIN.password );
	await page.evaluate( () =>
		( document.body.ownerDocument.activeElement as HTMLElement )?.blur()
	);
	await tabTo( page, /^button\|\|Manage saved replies$/ );
	await page.keyboard.press( 'Enter' );
	const dialog = page.getByRole( 'dialog', { name: 'Saved replies' } );
	await expect( dialog ).toBeVisible();
	await expect( dialog.getByRole( 'heading', { level: 2 } ) ).toHaveText( [
		'Greeting',
		'Order status',
	] );

	const scan = await new AxeBuilder( { page } )
		.include( '.components-modal__frame' )
		.analyze();
	expect(
		scan.violations.map(
			( v ) => `${ v.id }: ${ v.help } (${ v.nodes.length })`
		)
	).toEqual( [] );

	// Add: the form opens on its title; a duplicate title is refused and focused.
	await tabTo( page, /^button\|\|Add a saved reply$/ );
	await page.keyboard.press( 'Enter' );
	await expect(
		page.getByRole( 'dialog', { name: 'Add a saved reply' } )
	).toBeVisible();
	expect( await focused( page ) ).toMatch( /^input\|\|Title/ );
	await page.keyboard.type( 'greeting' );
	await page.keyboard.press( 'Tab' );
	await page.keyboard.type( 'Good morning!' );
	await tabTo( page, /^button\|\|Add reply$/ );
	await page.keyboard.press( 'Enter' );
	await expect(
		page.getByText( 'Another saved reply has this title.' )
	).toBeVisible();
	await expect.poll( () => focused( page ) ).toMatch( /^input\|\|Title/ );
	await page.keyboard.press( 'ControlOrMeta+a' );
	await page.keyboard.type( 'Morning greeting' );
	await tabTo( page, /^button\|\|Add reply$/ );
	await page.keyboard.press( 'Enter' );
	await expect( dialog ).toContainText( 'Saved “Morning greeting”.' );
	await expect
		.poll( () => focused( page ) )
		.toBe( 'button||Edit “Morning greeting”' );
	expect(
		sitePhp(
			"echo implode( ',', array_column( get_option( 'handoff_bot_saved_replies' ), 'title' ) );"
		)
	).toBe( 'Greeting,Order status,Morning greeting' );

	// Delete: asked first; the confirm's Keep it has the focus.
	await page.keyboard.press( 'Tab' );
	expect( await focused( page ) ).toBe( 'button||Delete “Morning greeting”' );
	await page.keyboard.press( 'Enter' );
	await expect( dialog ).toContainText( 'Delete “Morning greeting”?' );
	expect( await focused( page ) ).toBe( 'button||Keep it' );
	await page.keyboard.press( 'Tab' );
	expect( await focused( page ) ).toBe( 'button||Delete reply' );
	await page.keyboard.press( 'Enter' );
	await expect( dialog ).toContainText( 'Deleted “Morning greeting”.' );
	await expect
		.poll( () => focused( page ) )
		.toMatch( /^button\|\|(Edit “Order status”|Add a saved reply)$/ );
	expect(
		sitePhp(
			"echo implode( ',', array_column( get_option( 'handoff_bot_saved_replies' ), 'title' ) );"
		)
	).toBe( 'Greeting,Order status' );

	// Escape closes the dialog and gives the focus back to its button.
	await page.keyboard.press( 'Escape' );
	await expect( dialog ).toBeHidden();
	expect( await focused( page ) ).toBe( 'button||Manage saved replies' );
} );
