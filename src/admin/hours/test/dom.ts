/**
 * The shared DOM steps, rendering into the Teams and hours screen's root, and steps of its own.
 */
import { act } from 'react';
import { mountAt } from '../../../shared/test/dom';

export * from '../../../shared/test/dom';

export function mount( element: JSX.Element ): HTMLDivElement {
	return mountAt( element, 'handoff-bot-hours-root' );
}

/**
 * A group by its name: a fieldset's legend, or a role="group" element's aria-label.
 * @param name The group's name.
 */
export function group( name: string ): HTMLElement {
	const found = Array.from(
		document.querySelectorAll< HTMLElement >( 'fieldset, [role="group"]' )
	).find(
		( g ) =>
			( g.tagName === 'FIELDSET'
				? g.querySelector( 'legend' )?.textContent?.trim()
				: g.getAttribute( 'aria-label' ) ) === name
	);
	if ( ! found ) {
		throw new Error( `No group named “${ name }”.` );
	}
	return found;
}

/**
 * The control a label names, inside a container.
 * @param within Where to look.
 * @param text   The label's text, exactly.
 */
export function fieldIn< T extends HTMLElement = HTMLInputElement >(
	within: HTMLElement,
	text: string
): T {
	const label = Array.from( within.querySelectorAll( 'label' ) ).find(
		( l ) => l.textContent?.trim() === text
	);
	const control = label?.htmlFor
		? document.getElementById( label.htmlFor )
		: null;
	if ( ! control ) {
		throw new Error( `No control labelled “${ text }” here.` );
	}
	return control as T;
}

/**
 * The cells of each row of the seven-day preview, as text.
 */
export function previewRows(): string[][] {
	const table = Array.from( document.querySelectorAll( 'table' ) ).find(
		( t ) => t.caption?.textContent?.startsWith( 'The next seven days' )
	);
	if ( ! table ) {
		throw new Error( 'No preview.' );
	}
	return Array.from( table.querySelectorAll( 'tbody tr' ) ).map( ( row ) =>
		Array.from( row.children ).map(
			( cell ) => cell.textContent?.trim() ?? ''
		)
	);
}

export function choose( control: HTMLSelectElement, value: string ) {
	act( () => {
		control.value = value;
		control.dispatchEvent( new Event( 'change', { bubbles: true } ) );
	} );
}

/**
 * The element that has the focus.
 */
export function focused(): Element | null {
	return document.body.ownerDocument.activeElement;
}
