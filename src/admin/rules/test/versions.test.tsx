/**
 * The version history: the versions with who, when, note and impact; the difference between two
 * chosen versions in words; and a rollback that asks for a note and is based on the active version.
 */
import Versions from '../components/Versions';
import { answerWith, restError } from '../../../shared/test/api-mock';
import { button, click, field, mount, settle, type, unmount } from './dom';
import { VERSION_3, VERSION_4, VERSIONS } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

afterEach( unmount );

function serve( rollback: () => unknown = () => ( {} ) ) {
	return answerWith( ( request ) => {
		const { path } = request;
		if ( path.startsWith( '/handoff-bot/v1/rules/versions?' ) ) {
			return { json: VERSIONS, total: 45 };
		}
		if ( path === '/handoff-bot/v1/rules/versions/3' ) {
			return VERSION_3;
		}
		if ( path === '/handoff-bot/v1/rules/versions/4' ) {
			return VERSION_4;
		}
		if ( path === '/handoff-bot/v1/rules/versions/3/rollback' ) {
			return rollback();
		}
		throw new Error( `Unexpected ${ path }` );
	} );
}

function rows(): string[][] {
	return Array.from( document.querySelectorAll( 'table tbody tr' ) ).map(
		( row ) =>
			Array.from( row.children )
				.slice( 1, 5 )
				.map( ( cell ) => cell.textContent ?? '' )
	);
}

describe( 'the version history', () => {
	it( 'lists who saved each version, with its note and expected impact, marks the active one, and pages by X-WP-Total', async () => {
		const requests = serve();
		mount(
			<Versions
				activeVersion={ 4 }
				dirty={ false }
				onRolledBack={ jest.fn() }
				onReload={ jest.fn() }
			/>
		);
		await settle();
		expect( requests[ 0 ] ).toEqual( {
			method: 'GET',
			path: '/handoff-bot/v1/rules/versions?page=1&per_page=20',
			parse: false,
		} );
		expect( rows() ).toEqual( [
			[
				'Ada Admin',
				expect.any( String ),
				'Billing disputes go to the billing team',
				'Disputes reach billing without a transfer',
			],
			[
				'Grace Editor',
				expect.any( String ),
				'Spanish phrases',
				'Spanish visitors reach a person when they ask',
			],
		] );
		const heads = Array.from( document.querySelectorAll( 'tbody th' ) ).map(
			( th ) => th.textContent
		);
		expect( heads ).toEqual( [ '4 Active', '3' ] );
		// Only an inactive version can be rolled back to.
		expect( () => button( 'Roll back to version 4' ) ).toThrow();
		expect( document.body.textContent ).toContain( 'Page 1 of 3' );

		click( button( 'Older versions' ) );
		await settle();
		expect( requests.at( -1 )?.path ).toBe(
			'/handoff-bot/v1/rules/versions?page=2&per_page=20'
		);
	} );

	it( 'shows the difference between the two chosen versions in words', async () => {
		serve();
		mount(
			<Versions
				activeVersion={ 4 }
				dirty={ false }
				onRolledBack={ jest.fn() }
				onReload={ jest.fn() }
			/>
		);
		await settle();
		expect( field< HTMLSelectElement >( 'From version' ).value ).toBe(
			'3'
		);
		expect( field< HTMLSelectElement >( 'To version' ).value ).toBe( '4' );
		click( button( 'Show the differences' ) );
		await settle();

		const diff = document.querySelector(
			'.handoff-bot-rules__diff'
		) as HTMLElement;
		expect( document.body.textContent ).toContain(
			'From version 3 to version 4'
		);
		expect( diff.textContent ).toContain( 'Intents added' );
		expect( diff.textContent ).toContain(
			'Privacy and personal data (privacy) — Private handoff'
		);
		expect( diff.textContent ).toContain( 'Intents removed' );
		expect( diff.textContent ).toContain( 'Legal (legal)' );
		expect( diff.textContent ).toContain(
			'Policy: Offer a person → Hand off to a person'
		);
		expect( diff.textContent ).toContain( 'Team: (empty) → billing' );
		expect( diff.textContent ).toContain(
			'Phrases: removed “double charge”'
		);
		expect( diff.textContent ).toContain( 'Intent recognition: 0.4 → 0.5' );
	} );

	it( 'rolls back with a required note, on the active version', async () => {
		const onRolledBack = jest.fn();
		const requests = serve( () => ( {
			version: 5,
			policy: VERSION_3.policy,
		} ) );
		mount(
			<Versions
				activeVersion={ 4 }
				dirty
				onRolledBack={ onRolledBack }
				onReload={ jest.fn() }
			/>
		);
		await settle();
		click( button( 'Roll back to version 3' ) );
		expect(
			document.querySelector( '[role="dialog"]' )?.textContent
		).toContain( 'Your unsaved edits on this screen are replaced' );

		click( button( 'Roll back' ) );
		await settle();
		expect( requests.some( ( r ) => r.path.endsWith( '/rollback' ) ) ).toBe(
			false
		);
		expect( document.body.textContent ).toContain(
			'Write why you roll back.'
		);

		type(
			field( 'Change note (required)' ),
			'The EU team is not staffed yet'
		);
		click( button( 'Roll back' ) );
		await settle();
		expect(
			requests.find( ( r ) => r.path.endsWith( '/rollback' ) )
		).toEqual( {
			method: 'POST',
			path: '/handoff-bot/v1/rules/versions/3/rollback',
			data: {
				note: 'The EU team is not staffed yet',
				base_version: 4,
			},
		} );
		expect( onRolledBack ).toHaveBeenCalledWith( {
			version: 5,
			policy: VERSION_3.policy,
		} );
		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
	} );

	it( 'on a 409, names who saved first and offers to load the newest rules', async () => {
		const onReload = jest.fn();
		serve( () => {
			throw restError( 'handoff_bot_version_conflict', 'Changed.', {
				status: 409,
				current_version: 6,
				author: { id: 3, name: 'Hedy Admin' },
				updated_at: '2026-11-22 08:00:00',
			} );
		} );
		mount(
			<Versions
				activeVersion={ 4 }
				dirty={ false }
				onRolledBack={ jest.fn() }
				onReload={ onReload }
			/>
		);
		await settle();
		click( button( 'Roll back to version 3' ) );
		type( field( 'Change note (required)' ), 'Back' );
		click( button( 'Roll back' ) );
		await settle();
		expect( document.body.textContent ).toContain(
			'Version 6 was saved by Hedy Admin on'
		);
		click( button( 'Load the newest rules' ) );
		expect( onReload ).toHaveBeenCalled();
	} );
} );
