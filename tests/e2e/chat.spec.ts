/**
 * A visitor chats on the demo site: cited answers, "I don't know", a conversation that survives
 * navigation and a flaky network, and an accessible chat.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { logIn, sitePhp } from './helpers';

type Stored = { id: number; token: string };

async function ask( page: Page, question: string ): Promise< void > {
	const input = page.getByRole( 'textbox', { name: 'Your question' } );
	await input.fill( question );
	await input.press( 'Enter' );
}

async function storedConversation( page: Page ): Promise< Stored > {
	const raw = await page.evaluate( () =>
		window.sessionStorage.getItem( 'handoff-bot:conversation' )
	);
	expect( raw ).toBeTruthy();
	return JSON.parse( raw as string ) as Stored;
}

async function serverMessages( page: Page, stored: Stored ) {
	const response = await page.request.get(
		`/wp-json/handoff-bot/v1/conversations/${ stored.id }/messages?after=0`,
		{ headers: { 'X-Handoff-Bot-Token': stored.token } }
	);
	expect( response.status() ).toBe( 200 );
	expect( response.headers()[ 'cache-control' ] ).toBe( 'no-store' );
	return ( await response.json() ).messages as Array< {
		role: string;
		body: string;
	} >;
}

test( 'a question the help pages answer gets a cited answer whose link opens the right section', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	await ask( page, 'How long does a refund take?' );

	const answer = page
		.locator( '.handoff-bot-chat__msg.is-bot.is-answer' )
		.last();
	await expect( answer ).toContainText( 'working days' );
	const source = answer.getByRole( 'link', { name: /Returns and refunds/ } );
	await expect( source ).toBeVisible();
	await expect( source ).toHaveAttribute(
		'href',
		/\/returns-and-refunds\/#refund-timing$/
	);

	await source.click();
	await expect( page ).toHaveURL( /\/returns-and-refunds\/#refund-timing$/ );
	await expect( page.locator( '#refund-timing' ) ).toHaveText(
		'Refund timing'
	);
	await expect( page.locator( '#refund-timing' ) ).toBeInViewport();
} );

test( 'a question the content cannot answer gets a plain "I don\'t know"', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	await ask( page, 'What is the airspeed velocity of an unladen swallow?' );
	const reply = page.locator( '.handoff-bot-chat__msg.is-bot' ).last();
	await expect( reply ).toHaveClass( /is-dont_know/ );
	await expect( reply ).toContainText( 'couldn’t find an answer' );
	await expect( reply.getByRole( 'link' ) ).toHaveCount( 0 );
} );

test( 'the conversation and its page trail survive navigation to another page', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	await ask( page, 'What are the shipping costs?' );
	await expect(
		page.locator( '.handoff-bot-chat__msg.is-answer' )
	).toContainText( '$4.95' );
	const before = await storedConversation( page );

	await page.goto( '/help-widget/' );
	await page.getByRole( 'button', { name: 'Chat with us' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'Chat with us' } );
	await expect(
		dialog.getByText( 'What are the shipping costs?' )
	).toBeVisible();
	await expect(
		dialog.locator( '.handoff-bot-chat__msg.is-answer' )
	).toContainText( '$4.95' );
	expect( ( await storedConversation( page ) ).id ).toBe( before.id );

	await ask( page, 'Can I pay with PayPal?' );
	await expect(
		dialog.locator( '.handoff-bot-chat__msg.is-answer' ).last()
	).toContainText( 'PayPal' );

	const trail = await page.request.post(
		`/wp-json/handoff-bot/v1/conversations/${ before.id }/pages`,
		{
			headers: { 'X-Handoff-Bot-Token': before.token },
			data: { page_url: page.url() },
		}
	);
	const urls = ( await trail.json() ).page_trail.map(
		( p: { url: string } ) => new URL( p.url ).pathname
	);
	expect( urls ).toEqual( [ '/help/', '/help-widget/' ] );
} );

test( 'a message sent while requests fail is kept, retried and stored exactly once', async ( {
	page,
} ) => {
	await page.goto( '/help/' );
	let attempts = 0;
	await page.route(
		'**/handoff-bot/v1/conversations/*/messages',
		async ( route ) => {
			if ( route.request().method() !== 'POST' ) {
				return route.continue();
			}
			attempts++;
			if ( attempts === 1 ) {
				// The server stores the message, but the answer never reaches the browser.
				await route.fetch();
				return route.abort( 'connectionreset' );
			}
			if ( attempts === 2 ) {
				// Then the network is down.
				return route.abort( 'internetdisconnected' );
			}
			return route.continue();
		}
	);

	await ask( page, 'Do you ship to post office boxes?' );
	const mine = page.locator( '.handoff-bot-chat__msg.is-visitor', {
		hasText: 'Do you ship to post office boxes?',
	} );
	await expect( mine ).toHaveCount( 1 );
	await expect( mine ).toContainText( 'Not sent yet' );

	await expect(
		page.locator( '.handoff-bot-chat__msg.is-answer' ).last()
	).toContainText( 'post office boxes', { timeout: 30_000 } );
	await expect( mine ).toHaveCount( 1 );
	await expect( mine ).not.toContainText( 'Not sent yet' );
	expect( attempts ).toBeGreaterThanOrEqual( 3 );

	const messages = await serverMessages(
		page,
		await storedConversation( page )
	);
	expect(
		messages.filter(
			( m ) =>
				m.role === 'visitor' &&
				m.body === 'Do you ship to post office boxes?'
		)
	).toHaveLength( 1 );
	expect( messages.filter( ( m ) => m.role === 'bot' ) ).toHaveLength( 1 );
} );

test( 'the open chat passes an accessibility scan and works from the keyboard', async ( {
	page,
} ) => {
	await page.goto( '/help-widget/' );
	const launcher = page.getByRole( 'button', { name: 'Chat with us' } );
	await launcher.focus();
	await page.keyboard.press( 'Enter' );
	const dialog = page.getByRole( 'dialog', { name: 'Chat with us' } );
	await expect( dialog ).toBeVisible();
	await expect(
		page.getByRole( 'textbox', { name: 'Your question' } )
	).toBeFocused();

	await page.keyboard.type( 'How do I reset my password?' );
	await page.keyboard.press( 'Enter' );
	await expect(
		dialog.locator( '.handoff-bot-chat__msg.is-answer' )
	).toContainText( 'Forgot password' );

	const scan = await new AxeBuilder( { page } )
		.include( '.wp-block-handoff-bot-chat' )
		.analyze();
	expect( scan.violations.map( ( v ) => `${ v.id }: ${ v.help }` ) ).toEqual(
		[]
	);

	// Focus stays inside the open panel.
	for ( let i = 0; i < 12; i++ ) {
		await page.keyboard.press( 'Tab' );
		expect(
			await dialog.evaluate( ( el ) =>
				el.contains( el.ownerDocument.activeElement )
			)
		).toBe( true );
	}
	await page.keyboard.press( 'Escape' );
	await expect( dialog ).toBeHidden();
	await expect( launcher ).toBeFocused();
	await expect( launcher ).toHaveAttribute( 'aria-expanded', 'false' );
} );

test( 'the chat fits a 360 px wide screen', async ( { page } ) => {
	await page.setViewportSize( { width: 360, height: 720 } );
	await page.goto( '/help-widget/' );
	await page.getByRole( 'button', { name: 'Chat with us' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'Chat with us' } );
	await expect( dialog ).toBeVisible();
	const box = await dialog.boundingBox();
	expect( box ).not.toBeNull();
	expect( box!.x ).toBeGreaterThanOrEqual( 0 );
	expect( box!.x + box!.width ).toBeLessThanOrEqual( 360 );
	await expect(
		page.getByRole( 'button', { name: 'Send' } )
	).toBeInViewport();
	expect(
		await page.evaluate( () => document.documentElement.scrollWidth )
	).toBeLessThanOrEqual( 360 );
} );

test( 'the floating launcher loads the full chat only when the visitor reaches for it', async ( {
	page,
} ) => {
	const chunks: string[] = [];
	page.on( 'request', ( r ) => {
		if ( /\/build\/chat\/app\.(js|css)/.test( r.url() ) ) {
			chunks.push( r.url() );
		}
	} );
	await page.goto( '/help-widget/', { waitUntil: 'networkidle' } );
	expect( chunks ).toEqual( [] );
	await page.getByRole( 'button', { name: 'Chat with us' } ).hover();
	await expect.poll( () => chunks.length ).toBeGreaterThan( 0 );
	await page.getByRole( 'button', { name: 'Chat with us' } ).click();
	await expect(
		page.getByRole( 'dialog', { name: 'Chat with us' } )
	).toBeVisible();

	// Compared with a page without the block, the only scripts added are the plugin's own:
	// no React, no classic wp-* scripts.
	const scriptsOf = () =>
		page.evaluate( () =>
			Array.from( document.querySelectorAll( 'script[src]' ) ).map(
				( s ) => new URL( ( s as HTMLScriptElement ).src ).pathname
			)
		);
	const withChat = await scriptsOf();
	await page.goto( '/shipping/' );
	const without = await scriptsOf();
	const added = withChat.filter( ( src ) => ! without.includes( src ) );
	expect( added.length ).toBeGreaterThan( 0 );
	expect(
		added.filter(
			( src ) =>
				! src.startsWith(
					'/wp-content/plugins/handoff-bot/build/chat/'
				)
		)
	).toEqual( [] );
} );

test( 'an administrator rebuilds the knowledge index with a progress bar', async ( {
	page,
} ) => {
	await logIn( page );
	await page.goto( '/wp-admin/admin.php?page=handoff-bot' );
	await expect(
		page.getByRole( 'heading', { name: 'Knowledge index' } )
	).toBeVisible();
	await expect( page.getByText( /of \d+ posts indexed/ ) ).toBeVisible();
	const screen = page.locator( '#handoff-bot-knowledge-root' );
	// Slow the batches down a little so the progress can be seen.
	await page.route( '**/handoff-bot/v1/index/rebuild**', async ( route ) => {
		await new Promise( ( resolve ) => setTimeout( resolve, 800 ) );
		await route.continue();
	} );
	await screen.getByRole( 'button', { name: 'Rebuild the index' } ).click();
	await expect( screen.getByRole( 'progressbar' ) ).toBeVisible();
	await expect(
		screen.getByText( /The index was rebuilt from \d+ posts\./ )
	).toBeVisible();
	await expect(
		screen.getByText( /^(\d+) of \1 posts indexed/ )
	).toBeVisible();
} );

