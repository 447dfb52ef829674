/**
 * The Privacy card of the Knowledge screen: the retention period and the consent notice are
 * saved with the other settings; the notice's text and link are asked for only while a notice is
 * shown; a refused value is shown under its field and nothing is lost.
 */
import App from '../App';
import type { Settings } from '../../../shared/types';
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
	mountAt,
	settle,
	type,
	unmount,
} from '../../../shared/test/dom';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

afterEach( unmount );

const SETTINGS: Settings = {
	answer_threshold: 0.3,
	max_message_length: 2000,
	post_types: [ 'post', 'page' ],
	excluded_posts: [],
	rate_limit_ip_per_minute: 300,
	rate_limit_token_per_minute: 20,
	rate_limit_new_conversations_per_hour: 120,
	delete_data_on_uninstall: false,
	retention_days: 180,
	consent_notice: false,
	consent_required: false,
	consent_text: 'This chat keeps what you write.',
	privacy_policy_url: '',
	mask_contact_outbound: false,
};

const SCHEMA = {
	answer_threshold: { type: 'number', minimum: 0, maximum: 1 },
	max_message_length: { type: 'integer', minimum: 50, maximum: 10000 },
	post_types: { type: 'array', minItems: 1 },
	excluded_posts: { type: 'array', maxItems: 1000 },
	rate_limit_ip_per_minute: { type: 'integer', minimum: 1, maximum: 10000 },
	rate_limit_token_per_minute: { type: 'integer', minimum: 1, maximum: 1000 },
	rate_limit_new_conversations_per_hour: {
		type: 'integer',
		minimum: 1,
		maximum: 10000,
	},
	delete_data_on_uninstall: { type: 'boolean' },
	retention_days: { type: 'integer', minimum: 30, maximum: 3650 },
	consent_notice: { type: 'boolean' },
	consent_required: { type: 'boolean' },
	consent_text: { type: 'string', maxLength: 500 },
	privacy_policy_url: { type: 'string', maxLength: 2000 },
	mask_contact_outbound: { type: 'boolean' },
};

const INDEX = {
	posts: 3,
	passages: 9,
	terms: 40,
	indexable: 3,
	post_types: [ 'post', 'page' ],
	available: [
		{
			name: 'post',
			label: 'Posts',
			singular_label: 'Post',
			searchable: true,
		},
		{
			name: 'page',
			label: 'Pages',
			singular_label: 'Page',
			searchable: true,
		},
	],
	updated_at: '2025-01-01T00:00:00Z',
	last_error: null,
};

function serve( post: ( request: Request ) => unknown ): Request[] {
	return answerWith( ( request ) => {
		if ( request.path === '/handoff-bot/v1/settings' ) {
			if ( request.method === 'GET' ) {
				return SETTINGS;
			}
			if ( request.method === 'OPTIONS' ) {
				return { schema: { properties: SCHEMA } };
			}
			if ( request.method === 'POST' ) {
				return post( request );
			}
		}
		if ( request.path.startsWith( '/handoff-bot/v1/index' ) ) {
			return INDEX;
		}
		throw new Error( `Unexpected ${ request.method } ${ request.path }` );
	} );
}

function toggle( label: string ) {
	click( field( label ) );
}

async function open() {
	mountAt( <App />, 'handoff-bot-knowledge-root' );
	await settle();
}

describe( 'The Privacy card', () => {
	it( 'saves the retention period and the notice with the other settings', async () => {
		const requests = serve( ( request ) => ( {
			...SETTINGS,
			...( request.data as Partial< Settings > ),
		} ) );
		await open();

		expect( field( 'Keep conversations for (days)' ).value ).toBe( '180' );
		expect( () => field( 'Notice' ) ).toThrow();

		type( field( 'Keep conversations for (days)' ), '30' );
		toggle( 'Show a privacy notice before the first message' );
		type(
			field< HTMLTextAreaElement >( 'Notice' ),
			'We keep chats 30 days.'
		);
		type(
			field( 'Privacy policy address' ),
			'https://example.org/privacy'
		);
		toggle( 'Visitors must agree before they can chat' );
		click( button( 'Save settings' ) );
		await settle();

		const saved = requests.find( ( r ) => r.method === 'POST' );
		expect( saved?.data ).toMatchObject( {
			retention_days: 30,
			consent_notice: true,
			consent_required: true,
			consent_text: 'We keep chats 30 days.',
			privacy_policy_url: 'https://example.org/privacy',
		} );
		expect( document.body.textContent ).toContain( 'Settings saved.' );
	} );

	it( 'shows a refused address under its field and keeps what was typed', async () => {
		serve( () => {
			throw restError(
				'rest_invalid_param',
				'Invalid parameter(s): privacy_policy_url',
				{
					status: 400,
					params: {
						privacy_policy_url:
							'privacy_policy_url must be a web address starting with https:// or http://, or empty for the site’s privacy policy page.',
					},
				}
			);
		} );
		await open();
		toggle( 'Show a privacy notice before the first message' );
		type( field( 'Privacy policy address' ), 'our policy page' );
		click( button( 'Save settings' ) );
		await settle();

		const url = field( 'Privacy policy address' );
		expect( url.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( url ) ).toContain(
			'Privacy policy address must be a web address'
		);
		expect( url.value ).toBe( 'our policy page' );
		expect( document.body.textContent ).toContain(
			'The settings were not saved.'
		);
	} );

	it( 'asks for a number of days before sending anything', async () => {
		const requests = serve( () => SETTINGS );
		await open();
		type( field( 'Keep conversations for (days)' ), '' );
		click( button( 'Save settings' ) );
		await settle();

		expect( requests.some( ( r ) => r.method === 'POST' ) ).toBe( false );
		expect(
			description( field( 'Keep conversations for (days)' ) )
		).toContain( 'Enter a number.' );
	} );
} );
