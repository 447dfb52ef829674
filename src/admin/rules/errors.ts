/**
 * Where a refused save's errors go. The server names each error by its path in the saved body
 * ("intents.2.name", "intents.2.phrases.4", "human_phrases.fr.0", "thresholds.intent", "note");
 * the screen shows each under the field that holds it, and lists the few that no field holds.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { PolicyErrors } from '../../shared/types/rules';

const INTENT_FIELDS = [
	'name',
	'label',
	'policy',
	'team',
	'keywords',
	'phrases',
	'examples',
];

/**
 * The error to show at one field: its own, then those of its items (a line of a list field,
 * numbered from 1 as the admin sees the lines).
 * @param errors All errors, by path.
 * @param path   The field's path.
 */
export function errorAt(
	errors: PolicyErrors,
	path: string
): string | undefined {
	const messages: string[] = [];
	if ( errors[ path ] ) {
		messages.push( errors[ path ] as string );
	}
	const item = new RegExp(
		`^${ path.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' ) }\\.(\\d+)$`
	);
	Object.keys( errors )
		.map( ( key ) => ( { key, match: item.exec( key ) } ) )
		.filter( ( { match } ) => match )
		.sort( ( a, b ) => Number( a.match?.[ 1 ] ) - Number( b.match?.[ 1 ] ) )
		.forEach( ( { key, match } ) => {
			messages.push(
				sprintf(
					/* translators: 1: line number, 2: what is wrong with it. */
					__( 'Line %1$d: %2$s', 'handoff-bot' ),
					Number( match?.[ 1 ] ) + 1,
					errors[ key ] as string
				)
			);
		} );
	return messages.length ? messages.join( ' ' ) : undefined;
}

/**
 * The indexes of the intents that have an error.
 * @param errors All errors, by path.
 */
export function intentsInError( errors: PolicyErrors ): number[] {
	const found = new Set< number >();
	for ( const key of Object.keys( errors ) ) {
		const match = /^intents\.(\d+)(\.|$)/.exec( key );
		if ( match ) {
			found.add( Number( match[ 1 ] ) );
		}
	}
	return Array.from( found ).sort( ( a, b ) => a - b );
}

/**
 * Whether a field on the screen shows this path's error.
 * @param path      An error's path.
 * @param languages The languages that have a phrases field.
 */
function isPlaced( path: string, languages: string[] ): boolean {
	const intent = /^intents\.\d+(?:\.([a-z_]+))?(?:\.\d+)?$/.exec( path );
	if ( intent ) {
		return ! intent[ 1 ] || INTENT_FIELDS.includes( intent[ 1 ] );
	}
	const phrases = /^human_phrases\.([^.]+)(?:\.\d+)?$/.exec( path );
	if ( phrases ) {
		return languages.includes( phrases[ 1 ] as string );
	}
	return (
		[ 'intents', 'human_phrases', 'thresholds', 'messages' ].includes(
			path
		) ||
		/^(thresholds|messages)\.[a-z_]+$/.test( path ) ||
		path === 'note' ||
		path === 'expected_impact'
	);
}

/**
 * The errors that no field on the screen shows ("policy", or a field the screen does not know),
 * as "path: message", to be listed in the notice.
 * @param errors    All errors, by path.
 * @param languages The languages that have a phrases field.
 */
export function unplacedErrors(
	errors: PolicyErrors,
	languages: string[]
): string[] {
	return Object.entries( errors )
		.filter( ( [ path ] ) => ! isPlaced( path, languages ) )
		.map( ( [ path, message ] ) => `${ path }: ${ message }` );
}

/**
 * Whether any error belongs to the policy (rather than the change note or expected impact).
 * @param errors All errors, by path.
 */
export function hasPolicyErrors( errors: PolicyErrors ): boolean {
	return Object.keys( errors ).some(
		( path ) => path !== 'note' && path !== 'expected_impact'
	);
}
