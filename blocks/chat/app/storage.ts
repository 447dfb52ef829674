/**
 * A small key/value store over sessionStorage that never throws: storage can be disabled, full, or
 * refused in private windows, and the chat must keep working (in memory) when it is.
 */

/** The part of the Web Storage API the client uses; tests inject an in-memory one. */
export type KeyValueStore = Pick<
	Storage,
	'getItem' | 'setItem' | 'removeItem'
>;

/** An in-memory store, used when sessionStorage is unavailable and in tests. */
export function memoryStore(): KeyValueStore {
	const data = new Map< string, string >();
	return {
		getItem: ( key ) => data.get( key ) ?? null,
		setItem: ( key, value ) => void data.set( key, String( value ) ),
		removeItem: ( key ) => void data.delete( key ),
	};
}

/** The tab's sessionStorage, or memory when it cannot be used. */
export function sessionStore(): KeyValueStore {
	try {
		const storage = window.sessionStorage;
		const probe = 'handoff-bot:probe';
		storage.setItem( probe, '1' );
		storage.removeItem( probe );
		return storage;
	} catch {
		return memoryStore();
	}
}

/**
 * Reads a JSON value; anything missing or unreadable is null.
 * @param store Where to read.
 * @param key   The key.
 */
export function readJson( store: KeyValueStore, key: string ): unknown {
	try {
		const raw = store.getItem( key );
		return raw === null ? null : ( JSON.parse( raw ) as unknown );
	} catch {
		return null;
	}
}

/**
 * Writes a JSON value, or removes the key for null. A full or refused storage is ignored: the
 * value stays in memory for this page.
 * @param store Where to write.
 * @param key   The key.
 * @param value The value; null removes the key.
 */
export function writeJson(
	store: KeyValueStore,
	key: string,
	value: unknown
): void {
	try {
		if ( value === null ) {
			store.removeItem( key );
		} else {
			store.setItem( key, JSON.stringify( value ) );
		}
	} catch {
		// Quota exceeded or storage refused: nothing more to do.
	}
}
