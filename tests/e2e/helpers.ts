/**
 * Shared steps for the end-to-end tests.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
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

/**
 * Runs PHP inside the end-to-end site's WordPress (to put the site in a state a test needs).
 * @param code PHP statements.
 */
export function sitePhp( code: string ): string {
	const load = path.resolve(
		'.wp',
		process.env.HANDOFF_BOT_E2E_SITE || 'e2e',
		'wp-load.php'
	);
	return execFileSync(
		'php',
		[
			'-r',
			`$_SERVER['HTTP_HOST'] = 'localhost'; require ${ JSON.stringify(
				load
			) }; ${ code }`,
		],
		{ encoding: 'utf8' }
	);
}
