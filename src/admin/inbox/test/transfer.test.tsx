/**
 * The transfer dialog's list of agents follows who is online while it is open: a colleague who
 * opens their inbox meanwhile shows as online without closing the dialog, a refresh that fails
 * keeps the list, and a closed dialog asks nothing more.
 */
import TransferDialog, { TARGETS_REFRESH } from '../components/TransferDialog';
import { answerWith, type Request } from '../../../shared/test/api-mock';
import { click, field, mount, unmount, wait } from './dom';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const TARGETS = '/handoff-bot/v1/handoffs/teams';

/**
 * Answers the list of targets with Ben online or not, or fails.
 * @param ben Ben's state now.
 */
function serve( ben: () => boolean | 'fail' ): Request[] {
	return answerWith( ( { path, method } ) => {
		if ( path !== TARGETS ) {
			throw new Error( `Unexpected ${ method } ${ path }` );
		}
		const state = ben();
		if ( state === 'fail' ) {
			throw {
				code: 'handoff_bot_unavailable',
				message: 'The site is busy.',
				data: { status: 503 },
			};
		}
		return {
			teams: [],
			agents: [
				{ id: 1, name: 'Ada Agent', online: true },
				{ id: 2, name: 'Ben Agent', online: state },
			],
		};
	} );
}

/** The agents the dialog offers, as their labels. */
function agents(): string[] {
	return Array.from(
		field< HTMLSelectElement >( 'Agent' ).querySelectorAll( 'option' )
	).map( ( o ) => o.textContent ?? '' );
}

/** Opens the dialog for Ada (user 1) and lets its first read answer. */
async function open(): Promise< void > {
	mount(
		<TransferDialog
			handoffId={ 11 }
			userId={ 1 }
			onClose={ () => {} }
			onDone={ () => {} }
		/>
	);
	await wait( 0 );
}

beforeEach( () => {
	jest.useFakeTimers();
} );

afterEach( () => {
	unmount();
	jest.useRealTimers();
} );

it( 'shows a colleague coming online while it is open, keeps the list when a refresh fails, and stops when closed', async () => {
	let ben: boolean | 'fail' = false;
	const requests = serve( () => ben );
	await open();
	click( field( 'An agent' ) );
	// The agent transferring is not offered; Ben has not opened his inbox yet.
	expect( agents() ).toEqual( [ 'Choose an agent…', 'Ben Agent (away)' ] );

	ben = true;
	await wait( TARGETS_REFRESH );
	expect( agents() ).toEqual( [ 'Choose an agent…', 'Ben Agent (online)' ] );

	ben = 'fail';
	await wait( TARGETS_REFRESH );
	expect( agents() ).toEqual( [ 'Choose an agent…', 'Ben Agent (online)' ] );
	expect( document.querySelector( '[role="alert"]' ) ).toBeNull();

	const asked = requests.length;
	expect( asked ).toBe( 3 );
	unmount();
	await wait( TARGETS_REFRESH * 2 );
	expect( requests ).toHaveLength( asked );
} );

it( 'says why when the list cannot be read at all', async () => {
	serve( () => 'fail' );
	await open();
	expect( document.querySelector( '[role="alert"]' )?.textContent ).toBe(
		'The site is busy.'
	);
} );
