/**
 * Small DOM helpers shared by the parts of the chat panel. Server and visitor text only ever goes
 * in through textContent.
 */

export const PREFIX = 'handoff-bot-chat__';

/**
 * Creates an element with a class of the block and optional text.
 * @param tag  The tag name.
 * @param name Class names without the block prefix (`is-*` ones are kept as they are).
 * @param text Text content.
 */
export function h< K extends keyof HTMLElementTagNameMap >(
	tag: K,
	name: string,
	text?: string
): HTMLElementTagNameMap[ K ] {
	const node = document.createElement( tag );
	if ( name ) {
		node.className = name
			.split( ' ' )
			.map( ( n ) => ( n.startsWith( 'is-' ) ? n : PREFIX + n ) )
			.join( ' ' );
	}
	if ( text !== undefined ) {
		node.textContent = text;
	}
	return node;
}

/**
 * A `type="button"` button.
 * @param name  Class name, without the block prefix.
 * @param label Its text.
 */
export function button( name: string, label: string ): HTMLButtonElement {
	const node = h( 'button', name, label );
	node.type = 'button';
	return node;
}

/**
 * A group of buttons that does one thing once: while it runs the buttons are disabled; on failure
 * they come back with an error and focus returns to the button pressed; on success `done` runs.
 * Focus moves on only when it was inside the group.
 * @param group   The group (already holding the buttons).
 * @param buttons The buttons, disabled while the action runs.
 * @param error   The error line (hidden until a failure).
 * @param action  The action; resolves to whether it worked.
 * @param done    Called after success with whether the group had focus.
 * @return A handler to call with the pressed button.
 */
export function once(
	group: HTMLElement,
	buttons: HTMLButtonElement[],
	error: HTMLElement,
	action: ( pressed: HTMLButtonElement ) => Promise< boolean >,
	done: ( hadFocus: boolean ) => void
): ( pressed: HTMLButtonElement ) => Promise< void > {
	return async ( pressed ) => {
		const hadFocus = group.contains( group.ownerDocument.activeElement );
		buttons.forEach( ( b ) => ( b.disabled = true ) );
		error.hidden = true;
		if ( await action( pressed ) ) {
			done( hadFocus );
			return;
		}
		buttons.forEach( ( b ) => ( b.disabled = false ) );
		error.hidden = false;
		if ( hadFocus ) {
			pressed.focus();
		}
	};
}

/**
 * Replaces a group of buttons with a short thank-you line, focused when the group had focus.
 * @param group    The group.
 * @param text     The thanks.
 * @param hadFocus Whether focus was in the group.
 */
export function thank(
	group: HTMLElement,
	text: string,
	hadFocus: boolean
): void {
	const thanks = h( 'p', 'thanks', text );
	thanks.tabIndex = -1;
	group.replaceWith( thanks );
	if ( hadFocus ) {
		thanks.focus();
	}
}

/**
 * An http(s) URL, or null: citations must not carry script URLs.
 * @param url The citation URL.
 */
export function safeHref( url: string ): string | null {
	try {
		const parsed = new URL( url, window.location.href );
		return parsed.protocol === 'http:' || parsed.protocol === 'https:'
			? parsed.href
			: null;
	} catch {
		return null;
	}
}

/**
 * Fills `%s` / `%1$s`, `%2$s` placeholders of a translated string, in order.
 * @param text   The string.
 * @param values The values.
 */
export function fill( text: string, ...values: string[] ): string {
	let i = 0;
	return text.replace( /%(?:(\d)\$)?s/g, ( _, n?: string ) =>
		String( values[ n ? Number( n ) - 1 : i++ ] ?? '' )
	);
}
