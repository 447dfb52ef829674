/**
 * A refused save's errors: read from the 400's details and the 409's data, and placed at the
 * fields that hold them.
 */
import { policyErrors, versionConflict } from '../../../shared/api/rules';
import {
	errorAt,
	hasPolicyErrors,
	intentsInError,
	unplacedErrors,
} from '../errors';

const INVALID = {
	code: 'handoff_bot_invalid_policy',
	message: 'The rules are not valid.',
	data: {
		status: 400,
		errors: {
			'intents.2.name': 'The name is already used by another intent.',
			'intents.0.phrases.3': 'A phrase is at most 200 characters long.',
			'intents.0.phrases': 'At most 100 phrases.',
			'thresholds.intent': 'Must be between 0 and 1.',
			note: 'Write a change note.',
			'human_phrases.fr.0': 'Empty phrase.',
			policy: 'Something else entirely.',
		},
	},
};

describe( 'policyErrors', () => {
	it( 'reads data.errors of handoff_bot_invalid_policy, by path', () => {
		expect( policyErrors( INVALID ) ).toEqual( INVALID.data.errors );
	} );

	it( 'is empty for any other error', () => {
		expect(
			policyErrors( {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): policy',
				data: { status: 400, params: { policy: 'Not an object.' } },
			} )
		).toEqual( {} );
		expect(
			policyErrors( {
				code: 'handoff_bot_invalid_policy',
				message: 'No details.',
				data: { status: 400 },
			} )
		).toEqual( {} );
		expect( policyErrors( new Error( 'offline' ) ) ).toEqual( {} );
		expect( policyErrors( null ) ).toEqual( {} );
	} );
} );

describe( 'versionConflict', () => {
	it( 'reads who saved first from a 409', () => {
		expect(
			versionConflict( {
				code: 'handoff_bot_version_conflict',
				message: 'The rules changed.',
				data: {
					status: 409,
					current_version: 9,
					author: { id: 2, name: 'Grace Editor' },
					updated_at: '2026-11-21 12:00:00',
				},
			} )
		).toEqual( {
			status: 409,
			current_version: 9,
			author: { id: 2, name: 'Grace Editor' },
			updated_at: '2026-11-21 12:00:00',
		} );
	} );

	it( 'is null for any other error', () => {
		expect( versionConflict( INVALID ) ).toBeNull();
		expect( versionConflict( undefined ) ).toBeNull();
	} );
} );

describe( 'placing the errors', () => {
	const errors = policyErrors( INVALID );

	it( 'puts intents.2.name on the third intent’s name', () => {
		expect( errorAt( errors, 'intents.2.name' ) ).toBe(
			'The name is already used by another intent.'
		);
		expect( errorAt( errors, 'intents.0.name' ) ).toBeUndefined();
		expect( errorAt( errors, 'intents.2.label' ) ).toBeUndefined();
		expect( intentsInError( errors ) ).toEqual( [ 0, 2 ] );
	} );

	it( 'puts an item’s error on its list field, by line from 1', () => {
		expect( errorAt( errors, 'intents.0.phrases' ) ).toBe(
			'At most 100 phrases. Line 4: A phrase is at most 200 characters long.'
		);
		expect( errorAt( errors, 'human_phrases.fr' ) ).toBe(
			'Line 1: Empty phrase.'
		);
	} );

	it( 'does not mistake one intent for another with a longer number', () => {
		expect(
			errorAt( { 'intents.12.name': 'Taken.' }, 'intents.1.name' )
		).toBeUndefined();
		expect( intentsInError( { 'intents.12.name': 'Taken.' } ) ).toEqual( [
			12,
		] );
	} );

	it( 'lists only what no field shows', () => {
		expect( unplacedErrors( errors, [ 'en', 'fr' ] ) ).toEqual( [
			'policy: Something else entirely.',
		] );
		// A language without a field on screen is listed too.
		expect( unplacedErrors( errors, [ 'en' ] ) ).toEqual( [
			'human_phrases.fr.0: Empty phrase.',
			'policy: Something else entirely.',
		] );
	} );

	it( 'tells the policy’s errors from the note’s', () => {
		expect( hasPolicyErrors( errors ) ).toBe( true );
		expect(
			hasPolicyErrors( {
				note: 'Required.',
				expected_impact: 'Required.',
			} )
		).toBe( false );
	} );
} );
