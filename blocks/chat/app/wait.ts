/**
 * A wait in words for the visitor ("40 seconds", "20 minutes", "1 hour") and the time it ends, in
 * the page's language, through the browser's Intl (script modules cannot use wp-i18n, and Intl
 * knows every language's plurals).
 */

/**
 * Formats with the page's locale, or the browser's when that one is unknown to Intl.
 * @param locale A BCP 47 tag, or ''.
 * @param format Formats with the locales it is given.
 */
function withLocale(
	locale: string,
	format: ( locales: string | undefined ) => string
): string {
	if ( locale ) {
		try {
			return format( locale );
		} catch {
			// An unknown tag: the browser's language below.
		}
	}
	return format( undefined );
}

/**
 * How long a wait is, rounded to what a person would say: seconds under a minute, then minutes,
 * then hours.
 * @param ms     The wait in milliseconds.
 * @param locale A BCP 47 tag, or '' for the browser's language.
 */
export function waitInWords( ms: number, locale: string ): string {
	const seconds = Math.max( 1, Math.ceil( ms / 1000 ) );
	const minutes = Math.round( seconds / 60 );
	let value = seconds;
	let unit: 'second' | 'minute' | 'hour' = 'second';
	if ( seconds >= 60 && minutes < 60 ) {
		value = minutes;
		unit = 'minute';
	} else if ( seconds >= 60 ) {
		value = Math.round( minutes / 60 );
		unit = 'hour';
	}
	try {
		return withLocale( locale, ( locales ) =>
			new Intl.NumberFormat( locales, {
				style: 'unit',
				unit,
				unitDisplay: 'long',
			} ).format( value )
		);
	} catch {
		// Browsers without unit formatting.
		return `${ value } ${ unit }${ value === 1 ? '' : 's' }`;
	}
}

/**
 * The time of day a wait ends, e.g. "14:35" or "2:35 PM".
 * @param at     When, in ms since the epoch.
 * @param locale A BCP 47 tag, or '' for the browser's language.
 */
export function timeOfDay( at: number, locale: string ): string {
	return withLocale( locale, ( locales ) =>
		new Intl.DateTimeFormat( locales, {
			hour: 'numeric',
			minute: '2-digit',
		} ).format( new Date( at ) )
	);
}
