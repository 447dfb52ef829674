/**
 * The delivery log (DataViews, table layout): status, event, connection, attempts, the next
 * attempt, the receiver's last answer and the start of its body, filtered by status and
 * connection on the server, with "Redeliver" for a delivery that is not pending. While a shown
 * delivery is pending, the log is read again every few seconds.
 */
import { Button, Notice } from '@wordpress/components';
import type { Field, Filter, View } from '@wordpress/dataviews';
import { DataViews } from '@wordpress/dataviews';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { getDeliveries, redeliver } from '../../../shared/api/connections';
import type {
	Connection,
	Delivery,
	DeliveryFilters,
	DeliveryStatus,
} from '../../../shared/types/connections';
import {
	STATUSES,
	answerText,
	eventLabel,
	formatTime,
	statusLabel,
} from '../labels';

type Props = {
	connections: Connection[];
	view: View;
	onChangeView: ( view: View ) => void;
	/** Changes when the log should be read again (a test was sent). */
	reload: number;
};

/** How often the log is read again while a shown delivery is pending. */
const POLL_MS = 5000;

const IS = { operators: [ 'is' as const ], isPrimary: true };

export const FIRST_VIEW: View = {
	type: 'table',
	titleField: 'status',
	fields: [
		'event',
		'connection_id',
		'attempts',
		'next_attempt_at',
		'answer',
		'created_at',
		'redeliver',
	],
	filters: [],
	page: 1,
	perPage: 20,
};

function valueOf( filters: Filter[] | undefined, field: string ): string {
	const value: unknown = filters?.find( ( f ) => f.field === field )?.value;
	return typeof value === 'string' ? value : '';
}

/**
 * What the log asks the server for a view's filters.
 * @param view The log's view.
 */
export function deliveryFilters( view: View ): DeliveryFilters {
	const filters: DeliveryFilters = {};
	const status = valueOf( view.filters, 'status' );
	const connection = valueOf( view.filters, 'connection_id' );
	if ( ( STATUSES as string[] ).includes( status ) ) {
		filters.status = status as DeliveryStatus;
	}
	if ( connection ) {
		filters.connection = connection;
	}
	return filters;
}

/**
 * A view that shows one connection's deliveries.
 * @param view       The log's view.
 * @param connection The connection's ID.
 */
export function withConnection( view: View, connection: string ): View {
	return {
		...view,
		page: 1,
		filters: [
			...( view.filters ?? [] ).filter(
				( f ) => f.field !== 'connection_id'
			),
			{ field: 'connection_id', operator: 'is', value: connection },
		],
	};
}

function connectionName( id: string, connections: Connection[] ): string {
	return (
		connections.find( ( c ) => c.id === id )?.label ??
		sprintf(
			/* translators: %s: the connection's ID. */
			__( 'Deleted connection (%s)', 'handoff-bot' ),
			id
		)
	);
}

