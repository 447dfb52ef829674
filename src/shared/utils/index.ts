/**
 * Small pure helpers shared by the wp-admin screens.
 */

/**
 * Turns the HTML entities WordPress puts in titles ("&#8217;", "&amp;") back into text. A
 * textarea's content is never parsed as markup, so nothing in the string can run.
 * @param text Text with entities.
 */
export function decodeEntities( text: string ): string {
	if ( ! text.includes( '&' ) || typeof document === 'undefined' ) {
		return text;
	}
	const area = document.createElement( 'textarea' );
	area.innerHTML = text;
	return area.value;
}

/**
 * A server's message about a field, with the field's name (as in "rate_limit_ip_per_minute must
 * be between 1 and 10000", or "post_types[0] is not one of …") replaced by the label the screen
 * shows for it.
 * @param message The server's message.
 * @param name    The field's name.
 * @param label   The field's label.
 */
export function labelledMessage(
	message: string,
	name: string,
	label: string
): string {
	const escaped = name.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
	return message.replace(
		new RegExp( `${ escaped }(\\[\\d+\\])?`, 'g' ),
		label
	);
}
