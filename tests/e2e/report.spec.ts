/**
 * The handoff report end to end, on data seeded through the repositories
 * (fixtures/report-seed.php): an admin opens the report, reads the last 30 days against the
 * previous period, changes to the last 7 days, opens the reason codes as a table, exports it as
 * CSV (whose rows are the table's), drills down from a reason code to the conversations behind it
 * and opens one with its brief (back to the same list, focus on what opened it); an admin opens an
 * alert's investigation from its link and drills down from a step, has a refused alert setting
 * explained under its field (and not saved), completes the monthly checklist (a note then a tick,
 * still done, with the admin's name, after a reload), marks a sampled conversation reviewed and
 * follows an item to the report for the review's month. Each view is scanned for accessibility
 * problems, and other screens load nothing of the report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { logIn, sitePhp } from './helpers';

const SCREEN = '/wp-admin/admin.php?page=handoff-bot-report';

type Seeded = Record<
	'asked_live' | 'asked_ticket' | 'old_asked' | 'alert',
	{ conversation_id: number; handoff_id: number; question: string }
>;

let seeded: Seeded;

test.beforeAll( () => {
	const fixture = path.resolve( 'tests/e2e/fixtures/report-seed.php' );
	seeded = JSON.parse(
		sitePhp( `require ${ JSON.stringify( fixture ) };` )
	) as Seeded;
} );

async function axeViolations( page: Page ): Promise< string[] > {
	const axe = await new AxeBuilder( { page } )
		.include( '#handoff-bot-report-root' )
		.analyze();
	return axe.violations.map(
		( v ) =>
			`${ v.id }: ${ v.help } (${ v.nodes
				.map( ( n ) => n.target.join( ' ' ) )
				.join( ', ' ) })`
	);
}

/**
 * A table's rows as the screen shows them (the row header and cells, without the drill column).
 * @param table   The table.
 * @param columns How many columns hold figures.
 */
async function tableRows(
	table: Locator,
	columns: number
): Promise< string[][] > {
	const header = (
		await table.locator( 'thead th' ).allTextContents()
	).slice( 0, columns );
	const rows: string[][] = [ header ];
	for ( const row of await table.locator( 'tbody tr' ).all() ) {
		const cells = await row.locator( 'th, td' ).allTextContents();
		rows.push( cells.slice( 0, columns ) );
	}
	return rows;
}

function figure( page: Page, id: string ): Locator {
	return page.locator( `[data-figure="${ id }"] .handoff-bot-report__value` );
}

