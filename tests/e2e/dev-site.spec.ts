/**
 * The development site that `npm start` and these tests serve: a help centre without WordPress's
 * sample content, quiet logs on a machine without internet, and a server that keeps its logs to
 * itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { logIn, sitePhp } from './helpers';

const SITE = path.resolve( '.wp', 'e2e' );

test( 'the demo site holds the help centre and none of WordPress’s sample content', async ( {
	page,
	request,
} ) => {
	const titles: string[] = JSON.parse(
		sitePhp(
			"echo wp_json_encode( wp_list_pluck( get_posts( array( 'post_type' => array( 'post', 'page' ), 'post_status' => 'any', 'numberposts' => -1 ) ), 'post_title' ) );"
		)
	);
	expect( titles ).toContain( 'Shipping' );
	expect( titles ).toContain( 'Help' );
	for ( const sample of [
		'Hello world!',
		'Sample Page',
		'Privacy Policy',
	] ) {
		expect( titles ).not.toContain( sample );
	}
	expect( ( await request.get( '/hello-world/' ) ).status() ).toBe( 404 );
	expect( ( await request.get( '/sample-page/' ) ).status() ).toBe( 404 );

	// Nor does the chat answer from it.
	await page.goto( '/help/' );
	const input = page.getByRole( 'textbox', { name: 'Your question' } );
	await input.fill( 'Welcome to WordPress. This is your first post.' );
	await input.press( 'Enter' );
	const reply = page.locator( '.handoff-bot-chat__msg.is-bot' ).nth( 1 );
	await expect( reply ).toBeVisible();
	await expect( reply ).not.toContainText( 'first post' );
	await expect(
		reply.locator( 'a[href*="hello-world"], a[href*="sample-page"]' )
	).toHaveCount( 0 );
} );

test( 'an administrator’s visit leaves no update-check warning in debug.log', async ( {
	page,
} ) => {
	await logIn( page );
	await page.goto( '/wp-admin/update-core.php' );
	await expect(
		page.getByRole( 'heading', { name: 'WordPress Updates' } )
	).toBeVisible();
	await page.goto( '/wp-admin/plugins.php' );
	await page.goto( '/wp-admin/themes.php' );
	const log = path.join( SITE, 'debug.log' );
	const text = fs.existsSync( log ) ? fs.readFileSync( log, 'utf8' ) : '';
	expect( text ).not.toMatch(
		/wp_version_check|wp_update_plugins|wp_update_themes|An unexpected error occurred/
	);
} );

test( 'the server refuses its logs and a NUL byte', async ( { request } ) => {
	for ( const log of [ '/debug.log', '/server.log' ] ) {
		const response = await request.get( log );
		expect( response.status(), log ).toBe( 404 );
		expect( await response.text() ).not.toContain( 'GET /' );
	}
	expect( ( await request.get( '/%00' ) ).status() ).toBe( 400 );
	expect( ( await request.get( '/index.php%00.css' ) ).status() ).toBe( 400 );
} );
