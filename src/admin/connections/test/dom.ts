/**
 * The shared DOM steps, rendering into the Connections screen's root, and steps of its own.
 */
import { act } from 'react';
import { mountAt } from '../../../shared/test/dom';

export * from '../../../shared/test/dom';

export function mount( element: JSX.Element ): HTMLDivElement {
	return mountAt( element, 'handoff-bot-connections-root' );
}

/**
 * The open dialog.
 */
export function dialog(): HTMLElement {
	const found = document.querySelector< HTMLElement >( '[role="dialog"]' );
	if ( ! found ) {
		throw new Error( 'No dialog.' );
	}
	return found;
}

export function choose( control: HTMLSelectElement, value: string ) {
	act( () => {
		control.value = value;
		control.dispatchEvent( new Event( 'change', { bubbles: true } ) );
	} );
}

/**
 * The rows of the delivery log, as text.
 */
export function logRows(): string[] {
	return Array.from(
		document.querySelectorAll(
			'.handoff-bot-connections__log-panel tbody tr'
		)
	).map( ( row ) => row.textContent ?? '' );
}

/**
 * The names of the connections listed, in order.
 */
export function listed(): string[] {
	return Array.from(
		document.querySelectorAll( '.handoff-bot-connections__item h3' )
	).map( ( h ) => h.textContent ?? '' );
}

/**
 * The element that has the focus.
 */
export function focused(): Element | null {
	return document.body.ownerDocument.activeElement;
}
