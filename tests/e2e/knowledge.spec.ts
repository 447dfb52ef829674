/**
 * The Knowledge screen: excluded posts chosen by title, field errors from the server's refusals,
 * and an accessible layout.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { logIn, sitePhp } from './helpers';

const SCREEN = '/wp-admin/admin.php?page=handoff-bot';

async function openScreen( page: Page ) {
	await page.goto( SCREEN );
	await expect(
		page.getByRole( 'heading', { name: 'Knowledge index' } )
	).toBeVisible();
	return page.locator( '#handoff-bot-knowledge-root' );
}

function storedSettings(): Record< string, unknown > {
	return JSON.parse(
		sitePhp(
			'echo wp_json_encode( ( new HandoffBot\\Settings() )->all() );'
		)
	);
}

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test.afterAll( () => {
	sitePhp(
		"( new HandoffBot\\Settings() )->update( array( 'excluded_posts' => array() ) );"
	);
} );

test( 'an administrator excludes a post by searching its title, and it shows by title after a reload', async ( {
	page,
} ) => {
	const troubleshooting = Number(
		sitePhp( "echo get_page_by_path( 'troubleshooting' )->ID;" )
	);
	let screen = await openScreen( page );
	await expect( screen.getByText( 'No post is excluded.' ) ).toBeVisible();

	const search = screen.getByRole( 'combobox', { name: 'Exclude a post' } );
	await search.fill( 'trouble' );
	const option = page.getByRole( 'option', { name: 'Troubleshooting' } );
	await expect( option ).toBeVisible();
	await option.click();

	const list = screen.getByRole( 'list', { name: 'Excluded posts' } );
	await expect( list.getByRole( 'listitem' ) ).toHaveCount( 1 );
	await expect( list ).toContainText( 'Troubleshooting' );
	await expect( list ).toContainText( 'Page' );
	await screen.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect( screen.getByText( 'Settings saved.' ) ).toBeVisible();
	expect( storedSettings().excluded_posts ).toEqual( [ troubleshooting ] );
	// One changed post applies at once: the index has one post less to answer from.
	await expect( screen.getByText( /^9 of 9 posts indexed/ ) ).toBeVisible();

	await page.reload();
	screen = await openScreen( page );
	const saved = screen.getByRole( 'list', { name: 'Excluded posts' } );
	await expect( saved.getByRole( 'listitem' ) ).toHaveCount( 1 );
	await expect( saved ).toContainText( 'Troubleshooting' );
	await expect( saved ).not.toContainText( `#${ troubleshooting }` );

	// Removing it and saving includes it again.
	await saved
		.getByRole( 'button', {
			name: 'Remove “Troubleshooting” from the excluded posts',
		} )
		.click();
	await expect( screen.getByText( 'No post is excluded.' ) ).toBeVisible();
	await screen.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect( screen.getByText( 'Settings saved.' ) ).toBeVisible();
	expect( storedSettings().excluded_posts ).toEqual( [] );
} );

test( 'a value the server refuses shows its error under the field, and nothing is saved', async ( {
	page,
} ) => {
	const before = storedSettings();
	const screen = await openScreen( page );
	const field = screen.getByRole( 'spinbutton', {
		name: 'Requests per minute from one address',
	} );
	await field.fill( '0' );
	await screen.getByRole( 'button', { name: 'Save settings' } ).click();

	await expect(
		screen.getByText(
			'The settings were not saved. Correct the fields marked below and save again.'
		)
	).toBeVisible();
	await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( field ).toHaveAccessibleDescription(
		/must be between 1 \(inclusive\) and 10000 \(inclusive\)/
	);
	await expect( field ).toBeFocused();
	const error = screen.locator( '.handoff-bot-knowledge__field-error' );
	await expect( error ).toHaveCount( 1 );
	await expect( error ).toHaveText(
		'Requests per minute from one address must be between 1 (inclusive) and 10000 (inclusive)'
	);
	expect( storedSettings() ).toEqual( before );

	// An emptied number is caught before it is sent.
	await field.fill( '' );
	await screen.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect( error ).toHaveText( 'Enter a number.' );
	expect( storedSettings() ).toEqual( before );
} );

test( 'the Knowledge screen passes an accessibility scan, with an excluded post and a field error', async ( {
	page,
} ) => {
	const shipping = Number(
		sitePhp( "echo get_page_by_path( 'shipping' )->ID;" )
	);
	sitePhp(
		`( new HandoffBot\\Settings() )->update( array( 'excluded_posts' => array( ${ shipping } ) ) );`
	);
	const screen = await openScreen( page );
	await expect(
		screen.getByRole( 'list', { name: 'Excluded posts' } )
	).toContainText( 'Shipping' );
	const scan = async () =>
		(
			await new AxeBuilder( { page } )
				.include( '#handoff-bot-knowledge-root' )
				.analyze()
		).violations.map(
			( v ) =>
				`${ v.id }: ${ v.help } (${ v.nodes
					.map( ( n ) => n.target.join( ' ' ) )
					.join( ', ' ) })`
		);
	expect( await scan() ).toEqual( [] );

	await screen
		.getByRole( 'spinbutton', { name: 'Longest message (characters)' } )
		.fill( '10' );
	await screen.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect(
		screen.locator( '.handoff-bot-knowledge__field-error' )
	).toBeVisible();
	expect( await scan() ).toEqual( [] );

	await page.setViewportSize( { width: 1280, height: 900 } );
	await page.screenshot( {
		path: test.info().outputPath( 'knowledge-screen.png' ),
		fullPage: true,
	} );
} );