test( 'an admin reads the report, changes the period, exports a table and drills down to a conversation', async ( {
	page,
} ) => {
	const root = page.locator( '#handoff-bot-report-root' );
	await logIn( page );

	// The dashboard loads nothing of the report.
	const scripts: string[] = [];
	page.on( 'request', ( request ) => {
		if ( request.url().includes( '/build/admin/report/' ) ) {
			scripts.push( request.url() );
		}
	} );
	await page.goto( '/wp-admin/index.php' );
	await expect(
		page.getByRole( 'heading', { name: 'Dashboard', level: 1 } )
	).toBeVisible();
	expect( scripts ).toEqual( [] );

	await page.goto( SCREEN );
	expect( scripts.some( ( url ) => url.includes( 'index.js' ) ) ).toBe(
		true
	);
	await expect(
		page.getByRole( 'heading', { name: 'Handoff report', level: 1 } )
	).toBeVisible();

	// The last 30 days (the default), compared with the 30 days before.
	await expect(
		root.getByText(
			/^Showing .* \(30 days\), compared with .* \(30 days\)\.$/
		)
	).toBeVisible();
	await expect( figure( page, 'conversations' ) ).toHaveText( '8' );
	await expect( figure( page, 'handoffs' ) ).toHaveText( '5' );
	await expect( figure( page, 'escalation_rate' ) ).toHaveText( '62.5%' );
	await expect(
		page.locator( '[data-figure="handoffs"] .handoff-bot-report__change' )
	).toHaveText( '+5 from the previous period' );
	expect( await axeViolations( page ) ).toEqual( [] );

	// The last 7 days: the conversations of twenty days ago drop out.
	await root
		.getByLabel( 'Period', { exact: true } )
		.selectOption( 'last_7_days' );
	await expect(
		root.getByText( /^Showing .* \(7 days\), compared/ )
	).toBeVisible();
	await expect( figure( page, 'conversations' ) ).toHaveText( '5' );
	await expect( figure( page, 'handoffs' ) ).toHaveText( '3' );
	await expect( figure( page, 'escalation_rate' ) ).toHaveText( '60%' );

	// The reason codes, as a table.
	await root.getByRole( 'tab', { name: 'Signals' } ).click();
	const reasons = root.getByRole( 'region', { name: '10. Reason codes' } );
	await expect( reasons ).toBeVisible();
	const breakdown = reasons.locator( '[data-block="reasons"]' );
	await breakdown.getByLabel( 'Show as table' ).check();
	const table = breakdown.getByRole( 'table', { name: 'Breakdown' } );
	await expect( table ).toBeVisible();
	const asked = table.getByRole( 'row', { name: /Asked for a person/ } );
	await expect( asked.locator( 'td' ).nth( 1 ) ).toHaveText( '2' );
	await expect(
		table
			.getByRole( 'row', { name: /Low confidence/ } )
			.locator( 'td' )
			.nth( 1 )
	).toHaveText( '1' );
	await expect(
		table
			.getByRole( 'row', { name: /Missing knowledge/ } )
			.locator( 'td' )
			.nth( 1 )
	).toHaveText( '0' );
	expect( await axeViolations( page ) ).toEqual( [] );

	// Its CSV holds the rows the screen shows.
	const [ download ] = await Promise.all( [
		page.waitForEvent( 'download' ),
		breakdown.getByRole( 'button', { name: 'Download CSV' } ).click(),
	] );
	expect( download.suggestedFilename() ).toMatch(
		/^handoff-report-reasons-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/
	);
	const csv = readFileSync( ( await download.path() ) as string, 'utf8' );
	const csvRows = csv
		.trimEnd()
		.split( '\r\n' )
		.map( ( line ) => line.split( ',' ) );
	const shown = await tableRows( table, 4 );
	expect( csvRows ).toEqual( shown );
	expect( csvRows.length ).toBeGreaterThanOrEqual( 9 );

	// Drill down from the reason code to the conversations behind it.
	await table
		.getByRole( 'button', {
			name: 'View conversations: Asked for a person',
		} )
		.click();
	const drill = root.getByRole( 'region', {
		name: /^Conversations: Asked for a person \(2\)$/,
	} );
	await expect( drill ).toBeVisible();
	await expect( drill.locator( 'tbody tr' ) ).toHaveCount( 2 );
	const open = drill.getByRole( 'button', {
		name: `Conversation ${ seeded.asked_live.conversation_id }: open it with its brief`,
	} );
	await expect( open ).toBeVisible();
	await expect(
		drill.getByRole( 'button', {
			name: `Conversation ${ seeded.asked_ticket.conversation_id }: open it with its brief`,
		} )
	).toBeVisible();
	// The older one is outside the last 7 days.
	await expect(
		drill.getByRole( 'button', {
			name: `Conversation ${ seeded.old_asked.conversation_id }: open it with its brief`,
		} )
	).toHaveCount( 0 );
	expect( await axeViolations( page ) ).toEqual( [] );

	// And to the conversation with its brief.
	await open.click();
	const conversation = root.getByRole( 'article', {
		name: `Conversation ${ seeded.asked_live.conversation_id }`,
	} );
	await expect( conversation ).toBeVisible();
	const brief = conversation.getByRole( 'complementary', { name: 'Brief' } );
	await expect( brief ).toContainText( 'Asked for a person' );
	await expect(
		conversation.getByRole( 'log', { name: 'Conversation' } )
	).toContainText( seeded.asked_live.question );
	expect( await axeViolations( page ) ).toEqual( [] );

	// Back to the list: the same list, with focus on the conversation that was opened.
	await conversation
		.getByRole( 'button', { name: 'Back to the list' } )
		.click();
	await expect( drill ).toBeVisible();
	await expect( drill.locator( 'tbody tr' ) ).toHaveCount( 2 );
	await expect( open ).toBeFocused();

	// Closing the list gives focus back to the row's button that opened it.
	await drill.getByRole( 'button', { name: 'Close' } ).click();
	await expect( drill ).toHaveCount( 0 );
	await expect(
		table.getByRole( 'button', {
			name: 'View conversations: Asked for a person',
		} )
	).toBeFocused();
} );

