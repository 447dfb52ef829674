/**
 * The rebuild loop walks the batches and reports each step.
 */
import { rebuildAll } from '../../../shared/api';
import type { RebuildStep } from '../../../shared/types';

function step( done: number, total: number ): RebuildStep {
	return {
		done,
		total,
		next_offset: done,
		finished: done >= total,
		passages: done * 2,
	};
}

describe( 'rebuildAll', () => {
	it( 'calls batches with growing offsets until finished and reports progress', async () => {
		const offsets: number[] = [];
		const seen: number[] = [];
		const last = await rebuildAll(
			( s ) => seen.push( s.done ),
			async ( offset ) => {
				offsets.push( offset );
				return step( Math.min( offset + 50, 120 ), 120 );
			}
		);
		expect( offsets ).toEqual( [ 0, 50, 100 ] );
		expect( seen ).toEqual( [ 50, 100, 120 ] );
		expect( last.finished ).toBe( true );
	} );

	it( 'stops with an error when a batch makes no progress', async () => {
		await expect(
			rebuildAll(
				() => undefined,
				async () => ( { ...step( 0, 10 ), finished: false } )
			)
		).rejects.toThrow( 'no progress' );
	} );
} );
