/**
 * The words the Inbox shows for the stable codes the server sends (reasons, triggers, outcomes,
 * statuses), and for times.
 */
import { __, _n, sprintf } from '@wordpress/i18n';

import type { HandoffStatus, Outcome } from '../../shared/types/inbox';

type Option = { value: string; label: string };

export function reasonOptions(): Option[] {
	return [
		{
			value: 'user_requested',
			label: __( 'Asked for a person', 'handoff-bot' ),
		},
		{ value: 'business_rule', label: __( 'Business rule', 'handoff-bot' ) },
		{
			value: 'sensitive_account',
			label: __( 'Sensitive account matter', 'handoff-bot' ),
		},
		{
			value: 'low_confidence',
			label: __( 'Low confidence', 'handoff-bot' ),
		},
		{
			value: 'missing_knowledge',
			label: __( 'Missing knowledge', 'handoff-bot' ),
		},
		{
			value: 'repeated_failure',
			label: __( 'Repeated failure', 'handoff-bot' ),
		},
		{ value: 'frustration', label: __( 'Frustration', 'handoff-bot' ) },
		{
			value: 'action_required',
			label: __( 'Action required', 'handoff-bot' ),
		},
	];
}

function labelOf( options: Option[], value: string ): string {
	return options.find( ( option ) => option.value === value )?.label ?? value;
}

export function reasonLabel( reason: string ): string {
	return labelOf( reasonOptions(), reason );
}

export function triggerLabel( trigger: string ): string {
	return labelOf(
		[
			{ value: 'user', label: __( 'The visitor asked', 'handoff-bot' ) },
			{ value: 'system', label: __( 'The bot', 'handoff-bot' ) },
			{ value: 'rule', label: __( 'A rule', 'handoff-bot' ) },
		],
		trigger
	);
}

export function outcomeOptions(): { value: Outcome; label: string }[] {
	return [
		{ value: 'resolved', label: __( 'Resolved', 'handoff-bot' ) },
		{ value: 'not_resolved', label: __( 'Not resolved', 'handoff-bot' ) },
		{ value: 'duplicate', label: __( 'Duplicate', 'handoff-bot' ) },
		{ value: 'spam', label: __( 'Spam', 'handoff-bot' ) },
	];
}

export function outcomeLabel( outcome: string ): string {
	return labelOf(
		[
			...outcomeOptions(),
			{
				value: 'handed_back',
				label: __( 'Handed back to the bot', 'handoff-bot' ),
			},
			{ value: 'left', label: __( 'The visitor left', 'handoff-bot' ) },
			{
				value: 'abandoned',
				label: __( 'The visitor went away', 'handoff-bot' ),
			},
		],
		outcome
	);
}

export function statusLabel( status: HandoffStatus ): string {
	const labels: Record< HandoffStatus, string > = {
		requested: __( 'Waiting', 'handoff-bot' ),
		queued: __( 'Waiting', 'handoff-bot' ),
		accepted: __( 'In progress', 'handoff-bot' ),
		resolved: __( 'Resolved', 'handoff-bot' ),
		handed_back: __( 'Handed back to the bot', 'handoff-bot' ),
		left: __( 'The visitor left', 'handoff-bot' ),
		abandoned: __( 'The visitor went away', 'handoff-bot' ),
		expired: __( 'Expired', 'handoff-bot' ),
	};
	return labels[ status ] ?? status;
}

export function isWaiting( status: HandoffStatus ): boolean {
	return status === 'requested' || status === 'queued';
}

export function isClosed( status: HandoffStatus ): boolean {
	return (
		status === 'resolved' || status === 'handed_back' || status === 'left'
	);
}

/** The "time waiting" filter: at least this many seconds. */
export function waitingOptions(): Option[] {
	return [
		{ value: '60', label: __( 'Over 1 minute', 'handoff-bot' ) },
		{ value: '300', label: __( 'Over 5 minutes', 'handoff-bot' ) },
		{ value: '900', label: __( 'Over 15 minutes', 'handoff-bot' ) },
	];
}

export function waitingLabel( seconds: number ): string {
	if ( seconds < 60 ) {
		return __( 'Under a minute', 'handoff-bot' );
	}
	const minutes = Math.floor( seconds / 60 );
	if ( minutes < 60 ) {
		return sprintf(
			/* translators: %d: minutes. */
			_n( '%d minute', '%d minutes', minutes, 'handoff-bot' ),
			minutes
		);
	}
	const hours = Math.floor( minutes / 60 );
	return sprintf(
		/* translators: %d: hours. */
		_n( '%d hour', '%d hours', hours, 'handoff-bot' ),
		hours
	);
}

export function formatTime( iso: string | null ): string {
	if ( ! iso ) {
		return '';
	}
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	return date.toLocaleString( undefined, {
		dateStyle: 'medium',
		timeStyle: 'short',
	} );
}

export function percent( value: number | null ): string {
	if ( value === null || ! Number.isFinite( value ) ) {
		return __( 'Unknown', 'handoff-bot' );
	}
	return `${ Math.round( value * 100 ) }%`;
}
