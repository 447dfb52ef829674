/**
 * The saved replies for this chat (the shared ones and its team's): choose one, then Insert puts
 * its text in the reply box. Choosing alone inserts nothing, so moving through the menu with the
 * arrow keys never fills the reply box with every reply passed on the way.
 */
import { Button, SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { SavedReply } from '../../../shared/types/inbox';

type Props = {
	replies: SavedReply[];
	/** The chat's team; '' for none. */
	team: string;
	onInsert: ( text: string ) => void;
};

/**
 * The replies for a chat: shared ones, and the team's when it has one (all the agent sees when it
 * has none).
 * @param replies All the agent sees.
 * @param team    The chat's team.
 */
export function forTeam( replies: SavedReply[], team: string ): SavedReply[] {
	return replies.filter(
		( reply ) => ! team || ! reply.team || reply.team === team
	);
}

export default function SavedReplies( { replies, team, onInsert }: Props ) {
	const [ chosen, setChosen ] = useState( '' );
	const shown = forTeam( replies, team );
	if ( ! shown.length ) {
		return null;
	}
	const reply = shown.find( ( r ) => r.id === chosen );
	return (
		<div className="handoff-bot-inbox__saved-replies">
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Saved reply', 'handoff-bot' ) }
				value={ reply ? reply.id : '' }
				options={ [
					{
						value: '',
						label: __( 'Choose a saved reply…', 'handoff-bot' ),
					},
					...shown.map( ( r ) => ( {
						value: r.id,
						label: r.title,
					} ) ),
				] }
				onChange={ setChosen }
			/>
			<Button
				__next40pxDefaultSize
				variant="secondary"
				accessibleWhenDisabled
				disabled={ ! reply }
				onClick={ () => {
					if ( reply ) {
						onInsert( reply.text );
						setChosen( '' );
					}
				} }
			>
				{ __( 'Insert', 'handoff-bot' ) }
			</Button>
		</div>
	);
}
