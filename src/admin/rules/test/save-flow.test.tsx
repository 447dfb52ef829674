/**
 * Saving the rules: the saved simulations are checked with the edited policy first and the
 * changed decisions shown; the note and expected impact are required; then the save is sent with
 * the version it was based on. A 409 names who saved first and reloads on request; a 400 puts each
 * error at its field and keeps the edits.
 */
import type { Policy } from '../../../shared/types/rules';
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
	field,
	mount,
	settle,
	type,
	unmount,
} from './dom';
import { CHANGES, POLICY, SIMULATIONS, rulesState } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

afterEach( unmount );

type Answers = {
	put?: ( request: Request ) => unknown;
	check?: ( request: Request ) => unknown;
	rules?: () => unknown;
};

function serve( answers: Answers = {} ): Request[] {
	return answerWith( ( request ) => {
		const { method, path } = request;
		if ( path === '/handoff-bot/v1/rules' && method === 'GET' ) {
			return answers.rules ? answers.rules() : rulesState();
		}
		if ( path === '/handoff-bot/v1/rules' && method === 'PUT' ) {
			return answers.put?.( request );
		}
		if ( path === '/handoff-bot/v1/rules/simulations/check' ) {
			return answers.check
				? answers.check( request )
				: { changes: CHANGES };
		}
		if ( path === '/handoff-bot/v1/rules/simulations' ) {
			return SIMULATIONS;
		}
		throw new Error( `Unexpected ${ method } ${ path }` );
	} );
}

async function openAndEditBillingTeam() {
	mount( <App /> );
	await settle();
	expect( button( 'Save the rules…' ).getAttribute( 'aria-disabled' ) ).toBe(
		'true'
	);
	click( button( 'Edit “Billing disputes”' ) );
	type( field( 'Team' ), 'billing-eu' );
	expect( document.body.textContent ).toContain( 'You have unsaved edits.' );
}

function dialog(): HTMLElement {
	const found = document.querySelector< HTMLElement >( '[role="dialog"]' );
	if ( ! found ) {
		throw new Error( 'No dialog.' );
	}
	return found;
}

function edited(): Policy {
	return {
		...POLICY,
		intents: POLICY.intents.map( ( i ) =>
			i.name === 'billing_dispute' ? { ...i, team: 'billing-eu' } : i
		),
	};
}

