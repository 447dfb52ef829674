/**
 * The release checkpoints against a mocked REST API: a waiting one shows how many conversations it
 * still needs and offers no re-check; a ready one shows expected against actual, is marked checked
 * with a note, and its change is documented; a refused documentation keeps what was typed and
 * says why.
 */
import Checkpoints from '../components/Checkpoints';
import {
	answerWith,
	restError,
	type Request,
} from '../../../shared/test/api-mock';
import {
	button,
	click,
	field,
	mountAt,
	queryButton,
	settle,
	type,
	unmount,
} from '../../../shared/test/dom';
import type { Checkpoint } from '../../../shared/types/reports';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const ADA = { id: 1, name: 'Ada' };

const WAITING: Checkpoint = {
	id: 4,
	config_version: 8,
	area: 'answer',
	area_version: 2,
	note: 'Answer threshold: 0.3 → 0.45',
	expected_impact: 'Fewer wrong answers.',
	author: ADA,
	created_at: '2026-11-20 09:00:00',
	state: 'waiting',
	superseded_by: null,
	conversations: 12,
	threshold: 200,
	check: null,
	tuned: null,
};

const READY: Checkpoint = {
	...WAITING,
	id: 3,
	config_version: 7,
	area: 'rules',
	note: 'Zebracorn questions go to a person.',
	expected_impact: 'Escalation rate up.',
	state: 'ready',
	conversations: 210,
};

const SUPERSEDED: Checkpoint = {
	...WAITING,
	id: 5,
	config_version: 9,
	state: 'superseded',
	superseded_by: 10,
	conversations: 3,
};

const ACTUAL = {
	before: { config_version: 6 },
	after: { config_version: 7 },
	figures: {
		escalation_rate: {
			before: 0.5,
			after: 0.1,
			delta: -0.4,
			relative: -0.8,
		},
		conversations: { before: 4, after: 10, delta: 6, relative: 1.5 },
	},
};

function serve( refuseDocs = false ) {
	return answerWith( ( request: Request ) => {
		const { path, method } = request;
		if ( path.startsWith( '/handoff-bot/v1/reports/checkpoints?' ) ) {
			return { json: [ WAITING, READY, SUPERSEDED ], total: 3 };
		}
		if ( path === '/handoff-bot/v1/reports/checkpoints/5' ) {
			return { ...SUPERSEDED, actual: null };
		}
		if ( path === '/handoff-bot/v1/reports/checkpoints/3' ) {
			return { ...READY, actual: ACTUAL };
		}
		if ( path === '/handoff-bot/v1/reports/checkpoints/3/check' ) {
			return {
				...READY,
				state: 'checked',
				check: {
					by: ADA,
					at: '2026-11-30 10:00:00',
					note: ( request.data as { note: string } ).note,
				},
			};
		}
		if ( path === '/handoff-bot/v1/reports/checkpoints/3/documentation' ) {
			if ( refuseDocs ) {
				throw restError(
					'handoff_bot_empty_text',
					'Write what was tuned.',
					{ status: 400 }
				);
			}
			return {
				...READY,
				tuned: {
					text: ( request.data as { tuned: string } ).tuned,
					by: ADA,
					at: '2026-11-30 11:00:00',
				},
			};
		}
		throw new Error( `Unexpected ${ method } ${ path }` );
	} );
}

function item( id: number ): HTMLElement {
	return document.querySelector(
		`[data-checkpoint="${ id }"]`
	) as HTMLElement;
}

function showButton( id: number ): HTMLButtonElement | undefined {
	return Array.from( item( id ).querySelectorAll( 'button' ) ).find(
		( b ) => b.textContent === 'Show expected against actual'
	);
}

afterEach( unmount );

