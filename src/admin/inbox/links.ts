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

/**
 * The handoff an inbox address asks to open (`admin.php?page=handoff-bot-inbox&handoff=12`, the
 * link notification emails and the report carry), or null.
 * @param search The address's query string.
 */
export function handoffFromSearch( search: string ): number | null {
	const raw = new URLSearchParams( search ).get( 'handoff' ) ?? '';
	return /^[1-9]\d{0,9}$/.test( raw ) ? Number( raw ) : null;
}

/**
 * The inbox opened on a handoff (relative to wp-admin).
 * @param handoffId The handoff.
 */
export function inboxLink( handoffId: number ): string {
	return `admin.php?page=handoff-bot-inbox&handoff=${ handoffId }`;
}
