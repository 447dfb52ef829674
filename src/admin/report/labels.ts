/**
 * The words the report shows for the codes the server sends: reasons and triggers (as the Inbox
 * names them), context fields, fallback kinds, routes and configuration areas.
 */
import { __, sprintf } from '@wordpress/i18n';

export { reasonLabel, triggerLabel } from '../inbox/labels';

const FIELDS = (): Record< string, string > => ( {
	transcript: __( 'Transcript', 'handoff-bot' ),
	intent: __( 'Intent', 'handoff-bot' ),
	confidence: __( 'Confidence', 'handoff-bot' ),
	sources: __( 'Sources', 'handoff-bot' ),
	user: __( 'Visitor details', 'handoff-bot' ),
	pages: __( 'Page trail and current page', 'handoff-bot' ),
	form: __( 'Form answers', 'handoff-bot' ),
	reason: __( 'Reason', 'handoff-bot' ),
	summary: __( 'Summary', 'handoff-bot' ),
	language: __( 'Language', 'handoff-bot' ),
} );

export function fieldLabel( field: string ): string {
	return FIELDS()[ field ] ?? field;
}

export function fallbackLabel( kind: string ): string {
	const labels: Record< string, string > = {
		after_hours: __( 'After hours', 'handoff-bot' ),
		no_agent: __( 'No agent available', 'handoff-bot' ),
		queue_full: __( 'Queue full', 'handoff-bot' ),
		private: __( 'Private', 'handoff-bot' ),
		live: __( 'Live', 'handoff-bot' ),
	};
	return labels[ kind ] ?? kind;
}

export function routeLabel( route: string ): string {
	const labels: Record< string, string > = {
		live: __( 'Live chat', 'handoff-bot' ),
		ticket: __( 'Ticket', 'handoff-bot' ),
		callback: __( 'Callback', 'handoff-bot' ),
		private: __( 'Private', 'handoff-bot' ),
	};
	return labels[ route ] ?? route;
}

export function areaLabel( area: string ): string {
	const labels: Record< string, string > = {
		rules: __( 'Rules', 'handoff-bot' ),
		answer: __( 'Answer settings', 'handoff-bot' ),
		availability: __( 'Hours and teams', 'handoff-bot' ),
		connections: __( 'Connections', 'handoff-bot' ),
		knowledge: __( 'Knowledge', 'handoff-bot' ),
	};
	return labels[ area ] ?? area;
}

export function intentName( label: string, intent: string ): string {
	return label || intent || __( 'No intent detected', 'handoff-bot' );
}

export function versionLabel( version: number ): string {
	/* translators: %d: configuration version number. */
	return sprintf( __( 'Version %d', 'handoff-bot' ), version );
}

export function orNone( value: string ): string {
	return value || __( 'None', 'handoff-bot' );
}
