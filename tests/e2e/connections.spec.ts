/**
 * The Connections screen against the real connections and deliveries routes: an administrator
 * adds an email inbox and a webhook (whose secret is shown once, then nowhere), sees a refused URL
 * at its field, edits and deletes with a confirmation, and sends a test whose delivery appears in
 * the log; with accessibility scans of the screen, the form, the secret dialog and the log.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { logIn } from './helpers';

const SCREEN = '/wp-admin/admin.php?page=handoff-bot-connections';
const PREFIX = 'E2E ';

type Connection = { id: string; label: string };

function apiFetch< T >(
	page: Page,
	options: { path: string; method?: string }
): Promise< T > {
	return page.evaluate(
		( request ) =>
			(
				window as unknown as {
					wp: {
						apiFetch: ( x: {
							path: string;
							method?: string;
						} ) => Promise< unknown >;
					};
				}
			 ).wp.apiFetch( request ),
		options
	) as Promise< T >;
}

/**
 * Deletes the connections this spec made (a run stopped halfway leaves some).
 * @param page A page of the screen.
 */
async function removeOurs( page: Page ) {
	const all = await apiFetch< Connection[] >( page, {
		path: '/handoff-bot/v1/connections',
	} );
	for ( const connection of all.filter( ( c ) =>
		c.label.startsWith( PREFIX )
	) ) {
		await apiFetch( page, {
			path: `/handoff-bot/v1/connections/${ connection.id }`,
			method: 'DELETE',
		} );
	}
}

async function openScreen( page: Page ): Promise< Locator > {
	await page.goto( SCREEN );
	const root = page.locator( '#handoff-bot-connections-root' );
	await expect(
		root.getByRole( 'heading', { name: 'Webhooks', exact: true } )
	).toBeVisible();
	return root;
}

async function scan( page: Page, selector: string ) {
	return (
		await new AxeBuilder( { page } ).include( selector ).analyze()
	).violations.map(
		( v ) =>
			`${ v.id }: ${ v.help } (${ v.nodes
				.map( ( n ) => n.target.join( ' ' ) )
				.join( ', ' ) })`
	);
}

test.beforeEach( async ( { page } ) => {
	await logIn( page );
	await openScreen( page );
	await removeOurs( page );
} );

test.afterEach( async ( { page } ) => {
	await removeOurs( page );
} );

test( 'an administrator adds, edits and deletes connections; a webhook’s secret is shown once; a test appears in the delivery log', async ( {
	page,
} ) => {
	const root = await openScreen( page );
	expect( await scan( page, '#handoff-bot-connections-root' ) ).toEqual( [] );

	// An email inbox, with a change note.
	await root.getByRole( 'button', { name: 'Add an email inbox' } ).click();
	const form = page.getByRole( 'dialog', { name: 'Add an email inbox' } );
	await form
		.getByLabel( 'Name', { exact: true } )
		.fill( `${ PREFIX }Help desk` );
	await form.getByLabel( 'Inbox address' ).fill( 'support@example.com' );
	await form
		.getByLabel( 'Change note (optional)' )
		.fill( 'Tickets go to the help desk.' );
	expect( await scan( page, '[role="dialog"]' ) ).toEqual( [] );
	await form.getByRole( 'button', { name: 'Add connection' } ).click();
	await expect( form ).toBeHidden();
	const inbox = root.locator( '.handoff-bot-connections__item', {
		hasText: `${ PREFIX }Help desk`,
	} );
	await expect( inbox ).toContainText( 'support@example.com' );
	await expect( inbox ).toContainText( 'Every team' );

	// A webhook whose URL is refused: the error is beside the field, which has the focus.
	await root.getByRole( 'button', { name: 'Add a webhook' } ).click();
	const hook = page.getByRole( 'dialog', { name: 'Add a webhook' } );
	await hook.getByLabel( 'Name', { exact: true } ).fill( `${ PREFIX }CRM` );
	const url = hook.getByLabel( 'Endpoint URL' );
	await url.fill( 'ftp://crm.example.com/hooks' );
	await hook.getByRole( 'button', { name: 'Add connection' } ).click();
	await expect( url ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( url ).toBeFocused();
	await expect( url ).toHaveAccessibleDescription(
		/Enter a full URL that starts with https:\/\//
	);
	expect( await scan( page, '[role="dialog"]' ) ).toEqual( [] );

	// Corrected, it is added, and its secret is shown once.
	await url.fill( 'https://crm.example.com/hooks' );
	await hook.getByRole( 'button', { name: 'Add connection' } ).click();
	const secretDialog = page.getByRole( 'dialog', {
		name: 'Copy the signing secret now',
	} );
	await expect( secretDialog ).toContainText( 'You won’t see it again' );
	const secret = await secretDialog
		.getByLabel( 'Signing secret' )
		.inputValue();
	expect( secret ).toMatch( /^whsec_[0-9a-f]{48}$/ );
	expect( await scan( page, '[role="dialog"]' ) ).toEqual( [] );
	await secretDialog
		.getByRole( 'button', { name: 'I have copied it' } )
		.click();
	await expect( secretDialog ).toBeHidden();
	await page.reload();
	await expect(
		root.getByRole( 'heading', { name: `${ PREFIX }CRM` } )
	).toBeVisible();
	expect( await page.content() ).not.toContain( secret );

	// Edited.
	await root.getByRole( 'button', { name: `Edit ${ PREFIX }CRM` } ).click();
	const edit = page.getByRole( 'dialog' );
	await edit
		.getByLabel( 'Name', { exact: true } )
		.fill( `${ PREFIX }Our CRM` );
	await edit.getByRole( 'button', { name: 'Save changes' } ).click();
	await expect( edit ).toBeHidden();
	await expect(
		root.getByRole( 'heading', { name: `${ PREFIX }Our CRM` } )
	).toBeVisible();

	// A test message to the inbox: its answer is shown, and its delivery is in the log.
	await root
		.getByRole( 'button', { name: `Send a test to ${ PREFIX }Help desk` } )
		.click();
	await expect( inbox ).toContainText( /The test (was sent|failed)/ );
	const log = root.locator( '.handoff-bot-connections__log-panel' );
	const row = log.getByRole( 'row', { name: /Test message/ } ).first();
	await expect( row ).toContainText( `${ PREFIX }Help desk` );
	await expect( row ).toContainText( /Sent|Failed/ );
	await expect( row ).toContainText( '1 of 1' );
	expect( await scan( page, '.handoff-bot-connections__log-panel' ) ).toEqual(
		[]
	);

	// Deleted after a confirmation; Cancel keeps it.
	await root
		.getByRole( 'button', { name: `Delete ${ PREFIX }Our CRM` } )
		.click();
	const confirm = page.getByRole( 'dialog' );
	await expect( confirm ).toContainText( 'Delete webhook' );
	await confirm.getByRole( 'button', { name: 'Cancel' } ).click();
	await expect(
		root.getByRole( 'heading', { name: `${ PREFIX }Our CRM` } )
	).toBeVisible();
	await root
		.getByRole( 'button', { name: `Delete ${ PREFIX }Our CRM` } )
		.click();
	await page
		.getByRole( 'dialog' )
		.getByRole( 'button', { name: 'Delete', exact: true } )
		.click();
	await expect(
		root.getByRole( 'heading', { name: `${ PREFIX }Our CRM` } )
	).toBeHidden();
	await expect( root ).toContainText( `“${ PREFIX }Our CRM” was deleted.` );
} );
