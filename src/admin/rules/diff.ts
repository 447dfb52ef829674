/**
 * The difference between two policies, as an admin reads it: intents added, removed or changed
 * (field by field; list fields as the items added and removed), phrases added and removed per
 * language, and the thresholds and messages that changed. Intents are matched by name, so a
 * renamed intent is one removed and one added.
 */
import type {
	Intent,
	Messages,
	Policy,
	Thresholds,
} from '../../shared/types/rules';

export type ValueChange = {
	field: 'label' | 'policy' | 'team';
	from: string;
	to: string;
};

export type ListChange = {
	field: 'keywords' | 'phrases' | 'examples';
	added: string[];
	removed: string[];
};

export type IntentChange = {
	name: string;
	label: string;
	values: ValueChange[];
	lists: ListChange[];
};

export type PhrasesChange = {
	language: string;
	added: string[];
	removed: string[];
};

export type PolicyDiff = {
	added: Intent[];
	removed: Intent[];
	changed: IntentChange[];
	phrases: PhrasesChange[];
	thresholds: Array< {
		name: keyof Thresholds;
		from: number | null;
		to: number | null;
	} >;
	messages: Array< { name: keyof Messages; from: string; to: string } >;
};

const VALUE_FIELDS: ValueChange[ 'field' ][] = [ 'label', 'policy', 'team' ];
const LIST_FIELDS: ListChange[ 'field' ][] = [
	'keywords',
	'phrases',
	'examples',
];

/**
 * The items of `to` that `from` lacks, and those of `from` that `to` lacks, in their order.
 * @param from The older list.
 * @param to   The newer list.
 */
export function listDiff(
	from: string[] = [],
	to: string[] = []
): { added: string[]; removed: string[] } {
	const before = new Set( from );
	const after = new Set( to );
	return {
		added: to.filter( ( item ) => ! before.has( item ) ),
		removed: from.filter( ( item ) => ! after.has( item ) ),
	};
}

function intentChange( from: Intent, to: Intent ): IntentChange | null {
	const values = VALUE_FIELDS.filter(
		( field ) => ( from[ field ] ?? '' ) !== ( to[ field ] ?? '' )
	).map( ( field ) => ( {
		field,
		from: from[ field ] ?? '',
		to: to[ field ] ?? '',
	} ) );
	const lists = LIST_FIELDS.map( ( field ) => ( {
		field,
		...listDiff( from[ field ], to[ field ] ),
	} ) ).filter( ( change ) => change.added.length || change.removed.length );
	if ( ! values.length && ! lists.length ) {
		return null;
	}
	return { name: to.name, label: to.label || from.label, values, lists };
}

/**
 * What changed from one policy to another.
 * @param from The older policy.
 * @param to   The newer policy.
 */
export function diffPolicies( from: Policy, to: Policy ): PolicyDiff {
	const fromIntents = new Map( from.intents.map( ( i ) => [ i.name, i ] ) );
	const toIntents = new Map( to.intents.map( ( i ) => [ i.name, i ] ) );

	const changed: IntentChange[] = [];
	for ( const intent of to.intents ) {
		const before = fromIntents.get( intent.name );
		const change = before ? intentChange( before, intent ) : null;
		if ( change ) {
			changed.push( change );
		}
	}

	const languages = Array.from(
		new Set( [
			...Object.keys( from.human_phrases ?? {} ),
			...Object.keys( to.human_phrases ?? {} ),
		] )
	);
	const phrases = languages
		.map( ( language ) => ( {
			language,
			...listDiff(
				from.human_phrases?.[ language ],
				to.human_phrases?.[ language ]
			),
		} ) )
		.filter( ( change ) => change.added.length || change.removed.length );

	const thresholdNames = Array.from(
		new Set( [
			...Object.keys( from.thresholds ?? {} ),
			...Object.keys( to.thresholds ?? {} ),
		] )
	) as Array< keyof Thresholds >;
	const thresholds = thresholdNames
		.map( ( name ) => ( {
			name,
			from: from.thresholds?.[ name ] ?? null,
			to: to.thresholds?.[ name ] ?? null,
		} ) )
		.filter( ( change ) => change.from !== change.to );

	const messageNames = Array.from(
		new Set( [
			...Object.keys( from.messages ?? {} ),
			...Object.keys( to.messages ?? {} ),
		] )
	) as Array< keyof Messages >;
	const messages = messageNames
		.map( ( name ) => ( {
			name,
			from: from.messages?.[ name ] ?? '',
			to: to.messages?.[ name ] ?? '',
		} ) )
		.filter( ( change ) => change.from !== change.to );

	return {
		added: to.intents.filter( ( i ) => ! fromIntents.has( i.name ) ),
		removed: from.intents.filter( ( i ) => ! toIntents.has( i.name ) ),
		changed,
		phrases,
		thresholds,
		messages,
	};
}

/**
 * Whether two policies are the same for the admin (no difference shown).
 * @param diff A difference.
 */
export function isEmptyDiff( diff: PolicyDiff ): boolean {
	return (
		! diff.added.length &&
		! diff.removed.length &&
		! diff.changed.length &&
		! diff.phrases.length &&
		! diff.thresholds.length &&
		! diff.messages.length
	);
}