test( 'a period with no conversations says so, without NaN', async ( {
	page,
} ) => {
	const root = page.locator( '#handoff-bot-report-root' );
	await logIn( page );
	await page.goto( SCREEN );
	await root.getByLabel( 'Period', { exact: true } ).selectOption( 'custom' );
	await root
		.getByRole( 'textbox', { name: 'From', exact: true } )
		.fill( '2020-01-01' );
	await root
		.getByRole( 'textbox', { name: 'To', exact: true } )
		.fill( '2019-12-01' );
	await root.getByRole( 'button', { name: 'Show' } ).click();
	await expect( root.getByRole( 'alert' ) ).toHaveText(
		'The last day must be on or after the first day.'
	);
	await root
		.getByRole( 'textbox', { name: 'To', exact: true } )
		.fill( '2020-01-31' );
	await root.getByRole( 'button', { name: 'Show' } ).click();
	await expect(
		root.getByText( /^Showing 2020-01-01 to 2020-01-31 \(31 days\)/ )
	).toBeVisible();
	await expect(
		root.getByText( /No conversations started in this period/ )
	).toBeVisible();
	await expect( figure( page, 'escalation_rate' ) ).toHaveText( '—' );
	await root.getByRole( 'tab', { name: 'Signals' } ).click();
	// Every chart of the page says so; none draws an empty chart.
	const blocks = root.locator( '[data-block]' );
	const count = await blocks.count();
	expect( count ).toBeGreaterThanOrEqual( 10 );
	await expect(
		root.getByText( 'Nothing to show for this period.' )
	).toHaveCount( count );
	await expect( root.locator( 'canvas' ) ).toHaveCount( 0 );
	await expect( root ).not.toContainText( 'NaN' );
	expect( await axeViolations( page ) ).toEqual( [] );
} );

