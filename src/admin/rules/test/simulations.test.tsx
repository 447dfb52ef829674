/**
 * The saved simulations list: each turn with the decision it should get, and the turn sent with
 * the “Talk to a person” button marked.
 */
import Simulations from '../components/Simulations';
import { mount, unmount } from './dom';
import { SIMULATIONS } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

afterEach( unmount );

describe( 'the saved simulations', () => {
	it( 'lists each turn with its expected decision and marks the button press', () => {
		mount(
			<Simulations
				simulations={ SIMULATIONS }
				error=""
				onDeleted={ jest.fn() }
			/>
		);
		const turns = ( name: string ) =>
			Array.from(
				Array.from( document.querySelectorAll( 'tbody tr' ) )
					.find(
						( row ) =>
							row.querySelector( 'th' )?.textContent === name
					)
					?.querySelectorAll( 'li' ) ?? []
			).map( ( li ) => li.textContent );
		expect( turns( 'Double charge' ) ).toEqual( [
			expect.stringMatching( /^“I was charged twice for my order” → / ),
		] );
		expect( turns( 'Parcel late' ) ).toEqual( [
			expect.stringMatching( /^“Where is my parcel\?” → / ),
			expect.stringMatching(
				/^\(with “Talk to a person”\) “It is still not here” → /
			),
		] );
	} );
} );
