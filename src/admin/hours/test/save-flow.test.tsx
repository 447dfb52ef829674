/**
 * Saving the hours and teams: a change note is required, the save is sent with the whole
 * availability and the version it was made from, and the saved version is loaded. A 400 puts
 * each error beside its field (the rest in the notice) and keeps the edits; a 409 names who saved
 * first and loads their version on request.
 */
import type { Availability } from '../../../shared/types/availability';
import App from '../App';
import {
	answerWith,
	restError,
	type Request,
} from '../../../shared/test/api-mock';
import {
	button,
	click,
	description,
	fieldIn,
	group,
	mount,
	settle,
	type,
	unmount,
	focused,
} from './dom';
import { AVAILABILITY, availabilityState } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

afterEach( unmount );

const PATH = '/handoff-bot/v1/availability';

function serve(
	put: ( request: Request ) => unknown,
	get: () => unknown = () => availabilityState()
): Request[] {
	return answerWith( ( request ) => {
		if ( request.path === PATH && request.method === 'GET' ) {
			return get();
		}
		if ( request.path === PATH && request.method === 'PUT' ) {
			return put( request );
		}
		throw new Error( `Unexpected ${ request.method } ${ request.path }` );
	} );
}

function dialog(): HTMLElement {
	const found = document.querySelector< HTMLElement >( '[role="dialog"]' );
	if ( ! found ) {
		throw new Error( 'No dialog.' );
	}
	return found;
}

const EDITED: Availability = {
	...AVAILABILITY,
	hours: {
		...AVAILABILITY.hours,
		wed: [ { open: '09:00', close: '20:00' } ],
	},
	callback: true,
};

async function openAndEdit() {
	mount( <App /> );
	await settle();
	expect(
		button( 'Save the hours and teams…' ).getAttribute( 'aria-disabled' )
	).toBe( 'true' );
	type( fieldIn( group( 'Wednesday, interval 1' ), 'Closes' ), '20:00' );
	click( fieldIn( document.body, 'Offer a callback after hours' ) );
}

describe( 'saving the hours and teams', () => {
	it( 'asks for a note, then saves everything from the version it started from and loads the new version', async () => {
		let saved = false;
		const requests = serve(
			() => {
				saved = true;
				return { version: 4, availability: EDITED, next_days: [] };
			},
			() =>
				saved ? availabilityState( EDITED, 4 ) : availabilityState()
		);
		await openAndEdit();
		click( button( 'Save the hours and teams…' ) );
		expect( dialog().textContent ).toContain( 'Save the hours and teams' );

		// Without a note nothing is sent.
		click( button( 'Save' ) );
		await settle();
		const note = fieldIn< HTMLTextAreaElement >(
			dialog(),
			'Change note (required)'
		);
		expect( note.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( note ) ).toContain(
			'Write what you changed and why.'
		);
		expect( focused() ).toBe( note );
		expect( requests.filter( ( r ) => r.method === 'PUT' ) ).toEqual( [] );

		type( note, '  Late opening on Wednesdays  ' );
		type(
			fieldIn( dialog(), 'Expected impact' ),
			'Fewer tickets on Wednesday evenings'
		);
		click( button( 'Save' ) );
		await settle();

		const put = requests.filter( ( r ) => r.method === 'PUT' );
		expect( put ).toHaveLength( 1 );
		expect( put[ 0 ]?.data ).toEqual( {
			availability: EDITED,
			note: 'Late opening on Wednesdays',
			expected_impact: 'Fewer tickets on Wednesday evenings',
			base_version: 3,
		} );
		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		expect( document.body.textContent ).toContain(
			'The hours and teams were saved as version 4.'
		);
		expect( document.body.textContent ).toContain(
			'Version 4 is in force.'
		);
		expect( document.body.textContent ).not.toContain(
			'You have unsaved edits.'
		);
	} );

	it( 'puts each refused field’s message beside it, lists the others, focuses the first and keeps the edits', async () => {
		const requests = serve( () => {
			throw restError(
				'handoff_bot_invalid_availability',
				'The hours and teams were not saved.',
				{
					status: 400,
					errors: {
						'hours.wed.0.close':
							'Close after the opening time (hours past midnight go on the next day).',
						'teams.0.agents.0':
							'Ana cannot answer handoffs: give them the Support Agent role first.',
						'capacity.max_waiting':
							'Use a whole number from 1 to 1000.',
						availability: 'Something else is wrong.',
					},
				}
			);
		} );
		await openAndEdit();
		type( fieldIn( group( 'Wednesday, interval 1' ), 'Closes' ), '08:00' );
		click( button( 'Save the hours and teams…' ) );
		type( fieldIn( dialog(), 'Change note (required)' ), 'Wednesdays' );
		click( button( 'Save' ) );
		await settle();

		expect( requests.filter( ( r ) => r.method === 'PUT' ) ).toHaveLength(
			1
		);
		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		const closes = fieldIn( group( 'Wednesday, interval 1' ), 'Closes' );
		expect( closes.value ).toBe( '08:00' );
		expect( closes.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( closes ) ).toBe(
			'Close after the opening time (hours past midnight go on the next day).'
		);
		expect( focused() ).toBe( closes );

		const ana = fieldIn( group( 'Agents of Billing' ), 'Ana' );
		expect( description( ana ) ).toBe(
			'Ana cannot answer handoffs: give them the Support Agent role first.'
		);
		const waiting = fieldIn( document.body, 'Most visitors waiting' );
		expect( description( waiting ) ).toContain(
			'Use a whole number from 1 to 1000.'
		);

		const notice = document.querySelector(
			'.handoff-bot-hours__notice'
		) as HTMLElement;
		expect( notice.textContent ).toContain(
			'The hours and teams were not saved. Correct the fields marked below'
		);
		expect(
			Array.from( notice.querySelectorAll( 'li' ) ).map(
				( li ) => li.textContent
			)
		).toEqual( [ 'availability: Something else is wrong.' ] );
		expect( document.body.textContent ).toContain(
			'You have unsaved edits.'
		);

		// Correcting the time takes its message away.
		type( closes, '18:00' );
		expect( closes.getAttribute( 'aria-invalid' ) ).toBeNull();
		expect( document.body.textContent ).not.toContain(
			'Close after the opening time'
		);
	} );

	it( 'names who saved first on a conflict, and loads their version on request', async () => {
		let newer = false;
		serve(
			() => {
				throw restError(
					'handoff_bot_version_conflict',
					'Changed meanwhile.',
					{
						status: 409,
						current_version: 5,
						author: { id: 9, name: 'Ben' },
					}
				);
			},
			() =>
				newer
					? availabilityState(
							{ ...AVAILABILITY, escalation_failed_minutes: 9 },
							5
						)
					: availabilityState()
		);
		await openAndEdit();
		click( button( 'Save the hours and teams…' ) );
		type( fieldIn( dialog(), 'Change note (required)' ), 'Wednesdays' );
		click( button( 'Save' ) );
		await settle();
		expect( dialog().textContent ).toContain(
			'Version 5 was saved by Ben after you opened this screen. Nothing was saved'
		);
		expect( button( 'Save' ).getAttribute( 'aria-disabled' ) ).toBe(
			'true'
		);

		newer = true;
		click( button( 'Load the newest version' ) );
		await settle();
		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		expect( document.body.textContent ).toContain(
			'Version 5 is in force.'
		);
		expect(
			fieldIn( document.body, 'Escalation failed after (minutes)' ).value
		).toBe( '9' );
		expect(
			fieldIn( group( 'Wednesday, interval 1' ), 'Closes' ).value
		).toBe( '17:00' );
	} );
} );
