/**
 * Small DOM steps for the admin screens' tests: render into a fresh root (with the id the screen
 * mounts on), find controls by their label or name as a person would, type, click, and let
 * promises settle.
 */
import { createRoot } from '@wordpress/element';
import { act } from 'react';

// React's act() warns unless the environment says it is a test.
(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement | null = null;
let root: ReturnType< typeof createRoot > | null = null;

/**
 * Renders a screen into a fresh root.
 * @param element The screen.
 * @param id      The id of the element the screen mounts on.
 */
export function mountAt( element: JSX.Element, id: string ): HTMLDivElement {
	container = document.createElement( 'div' );
	container.id = id;
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

function buttonName( b: Element ): string {
	return ( b.getAttribute( 'aria-label' ) ?? b.textContent ?? '' ).trim();
}

/**
 * A button by its accessible name (aria-label, else its text), or undefined.
 * @param name The button's name.
 */
export function queryButton( name: string ): HTMLButtonElement | undefined {
	return Array.from( document.querySelectorAll( 'button' ) ).find(
		( b ) => buttonName( b ) === name
	);
}

/**
 * A button by its accessible name (aria-label, else its text).
 * @param name The button's name.
 */
export function button( name: string ): HTMLButtonElement {
	const found = queryButton( name );
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