export default function DeliveryLog( {
	connections,
	view,
	onChangeView,
	reload,
}: Props ) {
	const [ deliveries, setDeliveries ] = useState< Delivery[] >( [] );
	const [ total, setTotal ] = useState( 0 );
	const [ loading, setLoading ] = useState( true );
	const [ error, setError ] = useState( '' );
	const [ notice, setNotice ] = useState< {
		status: 'success' | 'error';
		text: string;
	} | null >( null );
	const [ busy, setBusy ] = useState< number | null >( null );
	const [ reads, setReads ] = useState( 0 );

	const filters = useMemo( () => deliveryFilters( view ), [ view ] );
	const page = view.page ?? 1;
	const perPage = view.perPage ?? 20;

	useEffect( () => {
		let live = true;
		setLoading( true );
		getDeliveries( filters, page, perPage )
			.then( ( found ) => {
				if ( live ) {
					setDeliveries( found.deliveries );
					setTotal( found.total );
					setError( '' );
				}
			} )
			.catch( ( failure ) => live && setError( errorMessage( failure ) ) )
			.finally( () => live && setLoading( false ) );
		return () => {
			live = false;
		};
	}, [ filters, page, perPage, reload, reads ] );

	const waiting = deliveries.some( ( d ) => d.status === 'pending' );
	useEffect( () => {
		if ( ! waiting || loading ) {
			return undefined;
		}
		const timer = window.setTimeout(
			() => setReads( ( n ) => n + 1 ),
			POLL_MS
		);
		return () => window.clearTimeout( timer );
	}, [ waiting, loading ] );

	const fields = useMemo< Field< Delivery >[] >( () => {
		const again = ( delivery: Delivery ) => {
			setBusy( delivery.id );
			setNotice( null );
			redeliver( delivery.id )
				.then( ( queued ) => {
					setDeliveries( ( rows ) =>
						rows.map( ( row ) =>
							row.id === queued.id ? queued : row
						)
					);
					setNotice( {
						status: 'success',
						text: sprintf(
							/* translators: 1: event, such as "Handoff requested", 2: the connection's name. */
							__(
								'“%1$s” to %2$s is being sent again, under the same delivery ID.',
								'handoff-bot'
							),
							eventLabel( queued.event ),
							connectionName( queued.connection_id, connections )
						),
					} );
				} )
				.catch( ( failure ) =>
					setNotice( {
						status: 'error',
						text: errorMessage( failure ),
					} )
				)
				.finally( () => setBusy( null ) );
		};
		return [
			{
				id: 'status',
				label: __( 'Status', 'handoff-bot' ),
				enableHiding: false,
				enableSorting: false,
				elements: STATUSES.map( ( value ) => ( {
					value,
					label: statusLabel( value ),
				} ) ),
				filterBy: IS,
				render: ( { item } ) => (
					<span
						className={ `handoff-bot-connections__status is-${ item.status }` }
					>
						{ statusLabel( item.status ) }
					</span>
				),
			},
			{
				id: 'event',
				label: __( 'Event', 'handoff-bot' ),
				enableSorting: false,
				filterBy: false,
				render: ( { item } ) => (
					<span>
						{ eventLabel( item.event ) }
						{ item.handoff_id > 0 && (
							<span className="handoff-bot-connections__muted">
								{ ` HB-${ String( item.handoff_id ).padStart(
									5,
									'0'
								) }` }
							</span>
						) }
					</span>
				),
			},
			{
				id: 'connection_id',
				label: __( 'Connection', 'handoff-bot' ),
				enableSorting: false,
				elements: connections.map( ( c ) => ( {
					value: c.id,
					label: c.label,
				} ) ),
				filterBy: IS,
				render: ( { item } ) => (
					<span>
						{ connectionName( item.connection_id, connections ) }
					</span>
				),
			},
			{
				id: 'attempts',
				label: __( 'Attempts', 'handoff-bot' ),
				enableSorting: false,
				filterBy: false,
				render: ( { item } ) => (
					<span>
						{ sprintf(
							/* translators: 1: attempts made, 2: the most attempts. */
							__( '%1$d of %2$d', 'handoff-bot' ),
							item.attempts,
							item.max_attempts
						) }
					</span>
				),
			},
			{
				id: 'next_attempt_at',
				label: __( 'Next attempt', 'handoff-bot' ),
				enableSorting: false,
				filterBy: false,
				render: ( { item } ) =>
					item.next_attempt_at ? (
						<time dateTime={ item.next_attempt_at }>
							{ formatTime( item.next_attempt_at ) }
						</time>
					) : (
						<span>—</span>
					),
			},
			{
				id: 'answer',
				label: __( 'Receiver’s answer', 'handoff-bot' ),
				enableSorting: false,
				filterBy: false,
				render: ( { item } ) =>
					item.attempts === 0 ? (
						<span>—</span>
					) : (
						<span className="handoff-bot-connections__answer">
							<span>{ answerText( item ) }</span>
							{ item.response_excerpt && (
								<code className="handoff-bot-connections__excerpt">
									{ item.response_excerpt.slice( 0, 200 ) }
								</code>
							) }
						</span>
					),
			},
			{
				id: 'created_at',
				label: __( 'Created', 'handoff-bot' ),
				enableSorting: false,
				filterBy: false,
				render: ( { item } ) => (
					<time dateTime={ item.created_at ?? '' }>
						{ formatTime( item.created_at ) }
					</time>
				),
			},
			{
				id: 'redeliver',
				label: __( 'Redeliver', 'handoff-bot' ),
				enableSorting: false,
				enableHiding: false,
				filterBy: false,
				render: ( { item } ) => (
					<Button
						size="compact"
						variant="secondary"
						isBusy={ busy === item.id }
						disabled={
							item.status === 'pending' || busy === item.id
						}
						accessibleWhenDisabled
						aria-label={ sprintf(
							/* translators: 1: event, 2: the connection's name, 3: delivery number. */
							__(
								'Redeliver “%1$s” to %2$s (delivery %3$d)',
								'handoff-bot'
							),
							eventLabel( item.event ),
							connectionName( item.connection_id, connections ),
							item.id
						) }
						onClick={ () => again( item ) }
					>
						{ __( 'Redeliver', 'handoff-bot' ) }
					</Button>
				),
			},
		];
	}, [ connections, busy ] );

	return (
		<div className="handoff-bot-connections__log">
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ notice && (
				<Notice
					status={ notice.status }
					onRemove={ () => setNotice( null ) }
				>
					{ notice.text }
				</Notice>
			) }
			<DataViews< Delivery >
				view={ view }
				onChangeView={ onChangeView }
				fields={ fields }
				data={ deliveries }
				getItemId={ ( item ) => String( item.id ) }
				isLoading={ loading && ! deliveries.length }
				paginationInfo={ {
					totalItems: total,
					totalPages: Math.max( 1, Math.ceil( total / perPage ) ),
				} }
				defaultLayouts={ { table: {} } }
				search={ false }
				empty={
					<p>
						{ filters.status || filters.connection
							? __(
									'No delivery matches these filters.',
									'handoff-bot'
								)
							: __(
									'Nothing has been sent yet. Deliveries appear here as handoffs happen.',
									'handoff-bot'
								) }
					</p>
				}
			/>
		</div>
	);
}
