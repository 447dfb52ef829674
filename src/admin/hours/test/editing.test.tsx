/**
 * Editing on the Teams and hours screen: the seven-day preview follows unsaved hours and
 * holidays, new rows take the focus, a new team's name follows its label, agents are chosen by
 * name, and a team the rules send intents to cannot be removed.
 */
import App from '../App';
import { answerWith } from '../../../shared/test/api-mock';
import {
	button,
	choose,
	click,
	fieldIn,
	group,
	mount,
	previewRows,
	settle,
	type,
	unmount,
	focused,
} from './dom';
import { availabilityState } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

afterEach( unmount );

async function open() {
	answerWith( ( { method, path } ) => {
		if ( path === '/handoff-bot/v1/availability' && method === 'GET' ) {
			return availabilityState();
		}
		throw new Error( `Unexpected ${ method } ${ path }` );
	} );
	mount( <App /> );
	await settle();
}

function hoursColumn(): string[] {
	return previewRows().map( ( row ) => `${ row[ 0 ] }: ${ row[ 2 ] }` );
}

describe( 'the Teams and hours screen', () => {
	it( 'shows the next seven days and follows unsaved hours and holidays', async () => {
		await open();
		expect( hoursColumn() ).toEqual( [
			'Monday Today: 09:00–17:00',
			'Tuesday: 09:00–17:00',
			'Wednesday: 09:00–17:00',
			'Thursday: 09:00–17:00',
			'Friday: Closed: Christmas Day (holiday)',
			'Saturday: Closed',
			'Sunday: Closed',
		] );
		expect( document.body.textContent ).not.toContain(
			'You have unsaved edits.'
		);

		// Wednesday closes later, and Saturday opens in the morning.
		type( fieldIn( group( 'Wednesday, interval 1' ), 'Closes' ), '20:00' );
		click( button( 'Add hours to Saturday' ) );
		const saturday = group( 'Saturday, interval 1' );
		expect( focused() ).toBe( fieldIn( saturday, 'Opens' ) );
		type( fieldIn( saturday, 'Opens' ), '10:00' );
		type( fieldIn( saturday, 'Closes' ), '14:00' );

		// A one-off holiday on Tuesday.
		click( button( 'Add a holiday' ) );
		const holiday = group( 'Holiday 2' );
		expect( focused() ).toBe( fieldIn( holiday, 'Date' ) );
		type( fieldIn( holiday, 'Date' ), '2026-12-22' );
		type( fieldIn( holiday, 'Name' ), 'Stocktake' );

		expect( hoursColumn() ).toEqual( [
			'Monday Today: 09:00–17:00',
			'Tuesday: Closed: Stocktake (holiday)',
			'Wednesday: 09:00–20:00',
			'Thursday: 09:00–17:00',
			'Friday: Closed: Christmas Day (holiday)',
			'Saturday: 10:00–14:00',
			'Sunday: Closed',
		] );
		expect( document.body.textContent ).toContain(
			'With your unsaved edits'
		);
		expect( document.body.textContent ).toContain(
			'You have unsaved edits.'
		);

		// An inverted interval is left out of the preview until it is corrected.
		type( fieldIn( saturday, 'Closes' ), '08:00' );
		expect( previewRows()[ 5 ]?.[ 2 ] ).toBe( 'Closed' );

		// Removing it gives the focus back to the day's Add button.
		click( button( 'Remove Saturday, interval 1' ) );
		expect( focused() ).toBe( button( 'Add hours to Saturday' ) );
		expect( () => group( 'Saturday, interval 1' ) ).toThrow();
	} );

	it( 'adds a team whose name follows its label, with agents chosen by name, and previews its own hours', async () => {
		await open();
		click( button( 'Add a team' ) );
		const label = document.getElementById(
			'handoff-bot-hours-team-1-label'
		) as HTMLInputElement;
		expect( focused() ).toBe( label );
		type( label, 'Shipping & Returns' );
		const team = document.querySelector< HTMLElement >(
			'section[aria-labelledby="handoff-bot-hours-team-1-heading"]'
		) as HTMLElement;
		expect( team.querySelector( 'h3' )?.textContent ).toBe(
			'Shipping & Returns'
		);
		expect( fieldIn( team, 'Name used by the rules' ).value ).toBe(
			'shipping_returns'
		);

		const agents = group( 'Agents of Shipping & Returns' );
		const ben = fieldIn( agents, 'Ben' );
		expect( ben.checked ).toBe( false );
		click( ben );
		expect( ben.checked ).toBe( true );
		expect(
			team.querySelector( '.handoff-bot-hours__team-intents' )
				?.textContent
		).toContain( 'The rules send no intent to this team yet' );

		// Its own hours start as the site's; the preview can show them.
		click( fieldIn( team, 'This team has its own hours' ) );
		type(
			fieldIn(
				group( 'Monday (Shipping & Returns), interval 1' ),
				'Opens'
			),
			'07:00'
		);
		expect( previewRows()[ 0 ]?.[ 2 ] ).toBe( '09:00–17:00' );
		const whose = fieldIn< HTMLSelectElement >(
			document.body,
			'Whose hours'
		);
		choose( whose, 'shipping_returns' );
		expect( previewRows()[ 0 ]?.[ 2 ] ).toBe( '07:00–17:00' );
	} );

	it( 'names the intents the rules send to a team and keeps it from being removed', async () => {
		await open();
		const billing = document.querySelector< HTMLElement >(
			'section[aria-labelledby="handoff-bot-hours-team-0-heading"]'
		) as HTMLElement;
		expect(
			billing.querySelector( '.handoff-bot-hours__team-intents' )
				?.textContent
		).toBe(
			'The rules send these intents to this team: Billing and payments. Change them on the Rules screen.'
		);
		expect( fieldIn( group( 'Agents of Billing' ), 'Ana' ).checked ).toBe(
			true
		);
		const remove = button( 'Remove the team “Billing”' );
		expect( remove.getAttribute( 'aria-disabled' ) ).toBe( 'true' );
		click( remove );
		expect( button( 'Remove the team “Billing”' ) ).toBeTruthy();
	} );
} );
