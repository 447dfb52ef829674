/**
 * The live tester: the conversation is sent with the unsaved policy and the button press, and
 * each turn's result reads as every signal with its value and evidence, the answer, the decision,
 * its reason code, trigger and deciding rule.
 */
import { useState } from '@wordpress/element';

import type { Policy, Simulation } from '../../../shared/types/rules';
import Tester, { EMPTY_TESTER, type TesterState } from '../components/Tester';
import { answerWith, restError } from '../../../shared/test/api-mock';
import { button, click, field, mount, settle, type, unmount } from './dom';
import { POLICY, TEST_RESULT, rulesState } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

afterEach( unmount );

const STATE = rulesState();

function Harness( {
	policy = POLICY,
	onSaved = () => undefined,
}: {
	policy?: Policy;
	onSaved?: ( simulation: Simulation ) => void;
} ) {
	const [ state, setState ] = useState< TesterState >( EMPTY_TESTER );
	return (
		<Tester
			state={ state }
			onChange={ setState }
			policy={ policy }
			rules={ STATE.rules }
			signals={ STATE.signals }
			onSimulationSaved={ onSaved }
		/>
	);
}

async function runTwoTurns() {
	type( field( 'Turn 1: the visitor writes' ), 'Where is my order?' );
	click( button( 'Add a turn' ) );
	type(
		field( 'Turn 2: the visitor writes' ),
		'this is useless, I want a real human'
	);
	click(
		( field( 'Turn 2: the visitor writes' )
			.closest( 'li' )
			?.querySelector( 'input[type="checkbox"]' ) as HTMLInputElement ) ??
			null
	);
	click( button( 'Run the conversation' ) );
	await settle();
}

function turnSection( n: number ): HTMLElement {
	const heading = Array.from( document.querySelectorAll( 'h4' ) ).find(
		( h ) => h.textContent === `Turn ${ n }`
	);
	const section = heading?.closest( 'section' );
	if ( ! section ) {
		throw new Error( `No result for turn ${ n }.` );
	}
	return section as HTMLElement;
}

function facts( section: HTMLElement ): Record< string, string > {
	const out: Record< string, string > = {};
	section.querySelectorAll( 'dt' ).forEach( ( dt ) => {
		out[ dt.textContent ?? '' ] = dt.nextElementSibling?.textContent ?? '';
	} );
	return out;
}

function signalRows( section: HTMLElement ): string[][] {
	return Array.from( section.querySelectorAll( 'tbody tr' ) ).map( ( row ) =>
		Array.from( row.children ).map( ( cell ) => cell.textContent ?? '' )
	);
}

