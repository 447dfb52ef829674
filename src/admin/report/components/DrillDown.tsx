/**
 * The conversations behind a figure (a DataViews list from /reports/conversations with the
 * figure's filter, newest first, paged by the server), each opening the conversation with its
 * brief; all of its conversations (up to CSV_LIMIT) can be saved as CSV.
 */
import { Button, Notice } from '@wordpress/components';
import { DataViews, type Field, type View } from '@wordpress/dataviews';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { getReportConversations } from '../../../shared/api/reports';
import type {
	DrillFilter,
	ReportConversation,
	ReportQuery,
} from '../../../shared/types/reports';
import { csvFilename, downloadCsv, toCsv } from '../csv';
import { drillColumns, drillTable } from '../drill';

type Props = {
	query: ReportQuery;
	filter: DrillFilter;
	title: string;
	from: string;
	to: string;
	onOpen: ( handoffId: number ) => void;
	onClose: () => void;
};

/** The most rows the CSV holds, fetched EXPORT_PAGE at a time. */
export const CSV_LIMIT = 5000;
const EXPORT_PAGE = 100;

/**
 * Every conversation behind the figure, page after page, up to CSV_LIMIT.
 * @param query  The period.
 * @param filter The figure's filter.
 */
async function allRows(
	query: ReportQuery,
	filter: DrillFilter
): Promise< ReportConversation[] > {
	const out: ReportConversation[] = [];
	for ( let page = 1; out.length < CSV_LIMIT; page++ ) {
		const found = await getReportConversations(
			query,
			filter,
			page,
			EXPORT_PAGE
		);
		out.push( ...found.rows );
		if ( ! found.rows.length || out.length >= found.total ) {
			break;
		}
	}
	return out.slice( 0, CSV_LIMIT );
}

const FIRST_VIEW: View = {
	type: 'table',
	titleField: 'conversation',
	fields: [
		'requested_at',
		'reason',
		'trigger',
		'intent',
		'route',
		'team',
		'outcome',
		'turn',
		'config_version',
	],
	page: 1,
	perPage: 20,
	filters: [],
	search: '',
};

export default function DrillDown( {
	query,
	filter,
	title,
	from,
	to,
	onOpen,
	onClose,
}: Props ) {
	const [ view, setView ] = useState< View >( FIRST_VIEW );
	const [ rows, setRows ] = useState< ReportConversation[] >( [] );
	const [ total, setTotal ] = useState( 0 );
	const [ loading, setLoading ] = useState( true );
	const [ error, setError ] = useState( '' );
	const [ exporting, setExporting ] = useState( false );
	const page = view.page ?? 1;
	const perPage = view.perPage ?? 20;
	const key = JSON.stringify( [ query, filter ] );

	useEffect(
		() => setView( ( current ) => ( { ...current, page: 1 } ) ),
		[ key ]
	);
	useEffect( () => {
		let live = true;
		setLoading( true );
		getReportConversations( query, filter, page, perPage ).then(
			( found ) => {
				if ( live ) {
					setRows( found.rows );
					setTotal( found.total );
					setError( '' );
					setLoading( false );
				}
			},
			( caught ) => {
				if ( live ) {
					setError( errorMessage( caught ) );
					setLoading( false );
				}
			}
		);
		return () => {
			live = false;
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for query and filter.
	}, [ key, page, perPage ] );

	const fields = useMemo< Field< ReportConversation >[] >(
		() =>
			drillColumns().map( ( column ) => ( {
				id: column.id,
				label: column.label,
				enableSorting: false,
				enableHiding: column.id !== 'conversation',
				filterBy: false,
				getValue: ( { item } ) => column.text( item ),
				render:
					column.id === 'conversation'
						? ( { item } ) => (
								<Button
									variant="link"
									aria-label={ sprintf(
										/* translators: %d: conversation number, shown as "Conversation 12". */
										__(
											'Conversation %d: open it with its brief',
											'handoff-bot'
										),
										item.conversation_id
									) }
									onClick={ () => onOpen( item.handoff_id ) }
								>
									{ column.text( item ) }
								</Button>
							)
						: ( { item } ) => <span>{ column.text( item ) }</span>,
			} ) ),
		[ onOpen ]
	);

	const download = () => {
		setExporting( true );
		allRows( query, filter ).then(
			( all ) => {
				downloadCsv(
					csvFilename( 'conversations', from, to ),
					toCsv( drillTable( all ) )
				);
				setExporting( false );
			},
			( caught ) => {
				setError( errorMessage( caught ) );
				setExporting( false );
			}
		);
	};

	return (
		<section
			className="handoff-bot-report__drill"
			aria-labelledby="handoff-bot-report-drill"
		>
			<div className="handoff-bot-report__block-head">
				<h2 id="handoff-bot-report-drill">
					{ sprintf(
						/* translators: 1: what the conversations are behind, e.g. a reason, 2: how many. */
						__( 'Conversations: %1$s (%2$d)', 'handoff-bot' ),
						title,
						total
					) }
				</h2>
				<Button
					variant="secondary"
					size="compact"
					disabled={ ! rows.length || exporting }
					accessibleWhenDisabled
					isBusy={ exporting }
					onClick={ download }
				>
					{ total > CSV_LIMIT
						? sprintf(
								/* translators: %d: the most rows a CSV holds. */
								__(
									'Download the first %d as CSV',
									'handoff-bot'
								),
								CSV_LIMIT
							)
						: __( 'Download all as CSV', 'handoff-bot' ) }
				</Button>
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Close', 'handoff-bot' ) }
				</Button>
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<DataViews< ReportConversation >
				view={ view }
				onChangeView={ setView }
				fields={ fields }
				data={ rows }
				getItemId={ ( item ) => String( item.handoff_id ) }
				isLoading={ loading }
				paginationInfo={ {
					totalItems: total,
					totalPages: Math.max( 1, Math.ceil( total / perPage ) ),
				} }
				defaultLayouts={ { table: {} } }
				search={ false }
				empty={
					<p>
						{ __(
							'No conversations behind this figure in the period.',
							'handoff-bot'
						) }
					</p>
				}
			/>
		</section>
	);
}