test( 'a failed index update is shown until the index is rebuilt', async ( {
	page,
} ) => {
	// What the indexer records when the database refuses an update while a post is saved.
	sitePhp(
		"update_option( 'handoff_bot_index_error', array( 'message' => 'disk full', 'time' => time() ), false );"
	);
	await logIn( page );
	await page.goto( '/wp-admin/admin.php?page=handoff-bot' );
	const screen = page.locator( '#handoff-bot-knowledge-root' );
	const warning = screen.getByText( /An update of the index failed/ );
	await expect( warning ).toBeVisible();
	await screen.getByRole( 'button', { name: 'Rebuild the index' } ).click();
	await expect(
		screen.getByText( /The index was rebuilt from \d+ posts\./ )
	).toBeVisible();
	await expect( warning ).toHaveCount( 0 );
	await page.reload();
	await expect(
		page.getByRole( 'heading', { name: 'Knowledge index' } )
	).toBeVisible();
	await expect(
		screen.getByText( /An update of the index failed/ )
	).toHaveCount( 0 );
} );

test( 'a visitor over the new-conversation limit is told when the message will go out and how else to reach the site', async ( {
	page,
} ) => {
	// The hourly limit's window ends on the hour: not a moment to start this test.
	const toHour = 3600 - ( Math.floor( Date.now() / 1000 ) % 3600 );
	if ( toHour < 30 ) {
		await page.waitForTimeout( ( toHour + 2 ) * 1000 );
	}
	sitePhp(
		"( new HandoffBot\\Settings() )->update( array( 'rate_limit_new_conversations_per_hour' => 1 ) );"
	);
	try {
		// This hour's one new conversation from this address (taken already if an earlier test
		// started one).
		await page.request.post( '/wp-json/handoff-bot/v1/conversations', {
			data: {},
		} );

		await page.goto( '/help/' );
		await ask( page, 'Can I change my delivery address?' );
		const mine = page.locator( '.handoff-bot-chat__msg.is-visitor', {
			hasText: 'Can I change my delivery address?',
		} );
		const status = mine.locator( '.handoff-bot-chat__status' );
		await expect( status ).toHaveText(
			/^Not sent yet: this site has had too many chat requests from your network\. Your message will be sent automatically in about (\d+ (minutes?|seconds?)|1 hour) \(at \d{1,2}:\d{2}( [AP]M)?\)\. Need an answer sooner\? Contact us$/
		);
		await expect(
			status.getByRole( 'link', { name: 'Contact us' } )
		).toHaveAttribute( 'href', /\/contact-us\/$/ );

		// The message is kept: still there after a reload, waiting to be sent.
		await page.reload();
		await expect(
			page.locator( '.handoff-bot-chat__msg.is-visitor', {
				hasText: 'Can I change my delivery address?',
			} )
		).toContainText( 'Your message will be sent automatically' );
	} finally {
		sitePhp(
			"( new HandoffBot\\Settings() )->update( array( 'rate_limit_new_conversations_per_hour' => 10000 ) );"
		);
	}
} );
