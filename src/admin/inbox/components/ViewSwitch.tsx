/**
 * The three lists: the queue, the agent's own chats, and those closed recently.
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { InboxView } from '../../../shared/types/inbox';

type Props = {
	view: InboxView;
	queueCount: number;
	mineCount: number;
	onChange: ( view: InboxView ) => void;
};

function counted( label: string, count: number ): string {
	if ( count <= 0 ) {
		return label;
	}
	/* translators: 1: list name, 2: number of handoffs in it. */
	return sprintf( __( '%1$s (%2$d)', 'handoff-bot' ), label, count );
}

export default function ViewSwitch( {
	view,
	queueCount,
	mineCount,
	onChange,
}: Props ) {
	const views: [ InboxView, string ][] = [
		[ 'queue', counted( __( 'Queue', 'handoff-bot' ), queueCount ) ],
		[ 'mine', counted( __( 'Mine', 'handoff-bot' ), mineCount ) ],
		[ 'closed', __( 'Recently closed', 'handoff-bot' ) ],
	];
	return (
		<div
			className="handoff-bot-inbox__views"
			role="group"
			aria-label={ __( 'Lists', 'handoff-bot' ) }
		>
			{ views.map( ( [ name, label ] ) => (
				<Button
					key={ name }
					variant={ view === name ? 'primary' : 'secondary' }
					aria-pressed={ view === name }
					onClick={ () => onChange( name ) }
				>
					{ label }
				</Button>
			) ) }
		</div>
	);
}
