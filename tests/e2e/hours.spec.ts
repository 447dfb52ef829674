/**
 * The Teams and hours screen against the real availability routes: a weekday's hours, a holiday
 * and a team with an agent edited (partly by keyboard alone), the seven-day preview following the
 * edits, a save with a change note that survives a reload; an inverted range refused at its field
 * with nothing saved; and accessibility scans of the screen, the save dialog and the refused
 * state.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { logIn } from './helpers';

const SCREEN = '/wp-admin/admin.php?page=handoff-bot-hours';

type Interval = { open: string; close: string };
type DayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
type Availability = {
	hours: Record< DayKey, Interval[] >;
	holidays: Array< { date: string; label: string; yearly: boolean } >;
	teams: Array< {
		name: string;
		label: string;
		agents: number[];
		hours: unknown;
	} >;
	callback: boolean;
};
type State = {
	version: number;
	availability: Availability;
	next_days: Array< { date: string; day: DayKey } >;
	agents: Array< { id: number; name: string } >;
};

const DAY_NAMES: Record< DayKey, string > = {
	mon: 'Monday',
	tue: 'Tuesday',
	wed: 'Wednesday',
	thu: 'Thursday',
	fri: 'Friday',
	sat: 'Saturday',
	sun: 'Sunday',
};

/**
 * GET /availability as the signed-in admin, through the screen's own apiFetch (which carries
 * the nonce).
 * @param page A page of the screen.
 */
function availability( page: Page ): Promise< State > {
	return page.evaluate( () =>
		(
			window as unknown as {
				wp: {
					apiFetch: ( x: { path: string } ) => Promise< unknown >;
				};
			}
		 ).wp.apiFetch( { path: '/handoff-bot/v1/availability' } )
	) as Promise< State >;
}

async function openScreen( page: Page ): Promise< Locator > {
	await page.goto( SCREEN );
	const root = page.locator( '#handoff-bot-hours-root' );
	await expect(
		root.getByRole( 'heading', { name: 'Hours', exact: true } )
	).toBeVisible();
	return root;
}

async function scan( page: Page, selector = '#handoff-bot-hours-root' ) {
	return (
		await new AxeBuilder( { page } ).include( selector ).analyze()
	).violations.map(
		( v ) =>
			`${ v.id }: ${ v.help } (${ v.nodes
				.map( ( n ) => n.target.join( ' ' ) )
				.join( ', ' ) })`
	);
}

/**
 * The hours cell of a day of the seven-day preview.
 * @param root  The screen.
 * @param index The day, from 0 (today).
 */
function previewHours( root: Locator, index: number ): Locator {
	return root
		.getByRole( 'table', { name: /The next seven days/ } )
		.getByRole( 'row' )
		.nth( index + 1 )
		.getByRole( 'cell' )
		.last();
}

/**
 * The first interval of a day, adding one when the day is closed.
 * @param root The screen.
 * @param day  The weekday.
 */
