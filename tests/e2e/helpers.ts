/**
 * Shared steps for the end-to-end tests.
 */
import { expect, type Page } from '@playwright/test';

export const ADMIN = { user: 'admin', password: 'password' };

/**
 * Signs in through the real login form.
 * @param page
 */
export async function logIn( page: Page ): Promise< void > {
	await page.goto( '/wp-login.php' );
	await page.getByLabel( 'Username or Email Address' ).fill( ADMIN.user );
	await page.getByLabel( 'Password', { exact: true } ).fill( ADMIN.password );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
	await expect( page ).toHaveURL( /wp-admin/ );
}