describe( 'saving the rules', () => {
	it( 'checks the simulations with the edits, shows what would change, asks for a note and impact, then saves on the version it started from', async () => {
		let version = 4;
		const requests = serve( {
			put: () => {
				version = 5;
				return { version: 5, policy: edited() };
			},
			rules: () =>
				rulesState( version === 5 ? edited() : POLICY, version ),
		} );
		await openAndEditBillingTeam();

		click( button( 'Save the rules…' ) );
		await settle();

		const check = requests.find(
			( r ) => r.path === '/handoff-bot/v1/rules/simulations/check'
		);
		expect( check?.method ).toBe( 'POST' );
		expect( check?.data ).toEqual( { policy: edited() } );

		const rows = Array.from( dialog().querySelectorAll( 'tbody tr' ) ).map(
			( row ) =>
				Array.from( row.children ).map( ( cell ) => cell.textContent )
		);
		expect( rows ).toEqual( [
			[
				'Double charge',
				'1',
				'I was charged twice for my order',
				'Hand off (Business rule)',
				'Offer a person (Business rule)',
			],
		] );

		// Without a note and an expected impact, nothing is sent.
		click( button( 'Save, changing these decisions' ) );
		await settle();
		expect( requests.some( ( r ) => r.method === 'PUT' ) ).toBe( false );
		const note = field< HTMLTextAreaElement >( 'Change note (required)' );
		expect( note.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( note ) ).toContain( 'Write what you changed.' );
		expect( note.ownerDocument.activeElement ).toBe( note );

		type( note, 'Billing disputes go to the EU billing team' );
		type(
			field( 'Expected impact (required)' ),
			'Disputes reach the right team at once'
		);
		click( button( 'Save, changing these decisions' ) );
		await settle();

		const put = requests.find( ( r ) => r.method === 'PUT' );
		expect( put?.data ).toEqual( {
			policy: edited(),
			note: 'Billing disputes go to the EU billing team',
			expected_impact: 'Disputes reach the right team at once',
			base_version: 4,
		} );
		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		expect( document.body.textContent ).toContain(
			'The rules were saved as version 5.'
		);
		expect( document.body.textContent ).toContain( 'Version 5, saved by' );
		expect( document.body.textContent ).not.toContain(
			'You have unsaved edits.'
		);
	} );

	it( 'says so when no saved simulation would change', async () => {
		serve( { check: () => ( { changes: [] } ) } );
		await openAndEditBillingTeam();
		click( button( 'Save the rules…' ) );
		await settle();
		expect( dialog().textContent ).toContain(
			'No saved simulation changes its decision.'
		);
		expect( () => button( 'Save the rules' ) ).not.toThrow();
	} );

	it( 'on a 409, names who saved first, keeps the edits until asked, and loads the newest rules on request', async () => {
		let calls = 0;
		const newer: Policy = {
			...POLICY,
			thresholds: { ...POLICY.thresholds, frustration: 0.8 },
		};
		const requests = serve( {
			put: () => {
				throw restError(
					'handoff_bot_version_conflict',
					'The rules were changed by someone else.',
					{
						status: 409,
						current_version: 5,
						author: { id: 2, name: 'Grace Editor' },
						updated_at: '2026-11-21T12:00:00Z',
					}
				);
			},
			rules: () => {
				calls++;
				return calls > 1 ? rulesState( newer, 5 ) : rulesState();
			},
		} );
		await openAndEditBillingTeam();
		click( button( 'Save the rules…' ) );
		await settle();
		type( field( 'Change note (required)' ), 'EU team' );
		type( field( 'Expected impact (required)' ), 'Faster replies' );
		click( button( 'Save, changing these decisions' ) );
		await settle();

		expect( dialog().textContent ).toContain(
			'Version 5 was saved by Grace Editor on'
		);
		expect( dialog().textContent ).toContain(
			'Nothing was saved, so as not to overwrite it.'
		);
		// The save cannot be sent again over the newer version.
		expect(
			button( 'Save, changing these decisions' ).getAttribute(
				'aria-disabled'
			)
		).toBe( 'true' );
		expect( requests.filter( ( r ) => r.method === 'PUT' ).length ).toBe(
			1
		);

		click( button( 'Load the newest rules' ) );
		await settle();
		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		expect( document.body.textContent ).toContain( 'Version 5, saved by' );
		expect( document.body.textContent ).toContain(
			'The newest rules are loaded.'
		);
		expect( document.body.textContent ).not.toContain( 'billing-eu' );
		expect( field( 'Frustration' ).value ).toBe( '0.8' );
	} );

	it( 'on a 400, shows each error at its field (intents.2.name on the third intent’s name) and keeps the edits', async () => {
		serve( {
			put: () => {
				throw restError(
					'handoff_bot_invalid_policy',
					'The rules are not valid.',
					{
						status: 400,
						errors: {
							'intents.2.name':
								'The name is already used by another intent.',
							'thresholds.intent': 'Must be between 0 and 1.',
							policy: 'Too many intents.',
						},
					}
				);
			},
		} );
		await openAndEditBillingTeam();
		click( button( 'Save the rules…' ) );
		await settle();
		type( field( 'Change note (required)' ), 'EU team' );
		type( field( 'Expected impact (required)' ), 'Faster replies' );
		click( button( 'Save, changing these decisions' ) );
		await settle();

		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		// The third intent opens in the editor with its name marked.
		expect( document.body.textContent ).toContain(
			'Edit intent “Privacy and personal data”'
		);
		const name = document.getElementById(
			'handoff-bot-rules-intent-2-name'
		) as HTMLInputElement;
		expect( name.value ).toBe( 'privacy' );
		expect( name.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( name ) ).toContain(
			'The name is already used by another intent.'
		);
		expect( name.ownerDocument.activeElement ).toBe( name );
		const rows = document.querySelectorAll( 'tbody tr' );
		expect( rows[ 2 ]?.textContent ).toContain( 'Needs correcting' );
		expect( rows[ 1 ]?.textContent ).not.toContain( 'Needs correcting' );

		const threshold = field( 'Intent recognition' );
		expect( threshold.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( threshold ) ).toContain(
			'Must be between 0 and 1.'
		);
		// What no field shows is listed in the notice.
		expect( document.body.textContent ).toContain(
			'policy: Too many intents.'
		);
		// The edits are kept.
		expect( document.body.textContent ).toContain(
			'You have unsaved edits.'
		);
		expect( rows[ 1 ]?.textContent ).toContain( 'billing-eu' );
	} );

	it( 'places the errors of a check refused as invalid without saving', async () => {
		const requests = serve( {
			check: () => {
				throw restError(
					'handoff_bot_invalid_policy',
					'The rules are not valid.',
					{
						status: 400,
						errors: { 'messages.offer': 'Write the offer.' },
					}
				);
			},
		} );
		await openAndEditBillingTeam();
		type( field< HTMLTextAreaElement >( 'Offer' ), '' );
		click( button( 'Save the rules…' ) );
		await settle();

		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		const offer = field< HTMLTextAreaElement >( 'Offer' );
		expect( offer.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( offer ) ).toContain( 'Write the offer.' );
		expect( requests.some( ( r ) => r.method === 'PUT' ) ).toBe( false );
	} );

	it( 'refuses an emptied threshold before sending anything', async () => {
		const requests = serve();
		await openAndEditBillingTeam();
		type( field( 'Frustration' ), '' );
		click( button( 'Save the rules…' ) );
		await settle();
		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		expect( description( field( 'Frustration' ) ) ).toContain(
			'Enter a number.'
		);
		expect(
			requests.some( ( r ) => r.path.endsWith( '/simulations/check' ) )
		).toBe( false );
	} );
} );