async function firstInterval( root: Locator, day: DayKey ): Promise< Locator > {
	const interval = root.getByRole( 'group', {
		name: `${ DAY_NAMES[ day ] }, interval 1`,
		exact: true,
	} );
	if ( ! ( await interval.count() ) ) {
		await root
			.getByRole( 'button', {
				name: `Add hours to ${ DAY_NAMES[ day ] }`,
			} )
			.click();
	}
	return interval;
}

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'an administrator edits a weekday’s hours, adds a holiday and a team with an agent, sees the preview follow, saves with a note, and finds it all after a reload', async ( {
	page,
} ) => {
	const root = await openScreen( page );
	const before = await availability( page );
	const [ , holidayDay, , hoursDay ] = before.next_days;
	if ( ! holidayDay || ! hoursDay ) {
		throw new Error( 'The preview has fewer than seven days.' );
	}
	const agent = before.agents[ 0 ];
	if ( ! agent ) {
		throw new Error( 'No user may answer handoffs.' );
	}
	await expect(
		root.getByRole( 'table', { name: /The next seven days/ } )
	).toContainText( DAY_NAMES[ hoursDay.day ] );

	// The fourth day of the preview opens earlier and closes later.
	const interval = await firstInterval( root, hoursDay.day );
	await interval.getByLabel( 'Opens' ).fill( '07:30' );
	await interval.getByLabel( 'Closes' ).fill( '19:15' );
	await expect( previewHours( root, 3 ) ).toHaveText( /^07:30–19:15/ );
	await expect( root.getByText( 'With your unsaved edits' ) ).toBeVisible();

	// The second day becomes a one-off holiday.
	await root.getByRole( 'button', { name: 'Add a holiday' } ).click();
	const holiday = root.getByRole( 'group', {
		name: `Holiday ${ before.availability.holidays.length + 1 }`,
		exact: true,
	} );
	await expect( holiday.getByLabel( 'Date' ) ).toBeFocused();
	await holiday.getByLabel( 'Date' ).fill( holidayDay.date );
	await holiday.getByLabel( 'Name' ).fill( 'Stocktake' );
	await expect( previewHours( root, 1 ) ).toHaveText(
		'Closed: Stocktake (holiday)'
	);

	// A team, by keyboard alone: its label, then (past its name) its first agent.
	await root.getByRole( 'button', { name: 'Add a team' } ).focus();
	await page.keyboard.press( 'Enter' );
	await expect( root.getByLabel( 'Label' ).last() ).toBeFocused();
	await page.keyboard.type( 'Night shift' );
	await page.keyboard.press( 'Tab' );
	await expect(
		root.getByLabel( 'Name used by the rules' ).last()
	).toBeFocused();
	await expect(
		root.getByLabel( 'Name used by the rules' ).last()
	).toHaveValue( 'night_shift' );
	await page.keyboard.press( 'Tab' );
	const agents = root.getByRole( 'group', {
		name: 'Agents of Night shift',
		exact: true,
	} );
	const box = agents.getByRole( 'checkbox', {
		name: agent.name,
		exact: true,
	} );
	await expect( agents.getByRole( 'checkbox' ).first() ).toBeFocused();
	await box.focus();
	await page.keyboard.press( 'Space' );
	await expect( box ).toBeChecked();
	await expect( root.getByText( 'You have unsaved edits.' ) ).toBeVisible();

	await page.setViewportSize( { width: 1280, height: 900 } );
	expect( await scan( page ) ).toEqual( [] );
	await page.screenshot( {
		path: test.info().outputPath( 'hours-edited.png' ),
		fullPage: true,
	} );

	// Saving asks for a change note.
	await root
		.getByRole( 'button', { name: 'Save the hours and teams…' } )
		.click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Save the hours and teams',
	} );
	await dialog.getByRole( 'button', { name: 'Save', exact: true } ).click();
	const note = dialog.getByLabel( 'Change note (required)' );
	await expect( note ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( note ).toBeFocused();
	expect( await scan( page, '.components-modal__frame' ) ).toEqual( [] );
	await note.fill( 'Longer hours, a stocktake day and a night shift' );
	await dialog
		.getByLabel( 'Expected impact' )
		.fill( 'Fewer after-hours tickets' );
	await dialog.getByRole( 'button', { name: 'Save', exact: true } ).click();
	await expect( dialog ).toBeHidden();
	await expect(
		root.getByText(
			`The hours and teams were saved as version ${ before.version + 1 }.`
		)
	).toBeVisible();
	await expect( root.getByText( 'You have unsaved edits.' ) ).toBeHidden();

	const stored = await availability( page );
	expect( stored.version ).toBe( before.version + 1 );
	expect( stored.availability.hours[ hoursDay.day ][ 0 ] ).toEqual( {
		open: '07:30',
		close: '19:15',
	} );
	expect( stored.availability.holidays ).toContainEqual( {
		date: holidayDay.date,
		label: 'Stocktake',
		yearly: false,
	} );
	expect( stored.availability.teams ).toContainEqual( {
		name: 'night_shift',
		label: 'Night shift',
		agents: [ agent.id ],
		hours: null,
	} );

	// After a reload, the screen shows what was saved.
	const again = await openScreen( page );
	await expect(
		again.getByText( `Version ${ before.version + 1 } is in force.` )
	).toBeVisible();
	const kept = again.getByRole( 'group', {
		name: `${ DAY_NAMES[ hoursDay.day ] }, interval 1`,
		exact: true,
	} );
	await expect( kept.getByLabel( 'Opens' ) ).toHaveValue( '07:30' );
	await expect( kept.getByLabel( 'Closes' ) ).toHaveValue( '19:15' );
	await expect( previewHours( again, 3 ) ).toHaveText( /^07:30–19:15/ );
	await expect( previewHours( again, 1 ) ).toHaveText(
		'Closed: Stocktake (holiday)'
	);
	await expect( again.getByText( 'With your unsaved edits' ) ).toBeHidden();
	await expect(
		again
			.getByRole( 'group', {
				name: 'Agents of Night shift',
				exact: true,
			} )
			.getByRole( 'checkbox', { name: agent.name, exact: true } )
	).toBeChecked();
} );

test( 'an inverted range shows its message at the field and nothing is saved', async ( {
	page,
} ) => {
	const root = await openScreen( page );
	const before = await availability( page );
	const day =
		( Object.keys( DAY_NAMES ) as DayKey[] ).find(
			( key ) => before.availability.hours[ key ].length > 0
		) ?? 'mon';
	const interval = await firstInterval( root, day );
	await interval.getByLabel( 'Opens' ).fill( '18:00' );
	await interval.getByLabel( 'Closes' ).fill( '08:00' );

	await root
		.getByRole( 'button', { name: 'Save the hours and teams…' } )
		.click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Save the hours and teams',
	} );
	await dialog.getByLabel( 'Change note (required)' ).fill( 'Evening hours' );
	await dialog.getByRole( 'button', { name: 'Save', exact: true } ).click();
	await expect( dialog ).toBeHidden();

	await expect(
		root.getByText(
			'The hours and teams were not saved. Correct the fields marked below and save again; your edits are kept.'
		)
	).toBeVisible();
	const closes = interval.getByLabel( 'Closes' );
	await expect( closes ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( closes ).toHaveAccessibleDescription(
		'Close after the opening time (hours past midnight go on the next day).'
	);
	await expect( closes ).toBeFocused();
	await expect( closes ).toHaveValue( '08:00' );
	await expect( root.getByText( 'You have unsaved edits.' ) ).toBeVisible();

	const after = await availability( page );
	expect( after.version ).toBe( before.version );
	expect( after.availability ).toEqual( before.availability );
	expect( await scan( page ) ).toEqual( [] );
} );
