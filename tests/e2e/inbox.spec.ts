/**
 * A visitor and two agents, each in their own browser: the visitor asks for a person; the first
 * agent, with the inbox open, is notified, accepts, reads the brief, and they talk both ways; the
 * agent transfers the chat to a colleague, who accepts and resolves it; the visitor sees each step
 * and rates the chat. The inbox passes an accessibility scan.
 */
import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Page,
} from '@playwright/test';
import { sitePhp } from './helpers';

const INBOX = '/wp-admin/admin.php?page=handoff-bot-inbox';
const ADA = { login: 'ada', name: 'Ada Agent', password: 'ada-password-1' };
const BEN = { login: 'ben', name: 'Ben Agent', password: 'ben-password-1' };
const AGENTS = [ ADA, BEN ];

test.beforeAll( () => {
	const agents = AGENTS.map(
		( a ) =>
			`array( 'login' => '${ a.login }', 'name' => '${ a.name }', 'password' => '${ a.password }' )`
	).join( ', ' );
	// Open round the clock; two support agents (online once their inbox is open).
	sitePhp( `
		$data = HandoffBot\\Handoff\\Availability::defaults()->to_array();
		$data['hours'] = array_fill_keys( HandoffBot\\Handoff\\Availability::DAYS, array( array( 'open' => '00:00', 'close' => '24:00' ) ) );
		update_option( 'handoff_bot_availability', array( 'version' => 0, 'data' => $data ) );
		delete_user_meta( 1, 'handoff_bot_presence' );
		// A queue of this test's own: what earlier specs left waiting is closed.
		global $wpdb;
		$wpdb->query( "UPDATE {$wpdb->prefix}handoff_bot_handoffs SET status = 'left', open_key = NULL WHERE status IN ('requested', 'queued', 'accepted')" );
		$wpdb->query( "UPDATE {$wpdb->prefix}handoff_bot_conversations SET handoff_id = 0" );
		foreach ( array( ${ agents } ) as $a ) {
			$user = get_user_by( 'login', $a['login'] );
			$id   = $user ? $user->ID : wp_insert_user( array( 'user_login' => $a['login'], 'user_pass' => $a['password'], 'display_name' => $a['name'], 'user_email' => $a['login'] . '@example.com', 'role' => 'handoff_bot_agent' ) );
			wp_set_password( $a['password'], $id );
		}
	` );
} );

test.afterAll( () => {
	sitePhp( `
		delete_option( 'handoff_bot_availability' );
		global $wpdb;
		$wpdb->query( "UPDATE {$wpdb->prefix}handoff_bot_handoffs SET status = 'left', open_key = NULL WHERE status IN ('requested', 'queued', 'accepted')" );
		$wpdb->query( "UPDATE {$wpdb->prefix}handoff_bot_conversations SET handoff_id = 0" );
		foreach ( array( 'ada', 'ben' ) as $login ) { delete_user_meta( get_user_by( 'login', $login )->ID, 'handoff_bot_presence' ); }
	` );
} );

/**
 * Waits until the site counts an agent online (their inbox's heartbeat reached it).
 * @param agent Which agent.
 */
async function online( agent: typeof ADA ): Promise< void > {
	await expect
		.poll( () =>
			sitePhp(
				`echo ( new HandoffBot\\Handoff\\Presence( new HandoffBot\\Repositories\\Event_Repository() ) )->is_available( get_user_by( 'login', '${ agent.login }' )->ID, time() ) ? 'yes' : 'no';`
			)
		)
		.toBe( 'yes' );
}

/**
 * An agent's browser, signed in, with the inbox open, and notifications recorded.
 * @param browser The browser.
 * @param agent   Which agent.
 */
