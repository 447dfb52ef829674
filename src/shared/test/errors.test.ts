/**
 * A refused save's field errors are read from data.params and named by the screen's labels.
 */
import { fieldErrors } from '../api';
import { labelledMessage } from '../utils';

describe( 'fieldErrors', () => {
	it( 'reads data.params of rest_invalid_param', () => {
		expect(
			fieldErrors( {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): answer_threshold',
				data: {
					status: 400,
					params: {
						answer_threshold:
							'answer_threshold must be between 0 (inclusive) and 1 (inclusive)',
					},
				},
			} )
		).toEqual( {
			answer_threshold:
				'answer_threshold must be between 0 (inclusive) and 1 (inclusive)',
		} );
	} );

	it( 'is empty for any other error', () => {
		expect(
			fieldErrors( {
				code: 'handoff_bot_forbidden',
				message: 'No.',
				data: { status: 403 },
			} )
		).toEqual( {} );
		expect( fieldErrors( new Error( 'offline' ) ) ).toEqual( {} );
		expect( fieldErrors( null ) ).toEqual( {} );
	} );
} );

describe( 'labelledMessage', () => {
	it( 'names the field by its label, also for an item of a list', () => {
		expect(
			labelledMessage(
				'rate_limit_ip_per_minute must be between 1 (inclusive) and 10000 (inclusive)',
				'rate_limit_ip_per_minute',
				'Requests per minute'
			)
		).toBe(
			'Requests per minute must be between 1 (inclusive) and 10000 (inclusive)'
		);
		expect(
			labelledMessage(
				'post_types[0] is not one of post and page.',
				'post_types',
				'Post types'
			)
		).toBe( 'Post types is not one of post and page.' );
	} );
} );
