/**
 * The chat block in the editor.
 */
import { expect, test } from '@playwright/test';
import { logIn, sitePhp } from './helpers';

test( 'the floating chat’s preview sits in the middle of its card and of the content column', async ( {
	page,
} ) => {
	const id = sitePhp( "echo get_page_by_path( 'help-widget' )->ID;" );
	await logIn( page );
	await page.goto( `/wp-admin/post.php?post=${ id }&action=edit` );
	const guide = page.getByRole( 'dialog', { name: /welcome/i } );
	if ( await guide.isVisible( { timeout: 5000 } ).catch( () => false ) ) {
		await page.keyboard.press( 'Escape' );
	}
	const canvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
	const block = canvas.locator( '.wp-block-handoff-bot-chat' );
	const panel = block.locator( '.handoff-bot-chat__panel' );
	await expect( panel ).toContainText( 'Chat with us' );

	const card = await block.boundingBox();
	const inner = await panel.boundingBox();
	const column = await canvas
		.locator( '.wp-block-post-content p' )
		.first()
		.boundingBox();
	expect( card && inner && column ).toBeTruthy();
	if ( ! card || ! inner || ! column ) {
		return;
	}
	const middle = ( box: { x: number; width: number } ) =>
		box.x + box.width / 2;
	// The panel fills its card, and the card is centred in the column.
	expect( Math.abs( middle( inner ) - middle( card ) ) ).toBeLessThan( 2 );
	expect( Math.abs( inner.width - card.width ) ).toBeLessThan( 2 );
	expect( Math.abs( middle( card ) - middle( column ) ) ).toBeLessThan( 2 );
} );
