/**
 * Small DOM steps for the Teams and hours screen's tests: render into a fresh root, find controls by their
 * label or name as a person would, type, click, and let promises settle.
 */
import { createRoot } from '@wordpress/element';
import { act } from 'react';

// React's act() warns unless the environment says it is a test.
(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement | null = null;
let root: ReturnType< typeof createRoot > | null = null;

export function mount( element: JSX.Element ): HTMLDivElement {
	container = document.createElement( 'div' );
	container.id = 'handoff-bot-hours-root';
	document.body.appendChild( container );
	root = createRoot( container );
	act( () => root?.render( element ) );
	return container;
}

export function unmount() {
	act( () => root?.unmount() );
	container?.remove();
	document.body.innerHTML = '';
	root = null;
	container = null;
}

export async function settle() {
	for ( let i = 0; i < 3; i++ ) {
		await act( async () => {
			await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
		} );
	}
}

/**
 * The control a label names (by the label's text, exactly).
 * @param text The label's text.
 */
export function field< T extends HTMLElement = HTMLInputElement >(
	text: string
): T {
	const label = Array.from( document.querySelectorAll( 'label' ) ).find(
		( l ) => l.textContent?.trim() === text
	);
	const control = label?.htmlFor
		? document.getElementById( label.htmlFor )
		: label?.querySelector( 'input, textarea, select' );
	if ( ! control ) {
		throw new Error( `No control labelled “${ text }”.` );
	}
	return control as T;
}

/**
 * A button by its accessible name (aria-label, else its text).
 * @param name The button's name.
 */
export function button( name: string ): HTMLButtonElement {
	const found = Array.from( document.querySelectorAll( 'button' ) ).find(
		( b ) =>
			( b.getAttribute( 'aria-label' ) ?? b.textContent?.trim() ) === name
	);
	if ( ! found ) {
		throw new Error( `No button named “${ name }”.` );
	}
	return found;
}

export function type( control: HTMLElement, value: string ) {
	const proto =
		control instanceof HTMLTextAreaElement
			? HTMLTextAreaElement.prototype
			: HTMLInputElement.prototype;
	const setter = Object.getOwnPropertyDescriptor( proto, 'value' )?.set;
	act( () => {
		setter?.call( control, value );
		control.dispatchEvent( new Event( 'input', { bubbles: true } ) );
	} );
}

export function click( element: HTMLElement ) {
	act( () => element.click() );
}

/**
 * The text of the element an element's aria-describedby names.
 * @param control A control.
 */
export function description( control: HTMLElement ): string {
	return ( control.getAttribute( 'aria-describedby' ) ?? '' )
		.split( ' ' )
		.filter( Boolean )
		.map( ( id ) => document.getElementById( id )?.textContent ?? '' )
		.join( ' ' );
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