describe( 'release checkpoints', () => {
	it( 'shows a waiting checkpoint without a re-check, and a ready one with expected against actual', async () => {
		const requests = serve();
		mountAt( <Checkpoints />, 'handoff-bot-report-root' );
		await settle();
		expect( item( 4 ).textContent ).toContain(
			'Waiting for conversations (12 of 200 conversations)'
		);
		expect( item( 4 ).textContent ).not.toContain( 'Mark checked' );
		expect( requests.map( ( r ) => r.path ) ).not.toContain(
			'/handoff-bot/v1/reports/checkpoints/4'
		);
		expect( item( 5 ).textContent ).toContain(
			'Overtaken by a later change (3 of 200 conversations) Version 10 came before it had enough conversations'
		);
		const ready = item( 3 );
		expect( ready.textContent ).toContain( 'Ready to re-check' );
		expect( ready.textContent ).toContain( 'Escalation rate up.' );
		// Opening the list runs no report: expected against actual is read when asked for.
		expect(
			requests.filter( ( r ) =>
				/\/reports\/checkpoints\/\d+$/.test( r.path )
			)
		).toEqual( [] );
		expect( ready.querySelector( 'table' ) ).toBeNull();
		expect( showButton( 4 ) ).toBeUndefined();
		click( showButton( 3 ) as HTMLButtonElement );
		await settle();
		expect( requests.at( -1 )?.path ).toBe(
			'/handoff-bot/v1/reports/checkpoints/3'
		);
		expect( showButton( 3 ) ).toBeUndefined();
		const rows = Array.from( ready.querySelectorAll( 'tbody tr' ) ).map(
			( row ) =>
				Array.from( row.querySelectorAll( 'th, td' ) ).map(
					( cell ) => cell.textContent
				)
		);
		expect( rows ).toEqual( [
			[ 'Conversations', '4', '10' ],
			[ 'Escalation rate', '50%', '10%' ],
		] );
		expect( item( 5 ).querySelector( 'table' ) ).toBeNull();
		click( showButton( 5 ) as HTMLButtonElement );
		await settle();
		expect( item( 5 ).textContent ).toContain( 'No figures to compare' );
		expect( item( 5 ).querySelector( 'table' ) ).toBeNull();
	} );

	it( 'marks a ready checkpoint checked with a note, and documents the change', async () => {
		const requests = serve();
		mountAt( <Checkpoints />, 'handoff-bot-report-root' );
		await settle();
		click( showButton( 3 ) as HTMLButtonElement );
		await settle();
		type( field< HTMLTextAreaElement >( 'Re-check note' ), 'As expected.' );
		click( button( 'Mark checked' ) );
		await settle();
		expect( requests.at( -1 ) ).toEqual( {
			method: 'PUT',
			path: '/handoff-bot/v1/reports/checkpoints/3/check',
			data: { note: 'As expected.' },
		} );
		expect( item( 3 ).textContent ).toContain( 'Checked' );
		expect( item( 3 ).textContent ).toContain(
			'Re-checked: As expected. By Ada, 2026-11-30 10:00:00 UTC'
		);
		// The comparison stays after the re-check.
		expect( item( 3 ).querySelectorAll( 'tbody tr' ) ).toHaveLength( 2 );

		const docs = item( 3 ).querySelectorAll( 'textarea' )[ 1 ];
		type( docs as HTMLTextAreaElement, 'Added keywords to refunds.' );
		const saves = Array.from(
			item( 3 ).querySelectorAll( 'button' )
		).filter( ( b ) => b.textContent === 'Save the documentation' );
		click( saves[ 0 ] as HTMLButtonElement );
		await settle();
		expect( requests.at( -1 ) ).toEqual( {
			method: 'PUT',
			path: '/handoff-bot/v1/reports/checkpoints/3/documentation',
			data: { tuned: 'Added keywords to refunds.' },
		} );
		expect( item( 3 ).textContent ).toContain(
			'By Ada, 2026-11-30 11:00:00 UTC'
		);
	} );

	it( 'says why a documentation was refused, keeping the text', async () => {
		serve( true );
		mountAt( <Checkpoints />, 'handoff-bot-report-root' );
		await settle();
		const docs = item( 3 ).querySelectorAll( 'textarea' )[ 1 ];
		type( docs as HTMLTextAreaElement, 'Something.' );
		const save = Array.from( item( 3 ).querySelectorAll( 'button' ) ).find(
			( b ) => b.textContent === 'Save the documentation'
		);
		click( save as HTMLButtonElement );
		await settle();
		expect( item( 3 ).textContent ).toContain( 'Write what was tuned.' );
		expect( ( docs as HTMLTextAreaElement ).value ).toBe( 'Something.' );
		expect( queryButton( 'Mark checked' ) ).toBeDefined();
	} );
} );
