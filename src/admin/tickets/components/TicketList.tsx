/**
 * One list of tickets (DataViews, table layout) with search and its filters: team and assignee,
 * asked of the server. Each row's reference opens the ticket beside the list.
 */
import { Button } from '@wordpress/components';
import type { Field, View } from '@wordpress/dataviews';
import { DataViews } from '@wordpress/dataviews';
import { useMemo } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { Ticket } from '../../../shared/types/tickets';
import { formatTime } from '../../inbox/labels';
import { outcomeLabel, statusLabel, windowLabel } from '../labels';

type Option = { value: string; label: string };

type Props = {
	dataView: View;
	onChangeDataView: ( view: View ) => void;
	tickets: Ticket[];
	total: number;
	loading: boolean;
	openId: number | null;
	teams: Option[];
	agents: Option[];
	emptyText: string;
	onOpen: ( id: number ) => void;
};

const IS = { operators: [ 'is' as const ], isPrimary: true };

function fields(
	teams: Option[],
	agents: Option[],
	openId: number | null,
	onOpen: ( id: number ) => void
): Field< Ticket >[] {
	return [
		{
			id: 'reference',
			label: __( 'Reference', 'handoff-bot' ),
			enableHiding: false,
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<Button
					variant="link"
					aria-current={ openId === item.id ? 'true' : undefined }
					aria-label={ sprintf(
						/* translators: 1: reference such as HB-00042, 2: the visitor's name. */
						__( 'Open %1$s from %2$s', 'handoff-bot' ),
						item.reference,
						item.name || __( 'a visitor', 'handoff-bot' )
					) }
					onClick={ () => onOpen( item.id ) }
				>
					{ item.reference }
				</Button>
			),
		},
		{
			id: 'name',
			label: __( 'Name', 'handoff-bot' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => <span>{ item.name || '—' }</span>,
		},
		{
			id: 'contact',
			label: __( 'Email or phone', 'handoff-bot' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<span>
					{ item.callback
						? `${ item.phone } · ${ windowLabel( item.window ) }`
						: item.email || '—' }
				</span>
			),
		},
		{
			id: 'headline',
			label: __( 'Visitor wants', 'handoff-bot' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<span>
					{ item.headline || __( 'No summary', 'handoff-bot' ) }
				</span>
			),
		},
		{
			id: 'status',
			label: __( 'Status', 'handoff-bot' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<span>
					{ item.status === 'closed'
						? `${ statusLabel( item.status ) }: ${ outcomeLabel(
								item.outcome
							) }`
						: statusLabel( item.status ) }
				</span>
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
						__( 'Any team', 'handoff-bot' ) }
				</span>
			),
		},
		{
			id: 'assignee',
			label: __( 'Assignee', 'handoff-bot' ),
			enableSorting: false,
			elements: agents,
			filterBy: IS,
			getValue: ( { item } ) => String( item.assigned_to?.id ?? 0 ),
			render: ( { item } ) => (
				<span>
					{ item.assigned_to?.name ?? __( 'Nobody', 'handoff-bot' ) }
				</span>
			),
		},
		{
			id: 'created_at',
			label: __( 'Created', 'handoff-bot' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<time dateTime={ item.created_at }>
					{ formatTime( item.created_at ) }
				</time>
			),
		},
	];
}

export default function TicketList( {
	dataView,
	onChangeDataView,
	tickets,
	total,
	loading,
	openId,
	teams,
	agents,
	emptyText,
	onOpen,
}: Props ) {
	const shown = useMemo(
		() => fields( teams, agents, openId, onOpen ),
		[ teams, agents, openId, onOpen ]
	);
	const perPage = dataView.perPage ?? 50;
	return (
		<DataViews< Ticket >
			view={ dataView }
			onChangeView={ onChangeDataView }
			fields={ shown }
			data={ tickets }
			getItemId={ ( item ) => String( item.id ) }
			isLoading={ loading }
			paginationInfo={ {
				totalItems: total,
				totalPages: Math.max( 1, Math.ceil( total / perPage ) ),
			} }
			defaultLayouts={ { table: {} } }
			search
			searchLabel={ __(
				'Search tickets by reference, name, email or words',
				'handoff-bot'
			) }
			empty={ <p>{ emptyText }</p> }
		/>
	);
}
