/**
 * The plugin is installed on a real WordPress: the block shows on the demo pages, in the editor, and
 * the admin can log in.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, logIn } from './helpers';

test( 'the Help page shows the chat block', async ( { page } ) => {
	await page.goto( '/help/' );
	const chat = page.locator( '.wp-block-handoff-bot-chat' );
	await expect( chat ).toBeVisible();
	await expect(
		chat.getByRole( 'heading', { name: 'Ask our assistant' } )
	).toBeVisible();
	await expect(
		chat.getByRole( 'textbox', { name: 'Your question' } )
	).toBeVisible();
	await expect( chat.getByRole( 'log' ) ).toContainText( 'Ask me anything' );
} );

test( 'the floating launcher opens the chat panel', async ( { page } ) => {
	await page.goto( '/help-widget/' );
	const launcher = page.getByRole( 'button', { name: 'Chat with us' } );
	await expect( launcher ).toBeVisible();
	await expect(
		page.getByRole( 'textbox', { name: 'Your question' } )
	).toBeHidden();
	await launcher.click();
	await expect( launcher ).toHaveAttribute( 'aria-expanded', 'true' );
	await expect(
		page.getByRole( 'textbox', { name: 'Your question' } )
	).toBeVisible();
} );

test( 'a page without the block loads nothing of the plugin', async ( {
	page,
} ) => {
	const ours: string[] = [];
	page.on( 'request', ( request ) => {
		if ( request.url().includes( '/plugins/handoff-bot/' ) ) {
			ours.push( request.url() );
		}
	} );
	await page.goto( '/shipping/' );
	await expect(
		page.getByRole( 'heading', { name: 'Delivery times' } )
	).toBeVisible();
	const html = await page.content();
	expect( ours ).toEqual( [] );
	expect( html ).not.toContain( 'handoff-bot' );
} );

test( 'the printed admin credentials log in to wp-admin', async ( {
	page,
} ) => {
	await logIn( page );
	await expect(
		page.getByRole( 'heading', { name: 'Dashboard', level: 1 } )
	).toBeVisible();
	await page.goto( '/wp-admin/plugins.php' );
	const row = page.locator( 'tr[data-slug="handoff-bot"]' );
	await expect( row ).toHaveClass( /active/ );
	expect( ADMIN.user ).toBe( 'admin' );
} );

test( 'the block is in the inserter and renders in the editor', async ( {
	page,
} ) => {
	await logIn( page );
	await page.goto( '/wp-admin/post-new.php' );
	// The welcome guide opens on a fresh site.
	const guide = page.getByRole( 'dialog', { name: /welcome/i } );
	if ( await guide.isVisible( { timeout: 5000 } ).catch( () => false ) ) {
		await page.keyboard.press( 'Escape' );
	}
	await page
		.getByRole( 'button', { name: /block inserter/i } )
		.first()
		.click();
	await page
		.getByRole( 'searchbox', { name: /search/i } )
		.fill( 'Help chat' );
	await page.getByRole( 'option', { name: 'Help chat' } ).click();
	const canvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
	const block = canvas.locator( '.wp-block-handoff-bot-chat' );
	await expect( block ).toBeVisible();
	await expect( block ).toContainText( 'Questions? Ask us' );
	await expect(
		page
			.getByRole( 'region', { name: /editor settings/i } )
			.getByText( 'Chat settings' )
	).toBeVisible();
} );
