/**
 * The agent inbox: the lists (queue, mine, recently closed) beside the open chat with its brief;
 * the agent's presence and alerts above (and, for people who manage the plugin, the saved
 * replies); the count of what needs the agent in the page title and the menu.
 */
import { Notice } from '@wordpress/components';
import type { View } from '@wordpress/dataviews';
import {
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { getTransferTargets } from '../../shared/api/inbox';
import type {
	HandoffSummary,
	InboxSettings,
	InboxView,
	TransferTargets,
} from '../../shared/types/inbox';
import { baseTitle, showCount } from './attention';
import ChatPanel, { type AcceptRequest } from './components/ChatPanel';
import HandoffList from './components/HandoffList';
import InboxToolbar from './components/InboxToolbar';
import SavedRepliesManager from './components/SavedRepliesManager';
import { SHOWN_FIELDS } from './components/list-fields';
import ViewSwitch from './components/ViewSwitch';
import { byWaiting, restFilters } from './filters';
import { useAlerts } from './hooks/use-alerts';
import { useHandoffLists } from './hooks/use-handoff-lists';
import { usePresence } from './hooks/use-presence';
import { useSavedReplies } from './hooks/use-saved-replies';
import { handoffFromSearch } from './links';

type Option = { value: string; label: string };

const FIRST_VIEW: View = {
	type: 'list',
	titleField: 'headline',
	fields: SHOWN_FIELDS.queue,
	filters: [],
	page: 1,
	perPage: 50,
};

function options( pairs: [ string, string ][] ): Option[] {
	const byValue = new Map< string, string >();
	for ( const [ value, label ] of pairs ) {
		if ( value && ! byValue.has( value ) ) {
			byValue.set( value, label || value );
		}
	}
	return Array.from( byValue, ( [ value, label ] ) => ( { value, label } ) );
}

export default function App( { settings }: { settings: InboxSettings } ) {
	const [ view, setView ] = useState< InboxView >( 'queue' );
	const [ dataView, setDataView ] = useState< View >( FIRST_VIEW );
	// `&handoff=N` in the address (from a notification email or the report) opens that handoff.
	const [ openId, setOpenId ] = useState< number | null >( () =>
		handoffFromSearch( window.location.search )
	);
	const [ acceptRequest, setAcceptRequest ] =
		useState< AcceptRequest >( null );
	const [ targets, setTargets ] = useState< TransferTargets | null >( null );
	const [ managing, setManaging ] = useState( false );
	const [ backToList, setBackToList ] = useState( false );
	const listSection = useRef< HTMLElement >( null );
	const saved = useSavedReplies( settings.savedReplies, openId );
	const alerts = useAlerts();
	const presence = usePresence();
	const { announce } = alerts;

	const onQueue = useCallback(
		( fresh: HandoffSummary[] ) =>
			announce( fresh, ( handoff ) => setOpenId( handoff.id ) ),
		[ announce ]
	);
	const lists = useHandoffLists(
		{
			view,
			filters: restFilters( dataView.filters ),
			page: dataView.page ?? 1,
			perPage: dataView.perPage ?? 50,
		},
		onQueue
	);

	const needsMe =
		lists.queueTotal + lists.mine.filter( ( h ) => h.unread > 0 ).length;
	const title = useRef( baseTitle( document.title ) );
	useEffect( () => showCount( needsMe, title.current ), [ needsMe ] );

	useEffect( () => {
		getTransferTargets().then( setTargets, () => {
			// Without the teams the filter offers those seen in the lists.
		} );
	}, [] );

	const seen = [ ...lists.queue, ...lists.mine, ...lists.list ];
	const teams = useMemo(
		() =>
			options( [
				...( targets?.teams ?? [] ).map( ( t ): [ string, string ] => [
					t.name,
					t.label,
				] ),
				...seen.map( ( h ): [ string, string ] => [ h.team, h.team ] ),
			] ),
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ targets, lists.queue, lists.mine, lists.list ]
	);
	const intents = useMemo(
		() =>
			options(
				seen.map( ( h ): [ string, string ] => [
					h.intent,
					h.intent_label,
				] )
			),
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ lists.queue, lists.mine, lists.list ]
	);

	const switchView = ( next: InboxView ) => {
		setView( next );
		setDataView( ( current ) => ( {
			...current,
			fields: SHOWN_FIELDS[ next ],
			page: 1,
		} ) );
	};

	const acceptFromList = useCallback( ( handoff: HandoffSummary ) => {
		setOpenId( handoff.id );
		setAcceptRequest( ( current ) => ( {
			id: handoff.id,
			n: ( current?.n ?? 0 ) + 1,
		} ) );
	}, [] );

	// Back from a chat, the focus returns to the list: its current row, else the list's switch.
	useEffect( () => {
		if ( ! backToList ) {
			return;
		}
		setBackToList( false );
		const section = listSection.current;
		(
			section?.querySelector< HTMLElement >(
				'.dataviews-view-list [role="row"] [tabindex="0"]'
			) ??
			section?.querySelector< HTMLElement >( '[aria-pressed="true"]' )
		)?.focus();
	}, [ backToList ] );

	const shown = byWaiting( lists.list, dataView.filters );
	const waitingFiltered = shown.length !== lists.list.length;

	return (
		<div className="handoff-bot-inbox">
			<InboxToolbar
				presence={ presence.presence }
				presenceError={ presence.error }
				onStatus={ presence.setStatus }
				alertsOn={ alerts.enabled }
				permission={ alerts.permission }
				onEnableAlerts={ alerts.enable }
				onDisableAlerts={ alerts.disable }
				{ ...( settings.canManage
					? { onManageReplies: () => setManaging( true ) }
					: {} ) }
			/>
			{ managing && (
				<SavedRepliesManager
					replies={ saved.replies }
					teams={ targets?.teams ?? [] }
					onChange={ saved.replace }
					onClose={ () => setManaging( false ) }
				/>
			) }
			{ lists.error && (
				<Notice status="error" isDismissible={ false }>
					{ lists.error }
				</Notice>
			) }
			<div
				className={ `handoff-bot-inbox__columns${
					openId === null ? '' : ' has-open'
				}` }
			>
				<section
					ref={ listSection }
					className="handoff-bot-inbox__list"
					aria-label={ __( 'Handoffs', 'handoff-bot' ) }
				>
					<ViewSwitch
						view={ view }
						queueCount={ lists.queueTotal }
						mineCount={ lists.mine.length }
						onChange={ switchView }
					/>
					<HandoffList
						view={ view }
						dataView={ dataView }
						onChangeDataView={ setDataView }
						handoffs={ shown }
						total={ waitingFiltered ? shown.length : lists.total }
						loading={ lists.loading }
						openId={ openId }
						teams={ teams }
						intents={ intents }
						onOpen={ setOpenId }
						onAccept={ acceptFromList }
					/>
				</section>
				<section
					className="handoff-bot-inbox__chat"
					aria-label={ __( 'Chat', 'handoff-bot' ) }
				>
					{ openId === null ? (
						<p className="handoff-bot-inbox__placeholder">
							{ __(
								'Choose a handoff to see its brief and the conversation.',
								'handoff-bot'
							) }
						</p>
					) : (
						<ChatPanel
							handoffId={ openId }
							userId={ settings.userId }
							savedReplies={ saved.replies }
							acceptRequest={ acceptRequest }
							onAccepted={ () => {
								switchView( 'mine' );
								lists.refresh();
							} }
							onChanged={ lists.refresh }
							onBack={ () => {
								setOpenId( null );
								setBackToList( true );
							} }
						/>
					) }
				</section>
			</div>
		</div>
	);
}