async function agentInbox(
	browser: Browser,
	agent: typeof ADA
): Promise< { context: BrowserContext; page: Page } > {
	const context = await browser.newContext();
	await context.grantPermissions( [ 'notifications' ] );
	// The notifications the page shows, where the test can read them.
	await context.addInitScript( () => {
		const shown: string[] = [];
		( window as unknown as { shownNotes: string[] } ).shownNotes = shown;
		class Recorded {
			static permission = 'granted';
			static requestPermission() {
				return Promise.resolve( 'granted' );
			}
			onclick: unknown = null;
			constructor( title: string, options?: { body?: string } ) {
				shown.push( `${ title } ${ options?.body ?? '' }` );
			}
			close() {}
		}
		( window as unknown as { Notification: unknown } ).Notification =
			Recorded;
	} );
	const page = await context.newPage();
	await page.goto( '/wp-login.php' );
	await page.getByLabel( 'Username or Email Address' ).fill( agent.login );
	await page.getByLabel( 'Password', { exact: true } ).fill( agent.password );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
	await expect( page ).toHaveURL( /wp-admin/ );
	await page.goto( INBOX );
	await expect(
		page.getByRole( 'heading', { name: 'Inbox', level: 1 } )
	).toBeVisible();
	return { context, page };
}

test( 'a visitor is handed to an agent, transferred to another, and rates the chat', async ( {
	browser,
} ) => {
	test.setTimeout( 180_000 );
	const ada = await agentInbox( browser, ADA );
	const enable = ada.page.getByRole( 'button', {
		name: 'Enable notifications',
	} );
	if ( await enable.isVisible() ) {
		await enable.click();
	}
	// Her inbox's heartbeat puts her online before the visitor asks.
	await online( ADA );

	// The visitor, in their own browser, looks at the pricing page, then asks for a person.
	const visitorContext = await browser.newContext();
	const visitor = await visitorContext.newPage();
	// While waiting, the chat reads its change file (a static file) between reads of the route.
	const reads = { file: 0, route: 0 };
	visitor.on( 'request', ( request ) => {
		const url = request.url();
		if ( url.includes( '/handoff-bot/poll/' ) ) {
			reads.file++;
		} else if ( /conversations\/\d+\/messages\?/.test( url ) ) {
			reads.route++;
		}
	} );
	await visitor.goto( '/help/' );
	const input = visitor.getByRole( 'textbox', { name: 'Your question' } );
	await input.fill(
		'My invoice shows the wrong company name, can you fix it?'
	);
	await input.press( 'Enter' );
	// The bot answers the question first.
	await expect(
		visitor.locator(
			'.handoff-bot-chat__msg.is-visitor + .handoff-bot-chat__msg.is-bot'
		)
	).toHaveCount( 1 );
	await visitor.getByRole( 'button', { name: 'Talk to a person' } ).click();
	await expect(
		visitor.getByText( /Connecting you to a person/ ).last()
	).toBeVisible();
	await expect( visitor.getByText( /number 1 in the queue/ ) ).toBeVisible();
	// While nothing changes, the chat reads only its change file, not WordPress.
	const before = { ...reads };
	await expect
		.poll( () => reads.file - before.file, { timeout: 12_000 } )
		.toBeGreaterThanOrEqual( 2 );
	expect( reads.route ).toBe( before.route );

	// Ada is told, finds it in the queue, and accepts.
	await expect
		.poll(
			() =>
				ada.page.evaluate(
					() =>
						( window as unknown as { shownNotes: string[] } )
							.shownNotes.length
				),
			{ timeout: 20_000 }
		)
		.toBeGreaterThan( 0 );
	const row = ada.page.getByText( /wrong company name/ ).first();
	await expect( row ).toBeVisible( { timeout: 20_000 } );
	await ada.page.getByRole( 'button', { name: 'Accept' } ).first().click();

	// The brief: the summary first, then the pages the visitor saw.
	const brief = ada.page.getByRole( 'complementary', { name: 'Brief' } );
	await expect( brief.locator( 'li' ).first() ).toContainText(
		'wrong company name'
	);
	await expect( brief ).toContainText( 'asked for a person' );
	await expect( brief ).toContainText( 'Pages visited' );
	await expect( brief ).toContainText( '/help/' );

	// The visitor sees who joined; they talk both ways.
	await expect(
		visitor.getByText( 'You are chatting with Ada Agent.' )
	).toBeVisible( {
		timeout: 15_000,
	} );
	const reply = ada.page.getByRole( 'textbox', {
		name: 'Reply to the visitor',
	} );
	await reply.fill(
		'Hi, I am Ada. Which company name should the invoice show?'
	);
	// The visitor sees her typing before the reply comes.
	await expect(
		visitor.locator( '.handoff-bot-chat__typing' )
	).toContainText( 'Ada Agent is typing', { timeout: 7_000 } );
	await ada.page.getByRole( 'button', { name: 'Send' } ).click();
	await expect(
		visitor.getByText(
			'Hi, I am Ada. Which company name should the invoice show?'
		)
	).toBeVisible( { timeout: 15_000 } );
	await input.fill( 'Zebracorn Holdings Ltd, please' );
	await input.press( 'Enter' );
	await expect(
		ada.page.getByText( 'Zebracorn Holdings Ltd, please' )
	).toBeVisible( {
		timeout: 15_000,
	} );
	// The visitor's message went to Ada, not to the bot: nothing answers it.
	await expect(
		visitor.locator( '.handoff-bot-chat__msg' ).last()
	).toContainText( 'Zebracorn Holdings Ltd, please' );
	await visitor.waitForTimeout( 3500 );
	await expect(
		visitor.locator( '.handoff-bot-chat__msg' ).last()
	).toContainText( 'Zebracorn Holdings Ltd, please' );

	// The inbox passes an accessibility scan with a chat open.
	const scan = await new AxeBuilder( { page: ada.page } )
		.include( '#handoff-bot-inbox-root' )
		.analyze();
	expect(
		scan.violations.map(
			( v ) => `${ v.id }: ${ v.help } (${ v.nodes.length })`
		)
	).toEqual( [] );

	// Ben opens his inbox (his heartbeat puts him online); Ada transfers the chat to him with a note.
	const ben = await agentInbox( browser, BEN );
	await online( BEN );
	await ada.page
		.getByRole( 'button', { name: /^Transfer/ } )
		.first()
		.click();
	const transfer = ada.page.getByRole( 'dialog' );
	await transfer.getByRole( 'radio', { name: 'An agent' } ).check();
	await transfer
		.getByLabel( 'Agent', { exact: true } )
		.selectOption( { label: 'Ben Agent (online)' } );
	await transfer
		.getByLabel( 'Note for whoever takes it' )
		.fill( 'Invoice name change; VAT number to check.' );
	await transfer.getByRole( 'button', { name: 'Transfer' } ).click();
	await expect( visitor.getByText( /passed to a colleague/ ) ).toBeVisible( {
		timeout: 15_000,
	} );

	// Ben accepts it from the queue, reads Ada's note, and resolves.
	await expect(
		ben.page.getByText( /wrong company name/ ).first()
	).toBeVisible( {
		timeout: 20_000,
	} );
	await ben.page.getByRole( 'button', { name: 'Accept' } ).first().click();
	await expect(
		ben.page.getByText( 'Invoice name change; VAT number to check.' )
	).toBeVisible();
	await expect(
		visitor.getByText( 'You are chatting with Ben Agent.' )
	).toBeVisible( {
		timeout: 15_000,
	} );
	await ben.page
		.getByRole( 'button', { name: /^Resolve/ } )
		.first()
		.click();
	const resolve = ben.page.getByRole( 'dialog' );
	await resolve
		.getByRole( 'radio', { name: 'Resolved', exact: true } )
		.check();
	await resolve.getByRole( 'button', { name: 'Resolve' } ).click();

	// The visitor is told, and rates the chat; the note never reached them.
	await expect( visitor.getByText( /closed the chat/ ) ).toBeVisible( {
		timeout: 15_000,
	} );
	await visitor.getByRole( 'button', { name: '5' } ).click();
	await expect(
		visitor.getByText( 'Thanks for your rating!' )
	).toBeVisible();
	await expect( visitor.getByText( 'VAT number to check' ) ).toHaveCount( 0 );
	const stored = sitePhp(
		'global $wpdb; echo $wpdb->get_var( "SELECT CONCAT(status, \':\', outcome) FROM {$wpdb->prefix}handoff_bot_handoffs ORDER BY id DESC LIMIT 1" ), \' \', $wpdb->get_var( "SELECT rating FROM {$wpdb->prefix}handoff_bot_conversations ORDER BY id DESC LIMIT 1" );'
	);
	expect( stored ).toBe( 'resolved:resolved 5' );

	await Promise.all( [
		ada.context.close(),
		ben.context.close(),
		visitorContext.close(),
	] );
} );
