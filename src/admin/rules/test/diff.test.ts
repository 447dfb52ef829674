/**
 * The difference between two versions' policies, as the history shows it.
 */
import type { Policy } from '../../../shared/types/rules';
import { diffPolicies, isEmptyDiff, listDiff } from '../diff';
import { POLICY, VERSION_3 } from './fixtures';

describe( 'diffPolicies', () => {
	it( 'finds nothing between a policy and itself, or its copy', () => {
		const copy = JSON.parse( JSON.stringify( POLICY ) ) as Policy;
		expect( isEmptyDiff( diffPolicies( POLICY, copy ) ) ).toBe( true );
	} );

	it( 'names the intents added, removed and changed, field by field', () => {
		const diff = diffPolicies( VERSION_3.policy, POLICY );

		expect( diff.added.map( ( i ) => i.name ) ).toEqual( [ 'privacy' ] );
		expect( diff.removed.map( ( i ) => i.name ) ).toEqual( [ 'legal' ] );
		expect( diff.changed ).toEqual( [
			{
				name: 'billing_dispute',
				label: 'Billing disputes',
				values: [
					{ field: 'policy', from: 'offer_choice', to: 'human' },
					{ field: 'team', from: '', to: 'billing' },
				],
				lists: [
					{
						field: 'phrases',
						added: [],
						removed: [ 'double charge' ],
					},
				],
			},
		] );
		expect( diff.thresholds ).toEqual( [
			{ name: 'intent', from: 0.4, to: 0.5 },
		] );
		expect( diff.phrases ).toEqual( [] );
		expect( diff.messages ).toEqual( [] );
		expect( isEmptyDiff( diff ) ).toBe( false );
	} );

	it( 'reads the other way round as the opposite change', () => {
		const diff = diffPolicies( POLICY, VERSION_3.policy );
		expect( diff.added.map( ( i ) => i.name ) ).toEqual( [ 'legal' ] );
		expect( diff.removed.map( ( i ) => i.name ) ).toEqual( [ 'privacy' ] );
		expect( diff.changed[ 0 ]?.values[ 0 ] ).toEqual( {
			field: 'policy',
			from: 'human',
			to: 'offer_choice',
		} );
		expect( diff.changed[ 0 ]?.lists[ 0 ]?.added ).toEqual( [
			'double charge',
		] );
	} );

	it( 'compares the phrases of each language, a new or dropped language included, and the messages', () => {
		const to: Policy = {
			...POLICY,
			human_phrases: {
				en: [ 'talk to a person', 'real human', 'representative' ],
				fr: [ 'parler à quelqu’un' ],
			},
			messages: { ...POLICY.messages, offer: 'Shall I fetch someone?' },
		};
		const diff = diffPolicies( POLICY, to );
		expect( diff.phrases ).toEqual( [
			{
				language: 'en',
				added: [ 'representative' ],
				removed: [ 'agent' ],
			},
			{
				language: 'es',
				added: [],
				removed: [ 'hablar con una persona' ],
			},
			{ language: 'fr', added: [ 'parler à quelqu’un' ], removed: [] },
		] );
		expect( diff.messages ).toEqual( [
			{
				name: 'offer',
				from: POLICY.messages.offer,
				to: 'Shall I fetch someone?',
			},
		] );
		expect( diff.added ).toEqual( [] );
		expect( diff.changed ).toEqual( [] );
	} );

	it( 'sees a renamed intent as one removed and one added', () => {
		const to: Policy = {
			...POLICY,
			intents: POLICY.intents.map( ( i ) =>
				i.name === 'orders' ? { ...i, name: 'order_status' } : i
			),
		};
		const diff = diffPolicies( POLICY, to );
		expect( diff.added.map( ( i ) => i.name ) ).toEqual( [
			'order_status',
		] );
		expect( diff.removed.map( ( i ) => i.name ) ).toEqual( [ 'orders' ] );
		expect( diff.changed ).toEqual( [] );
	} );
} );

describe( 'listDiff', () => {
	it( 'keeps the order of each list and ignores a mere reordering', () => {
		expect( listDiff( [ 'a', 'b', 'c' ], [ 'c', 'd', 'a', 'e' ] ) ).toEqual(
			{
				added: [ 'd', 'e' ],
				removed: [ 'b' ],
			}
		);
		expect( listDiff( [ 'a', 'b' ], [ 'b', 'a' ] ) ).toEqual( {
			added: [],
			removed: [],
		} );
		expect( listDiff( undefined, [ 'x' ] ) ).toEqual( {
			added: [ 'x' ],
			removed: [],
		} );
	} );
} );
