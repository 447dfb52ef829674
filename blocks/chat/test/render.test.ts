/**
 * render.php: meaningful markup before any script runs, and a config that carries every string the
 * client shows, a nonce only for logged-in visitors, and nothing that can break out of its script.
 */
import type { ChatConfig, ChatStrings } from '../types';
import { renderPhp, REST } from './render';

function render( options: Parameters< typeof renderPhp >[ 0 ] = {} ) {
	document.body.innerHTML = renderPhp( options );
	const script = document.querySelector( 'script.handoff-bot-chat__config' );
	return {
		config: JSON.parse( script!.textContent! ) as ChatConfig,
		root: document.querySelector< HTMLElement >(
			'.wp-block-handoff-bot-chat'
		)!,
	};
}

const STRING_KEYS: ( keyof ChatStrings )[] = [
	'you',
	'assistant',
	'agent',
	'retrying',
	'rateLimited',
	'rateLimitedConversation',
	'offerLabel',
	'offerAccept',
	'offerDecline',
	'offerError',
	'contactSooner',
	'contactLink',
	'notSent',
	'genericError',
	'tooLong',
	'typing',
	'sources',
	'feedbackQuestion',
	'helpful',
	'notHelpful',
	'feedbackThanks',
	'feedbackError',
	'endChat',
	'endLegend',
	'endConfirm',
	'cancel',
	'ended',
	'endError',
	'humanRequest',
	'restoreError',
	'queueConnecting',
	'queuePlace',
	'queuePlaceUnknown',
	'agentChatting',
	'agentTyping',
	'leaveQueue',
	'leftQueue',
	'leaveError',
	'ratingLegend',
	'ratingThanks',
	'ratingError',
];

describe( 'render.php', () => {
	it( 'prints a usable chat before scripts run', () => {
		const { root } = render( {
			attributes: { title: 'Ask our assistant', greeting: 'Hello!' },
		} );
		expect( root.querySelector( 'h2' )?.textContent ).toBe(
			'Ask our assistant'
		);
		const log = root.querySelector( '[role="log"]' )!;
		expect( log.getAttribute( 'aria-live' ) ).toBe( 'polite' );
		expect( log.textContent?.trim() ).toBe( 'Hello!' );
		const input = root.querySelector( 'input' )!;
		expect(
			root.querySelector( `label[for="${ input.id }"]` )?.textContent
		).toBe( 'Your question' );
		expect(
			root.querySelector( 'button[type="submit"]' )?.textContent
		).toBe( 'Send' );
		expect(
			root.querySelector( '.handoff-bot-chat__launcher' )
		).toBeNull();
	} );

	it( 'passes the REST base, length limit, display and every client string', () => {
		const { config } = render( {
			attributes: { display: 'floating', showHumanButton: false },
			settings: { max_message_length: 500 },
		} );
		expect( config ).toEqual(
			expect.objectContaining( {
				restUrl: REST,
				maxLength: 500,
				display: 'floating',
				showHumanButton: false,
			} )
		);
		for ( const key of STRING_KEYS ) {
			expect( typeof config.strings[ key ] ).toBe( 'string' );
			expect( config.strings[ key ].length ).toBeGreaterThan( 0 );
		}
		expect( config.strings.humanRequest ).toBe(
			"I'd like to talk to a person."
		);
		expect( config.strings.tooLong ).toContain( '500' );
	} );

	it( 'passes the contact page (else the home page) and the locale', () => {
		expect( render().config ).toEqual(
			expect.objectContaining( {
				contactUrl: 'https://shop.example/contact/',
				locale: 'en-US',
			} )
		);
		expect( render( { contactPage: false } ).config.contactUrl ).toBe(
			'https://shop.example/'
		);
	} );

	it( 'defaults the length limit to 2000', () => {
		expect( render().config.maxLength ).toBe( 2000 );
		expect( render( { settings: {} } ).config.maxLength ).toBe( 2000 );
	} );

	it( 'prints a nonce only for logged-in visitors (anonymous pages may be cached)', () => {
		expect( render().config ).not.toHaveProperty( 'nonce' );
		expect( renderPhp() ).not.toContain( 'nonce-for' );
		expect( render( { loggedIn: true } ).config.nonce ).toBe(
			'nonce-for-wp_rest'
		);
	} );

	it( 'escapes attribute text everywhere it is printed', () => {
		const evil = `</script><script>window.pwned=1</script><img src=x onerror=alert(1)>"'&`;
		const { root, config } = render( {
			attributes: {
				display: 'floating',
				title: evil,
				greeting: evil,
				placeholder: evil,
			},
		} );
		expect( document.querySelectorAll( 'script' ) ).toHaveLength( 1 );
		expect( document.querySelector( 'img' ) ).toBeNull();
		expect( root.querySelector( 'h2' )?.textContent ).toBe( evil );
		expect(
			root.querySelector( '.handoff-bot-chat__launcher' )?.textContent
		).toContain( evil );
		expect( root.querySelector( 'input' )?.placeholder ).toBe( evil );
		expect( config.display ).toBe( 'floating' );
	} );

	it( 'prints the floating panel as a hidden dialog controlled by the launcher', () => {
		const { root } = render( {
			attributes: { display: 'floating', title: 'Chat with us' },
		} );
		const launcher = root.querySelector( '.handoff-bot-chat__launcher' )!;
		const panel = root.querySelector< HTMLElement >(
			'.handoff-bot-chat__panel'
		)!;
		expect( launcher.getAttribute( 'aria-expanded' ) ).toBe( 'false' );
		expect( launcher.getAttribute( 'aria-controls' ) ).toBe( panel.id );
		expect( panel.getAttribute( 'role' ) ).toBe( 'dialog' );
		expect( panel.getAttribute( 'aria-modal' ) ).toBe( 'true' );
		expect( panel.hidden ).toBe( true );
		const close = root.querySelector( '.handoff-bot-chat__close' )!;
		expect(
			close.querySelector( '.handoff-bot-chat__sr' )?.textContent
		).toBe( 'Close chat' );
		expect(
			close.querySelector( '[aria-hidden="true"]' )?.textContent
		).toBe( '×' );
	} );
} );
