/**
 * The Tickets screen: the lists (Open, Pending, Closed, and the open Callbacks) with search and
 * the team and assignee filters, beside the open ticket.
 */
import { Button, Notice } from '@wordpress/components';
import type { Filter, View } from '@wordpress/dataviews';
import { useCallback, useEffect, useMemo, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { errorMessage } from '../../shared/api';
import { getTransferTargets } from '../../shared/api/inbox';
import { getTickets } from '../../shared/api/tickets';
import type { TransferTargets } from '../../shared/types/inbox';
import type {
	Ticket,
	TicketFilters,
	TicketsSettings,
} from '../../shared/types/tickets';
import TicketList from './components/TicketList';
import TicketPanel from './components/TicketPanel';

type Tab = 'open' | 'pending' | 'closed' | 'callbacks';

type Option = { value: string; label: string };

const FIRST_VIEW: View = {
	type: 'table',
	titleField: 'reference',
	fields: [
		'name',
		'contact',
		'headline',
		'status',
		'team',
		'assignee',
		'created_at',
	],
	filters: [],
	search: '',
	page: 1,
	perPage: 50,
};

function tabs(): [ Tab, string ][] {
	return [
		[ 'open', __( 'Open', 'handoff-bot' ) ],
		[ 'pending', __( 'Pending', 'handoff-bot' ) ],
		[ 'closed', __( 'Closed', 'handoff-bot' ) ],
		[ 'callbacks', __( 'Callbacks', 'handoff-bot' ) ],
	];
}

function emptyText( tab: Tab ): string {
	switch ( tab ) {
		case 'open':
			return __( 'No open tickets.', 'handoff-bot' );
		case 'pending':
			return __( 'No tickets wait on a visitor.', 'handoff-bot' );
		case 'closed':
			return __( 'No closed tickets.', 'handoff-bot' );
		default:
			return __( 'No callbacks to make.', 'handoff-bot' );
	}
}

function valueOf( filters: Filter[] | undefined, field: string ): string {
	const value: unknown = filters?.find( ( f ) => f.field === field )?.value;
	return typeof value === 'string' || typeof value === 'number'
		? String( value )
		: '';
}

/**
 * What the route is asked for a tab and the list's search and filters. Open and Pending hold
 * tickets answered by email; Callbacks the open callback requests; Closed both.
 * @param tab  The tab.
 * @param view The list's view.
 */
export function ticketFilters( tab: Tab, view: View ): TicketFilters {
	let filters: TicketFilters = { status: 'closed' };
	if ( tab === 'callbacks' ) {
		filters = { status: 'open', route: 'callback' };
	} else if ( tab !== 'closed' ) {
		filters = { status: tab, route: 'ticket' };
	}
	const team = valueOf( view.filters, 'team' );
	const assignee = valueOf( view.filters, 'assignee' );
	if ( team ) {
		filters.team = team;
	}
	if ( assignee ) {
		filters.assigned_to = assignee;
	}
	if ( view.search ) {
		filters.search = view.search;
	}
	return filters;
}

export default function App( { settings }: { settings: TicketsSettings } ) {
	const [ tab, setTab ] = useState< Tab >( 'open' );
	const [ dataView, setDataView ] = useState< View >( FIRST_VIEW );
	const [ tickets, setTickets ] = useState< Ticket[] >( [] );
	const [ total, setTotal ] = useState( 0 );
	const [ loading, setLoading ] = useState( true );
	const [ error, setError ] = useState( '' );
	const [ openId, setOpenId ] = useState< number | null >( null );
	const [ targets, setTargets ] = useState< TransferTargets | null >( null );
	const [ reload, setReload ] = useState( 0 );

	const filters = useMemo(
		() => ticketFilters( tab, dataView ),
		[ tab, dataView ]
	);
	const page = dataView.page ?? 1;
	const perPage = dataView.perPage ?? 50;

	useEffect( () => {
		let live = true;
		setLoading( true );
		getTickets( filters, page, perPage )
			.then( ( found ) => {
				if ( live ) {
					setTickets( found.tickets );
					setTotal( found.total );
					setError( '' );
				}
			} )
			.catch( ( failure ) => live && setError( errorMessage( failure ) ) )
			.finally( () => live && setLoading( false ) );
		return () => {
			live = false;
		};
	}, [ filters, page, perPage, reload ] );

	useEffect( () => {
		getTransferTargets()
			.then( setTargets )
			.catch( () => setTargets( { teams: [], agents: [] } ) );
	}, [] );

	const teams = useMemo< Option[] >(
		() =>
			( targets?.teams ?? [] ).map( ( team ) => ( {
				value: team.name,
				label: team.label || team.name,
			} ) ),
		[ targets ]
	);
	const agents = useMemo< Option[] >( () => {
		const people = ( targets?.agents ?? [] ).map( ( agent ) => ( {
			value: String( agent.id ),
			label:
				agent.id === settings.userId
					? `${ agent.name } (${ __( 'you', 'handoff-bot' ) })`
					: agent.name,
		} ) );
		return [
			{ value: '0', label: __( 'Nobody', 'handoff-bot' ) },
			...people,
		];
	}, [ targets, settings.userId ] );

	const refresh = useCallback( () => setReload( ( n ) => n + 1 ), [] );
	const open = useCallback( ( id: number ) => setOpenId( id ), [] );

	return (
		<div className="handoff-bot-tickets">
			<div
				className="handoff-bot-tickets__tabs"
				role="group"
				aria-label={ __( 'Tickets to show', 'handoff-bot' ) }
			>
				{ tabs().map( ( [ name, label ] ) => (
					<Button
						key={ name }
						variant={ tab === name ? 'primary' : 'secondary' }
						aria-pressed={ tab === name }
						onClick={ () => {
							setTab( name );
							setDataView( ( view ) => ( { ...view, page: 1 } ) );
						} }
					>
						{ label }
					</Button>
				) ) }
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<div
				className={ `handoff-bot-tickets__layout${
					openId === null ? '' : ' has-panel'
				}` }
			>
				<section
					className="handoff-bot-tickets__list"
					aria-label={ __( 'Tickets', 'handoff-bot' ) }
				>
					<TicketList
						dataView={ dataView }
						onChangeDataView={ setDataView }
						tickets={ tickets }
						total={ total }
						loading={ loading }
						openId={ openId }
						teams={ teams }
						agents={ agents }
						emptyText={ emptyText( tab ) }
						onOpen={ open }
					/>
				</section>
				{ openId !== null && (
					<TicketPanel
						id={ openId }
						teams={ teams }
						agents={ agents }
						onChanged={ refresh }
						onClose={ () => setOpenId( null ) }
					/>
				) }
			</div>
		</div>
	);
}
