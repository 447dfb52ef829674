/**
 * Addresses a visitor's browser reported (pages visited, current URL) become links only when they
 * are web addresses: never `javascript:` or other schemes.
 * @param url An address.
 * @return The absolute address, or null when it is not a web address.
 */
export function safeUrl( url: string ): string | null {
	if ( ! url ) {
		return null;
	}
	try {
		const base =
			typeof window !== 'undefined' ? window.location.href : undefined;
		const parsed = new URL( url, base );
		return parsed.protocol === 'http:' || parsed.protocol === 'https:'
			? parsed.href
			: null;
	} catch {
		return null;
	}
}