test( 'an admin investigates an alert, completes the monthly checklist and reviews a sample', async ( {
	page,
} ) => {
	const root = page.locator( '#handoff-bot-report-root' );
	const alertId = seeded.alert.handoff_id;
	expect( alertId ).toBeGreaterThan( 0 );
	await logIn( page );

	// The dashboard widget's link opens the alert's investigation.
	await page.goto( `${ SCREEN }&alert=${ alertId }` );
	const investigation = root.getByRole( 'region', {
		name: /^Investigation: shipping takes 66\.7/,
	} );
	await expect( investigation ).toBeVisible();
	const steps = investigation.locator( 'ol > li' );
	await expect( steps.first().locator( 'h3' ) ).toHaveText( /^Step 1: / );
	expect( await steps.count() ).toBeGreaterThanOrEqual( 2 );
	await expect( steps.first().locator( 'table' ) ).toBeVisible();
	// The alert is listed, with why and when.
	const alerts = root.getByRole( 'region', { name: 'Alerts' } );
	await expect(
		alerts.locator( `[data-alert="${ alertId }"]` )
	).toContainText( 'One topic took more than the share of handoffs set.' );
	expect( await axeViolations( page ) ).toEqual( [] );

	// A step's drill-down lists the conversations behind it: the week's two shipping handoffs.
	await steps
		.first()
		.getByRole( 'button', {
			name: /^View the conversations behind this step/,
		} )
		.click();
	const drill = root.getByRole( 'region', {
		name: /^Conversations: .*\(2\)$/,
	} );
	await expect( drill ).toBeVisible();
	await expect(
		drill.getByRole( 'button', {
			name: `Conversation ${ seeded.asked_live.conversation_id }: open it with its brief`,
		} )
	).toBeVisible();
	await drill.getByRole( 'button', { name: 'Close' } ).click();
	await expect(
		steps.first().getByRole( 'button', {
			name: /^View the conversations behind this step/,
		} )
	).toBeFocused();

	// The alert settings: a refused value is explained under its field, in its words, and not saved.
	await root.getByRole( 'button', { name: 'Alert settings' } ).click();
	const settings = root.getByRole( 'region', { name: 'Alert settings' } );
	await expect( settings.getByLabel( 'Window (days)' ) ).toHaveValue( '7' );
	await settings.getByLabel( 'Window (days)' ).fill( '3' );
	await settings
		.getByRole( 'button', { name: 'Save alert settings' } )
		.click();
	const windowDays = settings.getByLabel( 'Window (days)' );
	await expect( windowDays ).toHaveAccessibleDescription(
		'Window (days): enter a whole number from 7 to 90.'
	);
	await expect( windowDays ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( settings ).not.toContainText( 'alerts_' );
	expect( await axeViolations( page ) ).toEqual( [] );

	// The monthly checklist, every item ticked.
	await root.getByRole( 'tab', { name: 'Reviews' } ).click();
	const monthly = root.getByRole( 'region', { name: /^Monthly review / } );
	await expect( monthly.getByRole( 'checkbox' ).first() ).toBeVisible();
	const boxes = monthly.getByRole( 'checkbox' );
	const items = await boxes.count();
	expect( items ).toBeGreaterThanOrEqual( 9 );
	// A note typed, then its box ticked at once: both are kept.
	await monthly
		.getByRole( 'textbox', { name: /^Note: / } )
		.first()
		.fill( 'Top three unchanged.' );
	for ( let i = 0; i < items; i++ ) {
		await boxes.nth( i ).check();
		await expect( monthly.locator( 'li' ).nth( i ) ).toContainText(
			/By admin, /
		);
	}
	await expect( monthly ).toContainText( `${ items } of ${ items } done` );

	// A sampled conversation, marked reviewed.
	const samples = root.getByRole( 'region', { name: 'Samples for review' } );
	const reviewed = samples.getByRole( 'checkbox', {
		name: `Reviewed conversation ${ seeded.asked_live.conversation_id }`,
	} );
	await reviewed.check();
	await expect(
		samples.locator( 'tr', {
			has: page.getByRole( 'checkbox', {
				name: `Reviewed conversation ${ seeded.asked_live.conversation_id }`,
			} ),
		} )
	).toContainText( /By admin, / );
	expect( await axeViolations( page ) ).toEqual( [] );

	// After a reload, still done, with who did it; the refused window was not saved.
	await page.reload();
	await root.getByRole( 'button', { name: 'Alert settings' } ).click();
	await expect(
		root
			.getByRole( 'region', { name: 'Alert settings' } )
			.getByLabel( 'Window (days)' )
	).toHaveValue( '7' );
	await root.getByRole( 'tab', { name: 'Reviews' } ).click();
	const again = root.getByRole( 'region', { name: /^Monthly review / } );
	await expect( again ).toContainText( `${ items } of ${ items } done` );
	for ( let i = 0; i < items; i++ ) {
		await expect( again.getByRole( 'checkbox' ).nth( i ) ).toBeChecked();
	}
	await expect( again.locator( 'li' ).first() ).toContainText( /By admin, / );
	await expect(
		again.getByRole( 'textbox', { name: /^Note: / } ).first()
	).toHaveValue( 'Top three unchanged.' );
	await expect(
		root.getByRole( 'checkbox', {
			name: `Reviewed conversation ${ seeded.asked_live.conversation_id }`,
		} )
	).toBeChecked();

	// An item's target: the reason codes, on the Signals tab, for the review's month.
	const month = await again.getByRole( 'heading' ).first().textContent();
	await again
		.getByRole( 'button', {
			name: /^Open in the report: Read the top reason/,
		} )
		.click();
	await expect(
		root.getByRole( 'heading', { name: '10. Reason codes' } )
	).toBeFocused();
	await expect( root.getByLabel( 'Period', { exact: true } ) ).toHaveValue(
		'month'
	);
	await expect(
		root.getByText(
			new RegExp(
				`^Showing ${ ( month ?? '' ).replace( 'Monthly review ', '' ) }-01 to `
			)
		)
	).toBeVisible();
} );
