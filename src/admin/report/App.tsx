/**
 * The handoff report: the period (compared with the previous one) and configuration version;
 * an Overview of the headline figures and configuration changes, and the ten Signals, each chart
 * with its table and CSV; the conversations behind any figure, and each conversation with its
 * brief. The Overview leads with the open alerts, each opening its investigation (`?alert=ID`
 * opens one), and the alert settings; the Reviews tab holds the checklists, the samples and the
 * release checkpoints.
 */
import { Button, Notice, Spinner, TabPanel } from '@wordpress/components';
import {
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../shared/api';
import { getReportSummary } from '../../shared/api/reports';
import type {
	DrillFilter,
	ReportQuery,
	ReportSummary,
} from '../../shared/types/reports';
import { alertIdFromSearch } from './alerts';
import AlertList from './components/AlertList';
import AlertSettingsPanel from './components/AlertSettingsPanel';
import ConversationPanel from './components/ConversationPanel';
import DrillDown from './components/DrillDown';
import DriftNotes from './components/DriftNotes';
import FigureList from './components/FigureList';
import HeadlineTable from './components/HeadlineTable';
import Investigation from './components/Investigation';
import PeriodPicker from './components/PeriodPicker';
import ReviewsTab from './components/ReviewsTab';
import SignalSection from './components/SignalSection';
import {
	DEFAULT_CHOICE,
	describePeriod,
	reviewChoice,
	toQuery,
	type PeriodChoice,
} from './period';
import { targetOf } from './review';
import { headline } from './signals';
import { buildSignals } from './signals-more';

type Drill = { filter: DrillFilter; title: string; query?: ReportQuery };

/**
 * Brings an element into view and moves keyboard focus to it.
 * @param element The element.
 */
function bringTo( element: HTMLElement | null ) {
	if ( ! element ) {
		return;
	}
	if ( ! element.hasAttribute( 'tabindex' ) ) {
		element.setAttribute( 'tabindex', '-1' );
	}
	element.scrollIntoView?.( { block: 'start' } );
	element.focus();
}

/**
 * The element that has keyboard focus in a node's document, if any (not the page itself).
 * @param node A node of the screen.
 */
function focused( node: HTMLElement | null ): HTMLElement | null {
	const active = node?.ownerDocument.activeElement;
	return active instanceof HTMLElement && active !== node?.ownerDocument.body
		? active
		: null;
}

/**
 * Gives keyboard focus back, after the screen has redrawn, to the control that opened a panel
 * just closed; when it is gone, to the tab shown.
 * @param opener The control.
 */
function giveBack( opener: HTMLElement | null ) {
	window.requestAnimationFrame( () => {
		if ( opener && opener.isConnected ) {
			opener.focus();
			return;
		}
		document
			.querySelector< HTMLElement >(
				'.handoff-bot-report__tabs [role="tab"][aria-selected="true"]'
			)
			?.focus();
	} );
}

export default function App() {
	const [ choice, setChoice ] = useState< PeriodChoice >( DEFAULT_CHOICE );
	const [ version, setVersion ] = useState( 0 );
	const [ versions, setVersions ] = useState< number[] >( [] );
	const [ summary, setSummary ] = useState< ReportSummary | null >( null );
	const [ loading, setLoading ] = useState( true );
	const [ error, setError ] = useState( '' );
	const [ drill, setDrill ] = useState< Drill | null >( null );
	const [ openId, setOpenId ] = useState< number | null >( null );
	const [ alertId, setAlertId ] = useState< number | null >( () =>
		alertIdFromSearch( window.location.search )
	);
	const [ settingsOpen, setSettingsOpen ] = useState( false );
	// The tab shown; `tabKey` changes when the screen (not the person) switches tabs.
	const [ tab, setTab ] = useState( 'overview' );
	const [ tabKey, setTabKey ] = useState( 0 );
	const [ pendingTarget, setPendingTarget ] = useState( '' );
	const drillRef = useRef< HTMLDivElement >( null );
	// The controls that opened the drill-down, the conversation and the investigation.
	const drillOpener = useRef< HTMLElement | null >( null );
	const conversationOpener = useRef< HTMLElement | null >( null );
	const alertOpener = useRef< HTMLElement | null >( null );
	const query = useMemo(
		() => toQuery( choice, version ),
		[ choice, version ]
	);

	useEffect( () => {
		let live = true;
		setLoading( true );
		getReportSummary( query ).then(
			( found ) => {
				if ( ! live ) {
					return;
				}
				setSummary( found );
				setError( '' );
				setLoading( false );
				if ( found.config_version === 0 ) {
					setVersions(
						found.drift.versions.map(
							( row ) => row.config_version
						)
					);
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
	}, [ query ] );

	const onDrill = useCallback(
		( filter: DrillFilter, title: string, from?: ReportQuery ) => {
			drillOpener.current = focused( drillRef.current );
			setOpenId( null );
			setDrill( { filter, title, query: from } );
			// The list opens above the tabs: bring it, and keyboard focus, to it.
			window.requestAnimationFrame( () => bringTo( drillRef.current ) );
		},
		[]
	);

	const openConversation = useCallback( ( handoffId: number ) => {
		conversationOpener.current = focused( drillRef.current );
		setOpenId( handoffId );
		window.requestAnimationFrame( () => bringTo( drillRef.current ) );
	}, [] );

	const closeDrill = useCallback( () => {
		setDrill( null );
		giveBack( drillOpener.current );
	}, [] );
	const closeConversation = useCallback( () => {
		setOpenId( null );
		giveBack( conversationOpener.current );
	}, [] );
	const investigate = useCallback( ( id: number ) => {
		alertOpener.current = focused( drillRef.current );
		setAlertId( id );
	}, [] );
	const closeInvestigation = useCallback( () => {
		setAlertId( null );
		giveBack( alertOpener.current );
	}, [] );

	// A checklist item's target: the review's month or quarter, on the target's tab, with its
	// section brought into view.
	const onTarget = useCallback(
		( target: string, review?: string ) => {
			const period = review ? reviewChoice( review ) : null;
			if ( period ) {
				setChoice( ( current ) =>
					current.preset === period.preset &&
					current.from === period.from &&
					current.to === period.to
						? current
						: period
				);
				setDrill( null );
				setOpenId( null );
			}
			const where = targetOf( target );
			if ( where.tab !== tab ) {
				setTab( where.tab );
				setTabKey( ( key ) => key + 1 );
			}
			setPendingTarget( where.id );
		},
		[ tab ]
	);
	useEffect( () => {
		if ( ! pendingTarget ) {
			return;
		}
		window.requestAnimationFrame( () => {
			bringTo( document.getElementById( pendingTarget ) );
			setPendingTarget( '' );
		} );
	}, [ pendingTarget, tabKey ] );

	const signals = useMemo(
		() => ( summary ? buildSignals( summary ) : [] ),
		[ summary ]
	);
	const figures = useMemo(
		() => ( summary ? headline( summary ) : [] ),
		[ summary ]
	);
	const from = summary?.period.from ?? '';
	const to = summary?.period.to ?? '';
	const compared = !! summary?.comparison;

	return (
		<div className="handoff-bot-report">
			<PeriodPicker
				choice={ choice }
				version={ version }
				versions={ versions }
				onChange={ ( next ) => {
					setChoice( next );
					setDrill( null );
					setOpenId( null );
				} }
				onVersion={ ( next ) => {
					setVersion( next );
					setDrill( null );
					setOpenId( null );
				} }
			/>
			<div aria-live="polite" className="handoff-bot-report__status">
				{ loading && <Spinner /> }
				{ summary && ! loading && (
					<p>
						{ summary.comparison
							? sprintf(
									/* translators: 1: the period, 2: the previous period. */
									__(
										'Showing %1$s, compared with %2$s.',
										'handoff-bot'
									),
									describePeriod( summary.period ),
									describePeriod( summary.comparison.period )
								)
							: sprintf(
									/* translators: %s: the period. */
									__( 'Showing %s.', 'handoff-bot' ),
									describePeriod( summary.period )
								) }
					</p>
				) }
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ summary && summary.metrics.conversations === 0 && (
				<Notice
					status="info"
					isDismissible={ false }
					className="handoff-bot-report__empty-period"
				>
					{ __(
						'No conversations started in this period: there is nothing to measure yet. Choose another period.',
						'handoff-bot'
					) }
				</Notice>
			) }
			<div
				ref={ drillRef }
				tabIndex={ -1 }
				className="handoff-bot-report__focus"
			>
				{ /* Kept while a conversation is open, so it keeps its page. */ }
				{ summary && drill && (
					<div hidden={ openId !== null }>
						<DrillDown
							query={ drill.query ?? query }
							filter={ drill.filter }
							title={ drill.title }
							from={ drill.query?.from ?? from }
							to={ drill.query?.to ?? to }
							onOpen={ openConversation }
							onClose={ closeDrill }
						/>
					</div>
				) }
				{ openId !== null && (
					<ConversationPanel
						handoffId={ openId }
						onClose={ closeConversation }
					/>
				) }
			</div>
			{ summary && (
				<TabPanel
					key={ tabKey }
					initialTabName={ tab }
					onSelect={ setTab }
					className="handoff-bot-report__tabs"
					tabs={ [
						{
							name: 'overview',
							title: __( 'Overview', 'handoff-bot' ),
						},
						{
							name: 'signals',
							title: __( 'Signals', 'handoff-bot' ),
						},
						{
							name: 'reviews',
							title: __( 'Reviews', 'handoff-bot' ),
						},
					] }
				>
					{ ( shown ) => {
						if ( shown.name === 'reviews' ) {
							return (
								<ReviewsTab
									query={ query }
									onTarget={ onTarget }
									onOpen={ openConversation }
								/>
							);
						}
						return shown.name === 'overview' ? (
							<div className="handoff-bot-report__overview">
								<AlertList onInvestigate={ investigate } />
								{ alertId !== null && (
									<Investigation
										alertId={ alertId }
										onDrill={ onDrill }
										onClose={ closeInvestigation }
									/>
								) }
								<Button
									variant="secondary"
									aria-expanded={ settingsOpen }
									onClick={ () =>
										setSettingsOpen( ! settingsOpen )
									}
								>
									{ __( 'Alert settings', 'handoff-bot' ) }
								</Button>
								{ settingsOpen && <AlertSettingsPanel /> }
								<FigureList
									figures={ figures }
									compared={ compared }
									onDrill={ onDrill }
								/>
								<HeadlineTable
									figures={ figures }
									from={ from }
									to={ to }
								/>
								<h2>
									{ __(
										'Configuration changes in the period',
										'handoff-bot'
									) }
								</h2>
								<DriftNotes changes={ summary.drift.changes } />
							</div>
						) : (
							<div className="handoff-bot-report__signals">
								{ signals.map( ( signal, index ) => (
									<SignalSection
										key={ signal.id }
										signal={ signal }
										index={ index + 1 }
										from={ from }
										to={ to }
										compared={ compared }
										onDrill={ onDrill }
									>
										{ signal.id === 'drift' && (
											<DriftNotes
												changes={
													summary.drift.changes
												}
											/>
										) }
									</SignalSection>
								) ) }
							</div>
						);
					} }
				</TabPanel>
			) }
		</div>
	);
}
