/**
 * The DataViews fields of a handoff list, and which show in each list.
 */
import type { Field } from '@wordpress/dataviews';
import { __, _n, sprintf } from '@wordpress/i18n';

import type { HandoffSummary, InboxView } from '../../../shared/types/inbox';
import {
	formatTime,
	outcomeLabel,
	reasonLabel,
	reasonOptions,
	waitingLabel,
	waitingOptions,
} from '../labels';

type Option = { value: string; label: string };

export const SHOWN_FIELDS: Record< InboxView, string[] > = {
	queue: [ 'reason', 'intent', 'team', 'waiting' ],
	mine: [ 'unread', 'reason', 'intent', 'waiting' ],
	closed: [ 'outcome', 'agent', 'resolved_at', 'reason' ],
};

const IS = { operators: [ 'is' as const ], isPrimary: true };

export function listFields(
	teams: Option[],
	intents: Option[]
): Field< HandoffSummary >[] {
	return [
		{
			id: 'headline',
			label: __( 'Visitor wants', 'handoff-bot' ),
			enableHiding: false,
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<span>
					{ item.headline || __( 'No summary yet', 'handoff-bot' ) }
				</span>
			),
		},
		{
			id: 'reason',
			label: __( 'Reason', 'handoff-bot' ),
			enableSorting: false,
			elements: reasonOptions(),
			filterBy: IS,
			render: ( { item } ) => <span>{ reasonLabel( item.reason ) }</span>,
		},
		{
			id: 'intent',
			label: __( 'Intent', 'handoff-bot' ),
			enableSorting: false,
			elements: intents,
			filterBy: IS,
			render: ( { item } ) => (
				<span>{ item.intent_label || item.intent || '—' }</span>
			),
		},
		{
			id: 'team',
			label: __( 'Team', 'handoff-bot' ),
			enableSorting: false,
			elements: teams,
			filterBy: IS,
			render: ( { item } ) => (
				<span>
					{ teams.find( ( t ) => t.value === item.team )?.label ||
						item.team ||
						__( 'Any agent', 'handoff-bot' ) }
				</span>
			),
		},
		{
			id: 'waiting',
			label: __( 'Time waiting', 'handoff-bot' ),
			enableSorting: false,
			elements: waitingOptions(),
			filterBy: IS,
			getValue: ( { item } ) => item.waiting_seconds,
			render: ( { item } ) => (
				<span>{ waitingLabel( item.waiting_seconds ) }</span>
			),
		},
		{
			id: 'unread',
			label: __( 'Unread', 'handoff-bot' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) =>
				item.unread > 0 ? (
					<strong>
						{ sprintf(
							/* translators: %d: number of unread messages. */
							_n(
								'%d new message',
								'%d new messages',
								item.unread,
								'handoff-bot'
							),
							item.unread
						) }
					</strong>
				) : null,
		},
		{
			id: 'outcome',
			label: __( 'Outcome', 'handoff-bot' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<span>{ outcomeLabel( item.outcome ) }</span>
			),
		},
		{
			id: 'agent',
			label: __( 'Agent', 'handoff-bot' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => <span>{ item.agent?.name ?? '—' }</span>,
		},
		{
			id: 'resolved_at',
			label: __( 'Closed', 'handoff-bot' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<span>{ formatTime( item.resolved_at ) }</span>
			),
		},
	];
}