describe( 'the live tester', () => {
	it( 'runs the turns with the unsaved policy and the button press, and shows each turn’s decision, reason, trigger, rule and every signal', async () => {
		const edited: Policy = {
			...POLICY,
			thresholds: { ...POLICY.thresholds, frustration: 0.3 },
		};
		const requests = answerWith( () => TEST_RESULT );
		mount( <Harness policy={ edited } /> );
		await runTwoTurns();

		expect( requests ).toEqual( [
			{
				method: 'POST',
				path: '/handoff-bot/v1/rules/test',
				data: {
					turns: [
						'Where is my order?',
						'this is useless, I want a real human',
					],
					policy: edited,
					button_at: 1,
				},
			},
		] );

		const first = turnSection( 1 );
		expect( facts( first ) ).toEqual( {
			Decision: 'Answer',
			Reason: 'none',
			Trigger: 'none',
			Rule: 'none (the default answer)',
			Intent: 'Orders and order status orders',
			Language: 'en',
			'Unproductive turns so far': '0',
			Answer: 'answer, confidence 0.78Orders ship within two working days.Sources: Shipping',
		} );
		expect( first.querySelector( 'a' )?.getAttribute( 'href' ) ).toBe(
			'http://example.test/shipping/'
		);

		const second = turnSection( 2 );
		expect( second.textContent ).toContain(
			'The visitor pressed “Talk to a person”.'
		);
		expect( facts( second ) ).toMatchObject( {
			Decision: 'Hand off',
			Reason: 'The visitor asked for a person user_requested',
			Trigger: 'The visitor user',
			Rule: 'The visitor asks for a person human_request',
			Intent: 'none recognised',
			'Unproductive turns so far': '1',
			Answer: 'None: the decision did not need one.',
		} );
		// Every signal, in the server's order, with its value and evidence.
		expect( signalRows( second ) ).toEqual( [
			[ 'Intent intent', 'No', '0.12', '—', '—' ],
			[
				'Asks for a person human_request behind the decision',
				'Yes',
				'0.95',
				'en',
				'“real human”',
			],
			[
				'Frustration or negative sentiment frustration',
				'Yes',
				'0.71',
				'negative',
				'“useless”',
			],
			[ 'Asks the same again repetition', 'No', '0.00', '—', '—' ],
			[
				'Sensitive topic or personal data sensitivity',
				'No',
				'0.00',
				'—',
				'—',
			],
			[
				'Unproductive turns unproductive',
				'Yes',
				'0.33',
				'1',
				'“Where is my order?”',
			],
			[ 'Language language', 'Yes', '1.00', 'en', '“en”' ],
			// A site's own signal, which the screen has no name for.
			[ 'site_signal', 'No', '0.00', '—', '—' ],
		] );
		// The intent signal names the intent it found by its label.
		expect( signalRows( first )[ 0 ] ).toEqual( [
			'Intent intent',
			'Yes',
			'0.82',
			'Orders and order status orders',
			'“order”',
		] );
		expect( second.querySelector( 'caption' )?.textContent ).toBe(
			'Signals (4 fired)'
		);
		// A rule that failed is reported, not hidden.
		expect( second.textContent ).toContain(
			'The rule site_rule failed and was skipped: Division by zero'
		);
		// Nothing is shown as raw JSON.
		expect( document.body.textContent ).not.toContain( '{"' );
	} );

	it( 'does not send a turn left empty, and marks it', async () => {
		const requests = answerWith( () => TEST_RESULT );
		mount( <Harness /> );
		click( button( 'Add a turn' ) );
		type( field( 'Turn 1: the visitor writes' ), 'Hello' );
		click( button( 'Run the conversation' ) );
		await settle();
		expect( requests ).toEqual( [] );
		const empty = field< HTMLTextAreaElement >(
			'Turn 2: the visitor writes'
		);
		expect( empty.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
	} );

	it( 'shows the server’s refusal', async () => {
		answerWith( () => {
			throw restError( 'handoff_bot_forbidden', 'Sorry, no.', {
				status: 403,
			} );
		} );
		mount( <Harness /> );
		type( field( 'Turn 1: the visitor writes' ), 'Hello' );
		click( button( 'Run the conversation' ) );
		await settle();
		expect( document.body.textContent ).toContain( 'Sorry, no.' );
	} );

	it( 'saves the run as a simulation with the decisions it got as the expected ones', async () => {
		const onSaved = jest.fn();
		const requests = answerWith( ( request ) =>
			request.path.endsWith( '/rules/test' )
				? TEST_RESULT
				: {
						id: 9,
						name: 'Angry parcel',
						turns: request.data && [],
						expected: [],
						created_at: '2026-11-22 10:00:00',
					}
		);
		mount( <Harness onSaved={ onSaved } /> );
		await runTwoTurns();

		click( button( 'Save as simulation' ) );
		await settle();
		expect( requests ).toHaveLength( 1 );
		expect( document.body.textContent ).toContain(
			'Give the simulation a name.'
		);

		type( field( 'Simulation name' ), 'Angry parcel' );
		click( button( 'Save as simulation' ) );
		await settle();
		expect( requests[ 1 ] ).toEqual( {
			method: 'POST',
			path: '/handoff-bot/v1/rules/simulations',
			data: {
				name: 'Angry parcel',
				turns: [
					'Where is my order?',
					'this is useless, I want a real human',
				],
				expected: [
					{ kind: 'answer', reason: '' },
					{ kind: 'handoff', reason: 'user_requested' },
				],
				button_at: 1,
			},
		} );
		expect( onSaved ).toHaveBeenCalledWith(
			expect.objectContaining( { id: 9, name: 'Angry parcel' } )
		);
		expect( document.body.textContent ).toContain(
			'Saved as the simulation “Angry parcel”.'
		);
	} );
} );
