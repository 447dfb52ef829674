/**
 * One list of handoffs (DataViews, list layout) with its filters: team, reason, intent and time
 * waiting. Choosing a row opens it beside the list; waiting rows have an Accept action.
 */
import type { Action, View } from '@wordpress/dataviews';
import { DataViews } from '@wordpress/dataviews';
import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { HandoffSummary, InboxView } from '../../../shared/types/inbox';
import { isWaiting } from '../labels';
import { listFields } from './list-fields';

type Option = { value: string; label: string };

type Props = {
	view: InboxView;
	dataView: View;
	onChangeDataView: ( view: View ) => void;
	handoffs: HandoffSummary[];
	total: number;
	loading: boolean;
	openId: number | null;
	teams: Option[];
	intents: Option[];
	onOpen: ( id: number ) => void;
	onAccept: ( handoff: HandoffSummary ) => void;
};

function emptyText( view: InboxView ): string {
	switch ( view ) {
		case 'queue':
			return __( 'Nobody is waiting.', 'handoff-bot' );
		case 'mine':
			return __( 'You have no open chats.', 'handoff-bot' );
		default:
			return __( 'No chats closed in the last 7 days.', 'handoff-bot' );
	}
}

export default function HandoffList( {
	view,
	dataView,
	onChangeDataView,
	handoffs,
	total,
	loading,
	openId,
	teams,
	intents,
	onOpen,
	onAccept,
}: Props ) {
	const fields = useMemo(
		() => listFields( teams, intents ),
		[ teams, intents ]
	);
	const actions = useMemo< Action< HandoffSummary >[] >(
		() => [
			{
				id: 'accept',
				label: __( 'Accept', 'handoff-bot' ),
				isPrimary: true,
				isEligible: ( item ) => isWaiting( item.status ),
				callback: ( items ) => {
					if ( items[ 0 ] ) {
						onAccept( items[ 0 ] );
					}
				},
			},
		],
		[ onAccept ]
	);
	const perPage = dataView.perPage ?? 50;
	return (
		<DataViews< HandoffSummary >
			view={ dataView }
			onChangeView={ onChangeDataView }
			fields={ fields }
			actions={ actions }
			data={ handoffs }
			getItemId={ ( item ) => String( item.id ) }
			isLoading={ loading }
			paginationInfo={ {
				totalItems: total,
				totalPages: Math.max( 1, Math.ceil( total / perPage ) ),
			} }
			defaultLayouts={ { list: {} } }
			search={ false }
			selection={ openId === null ? [] : [ String( openId ) ] }
			onChangeSelection={ ( ids ) => {
				const id = Number( ids[ 0 ] );
				if ( id ) {
					onOpen( id );
				}
			} }
			empty={ <p>{ emptyText( view ) }</p> }
		/>
	);
}
