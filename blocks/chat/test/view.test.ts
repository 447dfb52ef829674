/**
 * The launcher (view.ts): the floating panel is a dialog, and the full client loads only when the
 * visitor is about to chat, or at once when this tab has a conversation open.
 */
import { CONVERSATION_KEY, OUTBOX_KEY } from '../keys';
import { flush, renderPhp } from './render';

const mockMount = jest.fn();
let mockImportFailures = 0;
jest.mock( '../app', () => {
	if ( mockImportFailures > 0 ) {
		mockImportFailures--;
		throw new Error( 'ChunkLoadError: offline' );
	}
	return { mount: ( ...args: unknown[] ) => mockMount( ...args ) };
} );

const controller = { submit: jest.fn(), human: jest.fn(), stop: jest.fn() };

async function loadView( attributes: Record< string, unknown > = {} ) {
	document.body.innerHTML = `<p><a href="#before">Before</a></p>${ renderPhp(
		{ attributes }
	) }<p><a href="#after">After</a></p>`;
	// A fresh view module (it wires the page on import) and a fresh client module each time.
	jest.resetModules();
	await import( '../view' );
	await flush();
	const $ = < T extends HTMLElement >( selector: string ) =>
		document.querySelector< T >( selector )!;
	return {
		launcher: $< HTMLButtonElement >( '.handoff-bot-chat__launcher' ),
		panel: $( '.handoff-bot-chat__panel' ),
		input: $< HTMLInputElement >( '.handoff-bot-chat__input' ),
		form: $< HTMLFormElement >( '.handoff-bot-chat__form' ),
		close: $< HTMLButtonElement >( '.handoff-bot-chat__close' ),
		human: $< HTMLButtonElement >( '.handoff-bot-chat__human' ),
	};
}

function press( target: HTMLElement, key: string, shiftKey = false ) {
	const event = new KeyboardEvent( 'keydown', {
		key,
		shiftKey,
		bubbles: true,
		cancelable: true,
	} );
	target.dispatchEvent( event );
	return event;
}

const active = () => document.body.ownerDocument.activeElement;

beforeEach( () => {
	mockMount.mockReset().mockReturnValue( controller );
	Object.values( controller ).forEach( ( fn ) => fn.mockClear() );
	sessionStorage.clear();
} );

describe( 'floating launcher', () => {
	it( 'loads nothing more until the visitor comes near the launcher', async () => {
		const { launcher } = await loadView( { display: 'floating' } );
		expect( mockMount ).not.toHaveBeenCalled();

		launcher.dispatchEvent( new MouseEvent( 'pointerenter' ) );
		await flush();
		expect( mockMount ).toHaveBeenCalledTimes( 1 );

		launcher.focus();
		launcher.click();
		await flush();
		expect( mockMount ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'starts loading the client when the launcher gets keyboard focus', async () => {
		const { launcher } = await loadView( { display: 'floating' } );
		launcher.focus();
		await flush();
		expect( mockMount ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'opens a labelled dialog, moves focus into it, and closes with Escape back to the launcher', async () => {
		const { launcher, panel, input } = await loadView( {
			display: 'floating',
			title: 'Chat with us',
		} );
		expect( panel.hidden ).toBe( true );
		expect( launcher.getAttribute( 'aria-expanded' ) ).toBe( 'false' );
		expect( launcher.getAttribute( 'aria-controls' ) ).toBe( panel.id );
		expect( launcher.textContent?.trim() ).toBe( 'Chat with us' );
		expect( panel.getAttribute( 'role' ) ).toBe( 'dialog' );
		expect(
			document.getElementById( panel.getAttribute( 'aria-labelledby' )! )
				?.textContent
		).toBe( 'Chat with us' );

		launcher.click();
		expect( panel.hidden ).toBe( false );
		expect( launcher.getAttribute( 'aria-expanded' ) ).toBe( 'true' );
		expect( active() ).toBe( input );
		await flush();
		expect( mockMount ).toHaveBeenCalledTimes( 1 );

		const escape = press( input, 'Escape' );
		expect( escape.defaultPrevented ).toBe( true );
		expect( panel.hidden ).toBe( true );
		expect( launcher.getAttribute( 'aria-expanded' ) ).toBe( 'false' );
		expect( active() ).toBe( launcher );
	} );

	it( 'keeps Tab and Shift+Tab inside the open dialog', async () => {
		const { launcher, panel, close, human } = await loadView( {
			display: 'floating',
		} );
		launcher.click();
		// Later controls (e.g. End chat) count too; hidden ones do not.
		const extra = document.createElement( 'button' );
		extra.textContent = 'End chat';
		human.after( extra );
		const hiddenButton = document.createElement( 'button' );
		hiddenButton.hidden = true;
		extra.after( hiddenButton );

		extra.focus();
		const forward = press( extra, 'Tab' );
		expect( forward.defaultPrevented ).toBe( true );
		expect( active() ).toBe( close );

		const backward = press( close, 'Tab', true );
		expect( backward.defaultPrevented ).toBe( true );
		expect( active() ).toBe( extra );

		// In between, the browser moves focus as usual.
		human.focus();
		expect( press( human, 'Tab' ).defaultPrevented ).toBe( false );
		expect( panel.contains( active() ) ).toBe( true );
	} );

	it( 'closes from the close button and toggles from the launcher', async () => {
		const { launcher, panel, close } = await loadView( {
			display: 'floating',
		} );
		launcher.click();
		close.click();
		expect( panel.hidden ).toBe( true );
		expect( active() ).toBe( launcher );
		launcher.click();
		launcher.click();
		expect( panel.hidden ).toBe( true );
		expect( launcher.getAttribute( 'aria-expanded' ) ).toBe( 'false' );
	} );
} );

describe( 'inline chat', () => {
	it( 'shows the panel and loads the client when the input is focused', async () => {
		const { panel, input } = await loadView();
		expect( panel.hidden ).toBe( false );
		expect( panel.getAttribute( 'role' ) ).toBeNull();
		expect( mockMount ).not.toHaveBeenCalled();
		input.focus();
		await flush();
		expect( mockMount ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'loads the client when hovered', async () => {
		const { panel } = await loadView();
		panel.dispatchEvent( new MouseEvent( 'pointerenter' ) );
		await flush();
		expect( mockMount ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'sends a message submitted before the client arrived, once it has', async () => {
		const { form, input } = await loadView();
		input.value = 'Quick question';
		const event = new Event( 'submit', {
			bubbles: true,
			cancelable: true,
		} );
		form.dispatchEvent( event );
		expect( event.defaultPrevented ).toBe( true );
		await flush();
		expect( mockMount ).toHaveBeenCalledTimes( 1 );
		expect( controller.submit ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'asks for a person when "Talk to a person" was pressed before the client arrived', async () => {
		const { human } = await loadView();
		human.click();
		await flush();
		expect( controller.human ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'tries loading again on the next interaction when loading failed', async () => {
		mockImportFailures = 1;
		const { input, panel } = await loadView();
		input.focus();
		await flush();
		expect( mockMount ).not.toHaveBeenCalled();
		panel.dispatchEvent( new MouseEvent( 'pointerenter' ) );
		await flush();
		expect( mockMount ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'a conversation open in this tab', () => {
	it.each( [ CONVERSATION_KEY, OUTBOX_KEY ] )(
		'loads the client at once when %s is set, to restore it',
		async ( key ) => {
			sessionStorage.setItem( key, '{}' );
			await loadView( { display: 'floating' } );
			expect( mockMount ).toHaveBeenCalledTimes( 1 );
		}
	);
} );
