/**
 * Small DOM steps for the Inbox's tests: render into a fresh root, find controls by their label or
 * name as a person would, type, click, and let promises settle.
 */
import { click, mountAt } from '../../../shared/test/dom';
import { act } from 'react';

// React's act() warns unless the environment says it is a test.
(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom lays nothing out; the list scrolls its selected row into view.
if ( ! Element.prototype.scrollIntoView ) {
	Element.prototype.scrollIntoView = () => {};
}

export {
	button,
	click,
	field,
	queryButton,
	type,
	unmount,
} from '../../../shared/test/dom';

export function mount( element: JSX.Element ): HTMLDivElement {
	return mountAt( element, 'handoff-bot-inbox-root' );
}

/**
 * Lets pending requests answer and React render (real timers).
 */
export async function settle() {
	for ( let i = 0; i < 4; i++ ) {
		await act( async () => {
			await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
		} );
	}
}

/**
 * Moves fake timers on, letting requests answer on the way.
 * @param ms Milliseconds.
 */
export async function wait( ms: number ) {
	await act( async () => {
		await jest.advanceTimersByTimeAsync( ms );
	} );
}

export function pressEnter( control: HTMLElement ) {
	act( () => {
		control.dispatchEvent(
			new KeyboardEvent( 'keydown', { key: 'Enter', bubbles: true } )
		);
	} );
}

/**
 * The texts of the list's rows (each row's visible text).
 */
export function rows(): string[] {
	return Array.from(
		document.querySelectorAll( '.dataviews-view-list [role="row"]' )
	).map( ( row ) => row.textContent ?? '' );
}

/**
 * Opens the row whose text holds the words, as a click on it does.
 * @param words Words of the row.
 */
export function openRow( words: string ) {
	const row = Array.from(
		document.querySelectorAll( '.dataviews-view-list [role="row"]' )
	).find( ( r ) => r.textContent?.includes( words ) );
	const item = row?.querySelector< HTMLElement >(
		'.dataviews-view-list__item'
	);
	if ( ! item ) {
		throw new Error( `No row with “${ words }”.` );
	}
	click( item );
}

/**
 * The transcript's messages as shown, each as "Author: text", with "(Internal note)" after the
 * author of a note.
 */
export function transcript(): string[] {
	return Array.from(
		document.querySelectorAll( '[role="log"] > ol > li' )
	).map( ( li ) => {
		const who = li.querySelector( 'strong' )?.textContent ?? '';
		const badge = li.querySelector(
			'.handoff-bot-inbox__badge'
		)?.textContent;
		const body = li.querySelector(
			'.handoff-bot-inbox__message-body'
		)?.textContent;
		return `${ who }${ badge ? ` (${ badge })` : '' }: ${ body ?? '' }`;
	} );
}

/**
 * The element with the focus.
 */
export function focused(): Element | null {
	return document.body.ownerDocument.activeElement;
}
