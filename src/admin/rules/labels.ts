/**
 * The plain words the Rules screen uses for the policy's codes: intent policies, decision kinds,
 * reason codes, triggers, thresholds and messages. Unknown codes (a site's own rule or reason)
 * show as they are.
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	IntentPolicy,
	Messages,
	Thresholds,
} from '../../shared/types/rules';

/** The most unproductive turns a threshold may name (Policy_Validator::MAX_TURNS). */
export const MAX_TURNS = 20;

export const POLICIES: IntentPolicy[] = [
	'bot',
	'offer_choice',
	'human',
	'private',
	'action',
];

export function policyLabel( policy: string ): string {
	switch ( policy ) {
		case 'bot':
			return __( 'The bot answers', 'handoff-bot' );
		case 'offer_choice':
			return __( 'Offer a person', 'handoff-bot' );
		case 'human':
			return __( 'Hand off to a person', 'handoff-bot' );
		case 'private':
			return __( 'Private handoff', 'handoff-bot' );
		case 'action':
			return __( 'Needs an action by staff', 'handoff-bot' );
	}
	return policy;
}

export function policyHelp( policy: string ): string {
	switch ( policy ) {
		case 'bot':
			return __(
				'The bot answers from the site’s pages. A person is brought in only if the visitor asks, or the bot cannot help.',
				'handoff-bot'
			);
		case 'offer_choice':
			return __(
				'The bot offers two choices at once: try its answer, or talk to a person now.',
				'handoff-bot'
			);
		case 'human':
			return __(
				'A person takes over at once (a business rule), without the bot answering.',
				'handoff-bot'
			);
		case 'private':
			return __(
				'A person takes over at once on the private route: only staff see the conversation. For account, identity and personal-data topics.',
				'handoff-bot'
			);
		case 'action':
			return __(
				'The visitor needs something done that the bot cannot do (a refund, a change to an order): a person takes over.',
				'handoff-bot'
			);
	}
	return '';
}

export function kindLabel( kind: string ): string {
	switch ( kind ) {
		case 'answer':
			return __( 'Answer', 'handoff-bot' );
		case 'offer_choice':
			return __( 'Offer a person', 'handoff-bot' );
		case 'handoff':
			return __( 'Hand off', 'handoff-bot' );
		case 'private_handoff':
			return __( 'Private handoff', 'handoff-bot' );
	}
	return kind;
}

export function reasonLabel( reason: string ): string {
	switch ( reason ) {
		case '':
			return __( 'none', 'handoff-bot' );
		case 'user_requested':
			return __( 'The visitor asked for a person', 'handoff-bot' );
		case 'business_rule':
			return __( 'Business rule', 'handoff-bot' );
		case 'sensitive_account':
			return __( 'Sensitive account or personal data', 'handoff-bot' );
		case 'low_confidence':
			return __( 'Low confidence', 'handoff-bot' );
		case 'missing_knowledge':
			return __( 'Missing knowledge', 'handoff-bot' );
		case 'repeated_failure':
			return __( 'Repeated failure', 'handoff-bot' );
		case 'frustration':
			return __( 'Frustration', 'handoff-bot' );
		case 'action_required':
			return __( 'Action required', 'handoff-bot' );
	}
	return reason;
}

export function triggerLabel( trigger: string ): string {
	switch ( trigger ) {
		case '':
			return __( 'none', 'handoff-bot' );
		case 'user':
			return __( 'The visitor', 'handoff-bot' );
		case 'system':
			return __( 'The bot', 'handoff-bot' );
		case 'rule':
			return __( 'A business rule', 'handoff-bot' );
	}
	return trigger;
}

/**
 * A signal's name, for the shipped signals; a site's own signal shows its identifier.
 * @param id The signal's identifier.
 */
export function signalLabel( id: string ): string {
	switch ( id ) {
		case 'intent':
			return __( 'Intent', 'handoff-bot' );
		case 'human_request':
			return __( 'Asks for a person', 'handoff-bot' );
		case 'frustration':
			return __( 'Frustration or negative sentiment', 'handoff-bot' );
		case 'repetition':
			return __( 'Asks the same again', 'handoff-bot' );
		case 'sensitivity':
			return __( 'Sensitive topic or personal data', 'handoff-bot' );
		case 'unproductive':
			return __( 'Unproductive turns', 'handoff-bot' );
		case 'personal':
			return __( 'About the visitor’s own case', 'handoff-bot' );
		case 'language':
			return __( 'Language', 'handoff-bot' );
	}
	return id;
}

/**
 * A decision as one line: "Hand off (Frustration)".
 * @param kind   Decision kind.
 * @param reason Reason code ('' for none).
 */
