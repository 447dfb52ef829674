/**
 * The drill-down list's columns as text: what the list shows and what its CSV holds.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { HandoffStatus } from '../../shared/types/inbox';
import type { ReportConversation } from '../../shared/types/reports';
import { outcomeLabel, statusLabel } from '../inbox/labels';
import {
	fallbackLabel,
	intentName,
	orNone,
	reasonLabel,
	routeLabel,
	triggerLabel,
} from './labels';
import type { TableModel } from './table';

export type DrillColumn = {
	id: string;
	label: string;
	text: ( row: ReportConversation ) => string;
};

export function drillColumns(): DrillColumn[] {
	return [
		{
			id: 'conversation',
			label: __( 'Conversation', 'handoff-bot' ),
			text: ( row ) =>
				sprintf(
					/* translators: %d: conversation number. */
					__( 'Conversation %d', 'handoff-bot' ),
					row.conversation_id
				),
		},
		{
			id: 'requested_at',
			label: __( 'Handoff requested (UTC)', 'handoff-bot' ),
			text: ( row ) => row.requested_at,
		},
		{
			id: 'reason',
			label: __( 'Reason', 'handoff-bot' ),
			text: ( row ) => reasonLabel( row.reason ),
		},
		{
			id: 'trigger',
			label: __( 'Trigger', 'handoff-bot' ),
			text: ( row ) => triggerLabel( row.trigger_type ),
		},
		{
			id: 'intent',
			label: __( 'Intent', 'handoff-bot' ),
			text: ( row ) => intentName( '', row.intent ),
		},
		{
			id: 'route',
			label: __( 'Route', 'handoff-bot' ),
			text: ( row ) =>
				`${ routeLabel( row.route ) } (${ fallbackLabel( row.route_reason ) })`,
		},
		{
			id: 'team',
			label: __( 'Team', 'handoff-bot' ),
			text: ( row ) => orNone( row.team ),
		},
		{
			id: 'outcome',
			label: __( 'Status', 'handoff-bot' ),
			text: ( row ) =>
				row.outcome
					? outcomeLabel( row.outcome )
					: statusLabel( row.status as HandoffStatus ),
		},
		{
			id: 'turn',
			label: __( 'Turn', 'handoff-bot' ),
			text: ( row ) => String( row.turn ),
		},
		{
			id: 'config_version',
			label: __( 'Version', 'handoff-bot' ),
			text: ( row ) => String( row.config_version ),
		},
	];
}

/**
 * The rows shown, as a table for the CSV.
 * @param rows The page's rows.
 */
export function drillTable( rows: ReportConversation[] ): TableModel {
	const columns = drillColumns();
	return {
		columns: columns.map( ( { id, label } ) => ( { id, label } ) ),
		rows: rows.map( ( row ) => ( {
			key: String( row.handoff_id ),
			cells: Object.fromEntries(
				columns.map( ( column ) => [ column.id, column.text( row ) ] )
			),
		} ) ),
	};
}