export function decisionText( kind: string, reason: string ): string {
	if ( ! reason ) {
		return kindLabel( kind );
	}
	return sprintf(
		/* translators: 1: what the bot does, 2: why. */
		__( '%1$s (%2$s)', 'handoff-bot' ),
		kindLabel( kind ),
		reasonLabel( reason )
	);
}

export type ThresholdInfo = {
	name: keyof Thresholds;
	label: string;
	help: string;
	min: number;
	max: number;
	step: number;
};

export function thresholdInfo(): ThresholdInfo[] {
	return [
		{
			name: 'intent',
			label: __( 'Intent recognition', 'handoff-bot' ),
			help: __(
				'The score from which a message counts as being about an intent. Higher: fewer messages match, more surely.',
				'handoff-bot'
			),
			min: 0,
			max: 1,
			step: 0.01,
		},
		{
			name: 'offer_after',
			label: __( 'Offer a person after (turns)', 'handoff-bot' ),
			help: __(
				'Unproductive turns (an unsure answer, a question asked again, a negative reaction) after which the bot offers a person.',
				'handoff-bot'
			),
			min: 1,
			max: MAX_TURNS,
			step: 1,
		},
		{
			name: 'handoff_after',
			label: __( 'Hand off after (turns)', 'handoff-bot' ),
			help: __(
				'Unproductive turns after which a person takes over.',
				'handoff-bot'
			),
			min: 1,
			max: MAX_TURNS,
			step: 1,
		},
		{
			name: 'frustration',
			label: __( 'Frustration', 'handoff-bot' ),
			help: __(
				'The frustration score from which a person takes over. Lower: people are brought in sooner.',
				'handoff-bot'
			),
			min: 0,
			max: 1,
			step: 0.01,
		},
		{
			name: 'repetition',
			label: __( 'Repetition', 'handoff-bot' ),
			help: __(
				'How similar a message must be to an earlier one to count as asking the same thing again.',
				'handoff-bot'
			),
			min: 0,
			max: 1,
			step: 0.01,
		},
		{
			name: 'missing_coverage',
			label: __( 'Missing knowledge', 'handoff-bot' ),
			help: __(
				'Below this share of the question found in the site’s pages, the knowledge is missing rather than the answer unsure.',
				'handoff-bot'
			),
			min: 0,
			max: 1,
			step: 0.01,
		},
	];
}

export function messageInfo(): Array< {
	name: keyof Messages;
	label: string;
	help: string;
} > {
	return [
		{
			name: 'offer',
			label: __( 'Offer', 'handoff-bot' ),
			help: __(
				'Shown with the two choices: the bot’s answer or a person.',
				'handoff-bot'
			),
		},
		{
			name: 'connecting',
			label: __( 'Connecting', 'handoff-bot' ),
			help: __( 'Shown when a person takes over.', 'handoff-bot' ),
		},
		{
			name: 'recorded',
			label: __( 'Request recorded', 'handoff-bot' ),
			help: __(
				'Shown when the request for a person is recorded for the team to pick up.',
				'handoff-bot'
			),
		},
		{
			name: 'private',
			label: __( 'Private handoff', 'handoff-bot' ),
			help: __(
				'Shown when the conversation takes the private route.',
				'handoff-bot'
			),
		},
		{
			name: 'after_hours',
			label: __( 'After hours', 'handoff-bot' ),
			help: __(
				'Shown instead of “connecting” when a person is asked for outside your hours or on a holiday (Teams and hours).',
				'handoff-bot'
			),
		},
		{
			name: 'no_agent',
			label: __( 'Nobody available', 'handoff-bot' ),
			help: __(
				'Shown instead of “connecting” in your hours when no agent is online, or the queue is full.',
				'handoff-bot'
			),
		},
		{
			name: 'dont_know',
			label: __( 'Don’t know', 'handoff-bot' ),
			help: __(
				'Shown when the site’s pages hold no answer the bot is sure of (before any offer of a person).',
				'handoff-bot'
			),
		},
	];
}

/**
 * A date the server sent (ISO 8601, or MySQL's "Y-m-d H:i:s" in UTC) in the browser's locale.
 * @param value The server's date.
 */
export function formatDate( value: string ): string {
	if ( ! value ) {
		return '';
	}
	const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test( value )
		? `${ value.replace( ' ', 'T' ) }Z`
		: value;
	const date = new Date( iso );
	return Number.isNaN( date.getTime() ) ? value : date.toLocaleString();
}

/**
 * A list typed one item per line, without blank lines.
 * @param text The textarea's value.
 */
export function linesOf( text: string ): string[] {
	return text
		.split( '\n' )
		.map( ( line ) => line.trim() )
		.filter( Boolean );
}
