/**
 * The open chat's heading: what the visitor wants, where the handoff stands, and what the agent can
 * do with it now (accept it; or, holding it, transfer, hand back or resolve).
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { HandoffDetail } from '../../../shared/types/inbox';
import {
	isClosed,
	isWaiting,
	outcomeLabel,
	statusLabel,
	waitingLabel,
} from '../labels';

export type ChatAction = 'transfer' | 'hand-back' | 'resolve';

type Props = {
	handoff: HandoffDetail;
	mine: boolean;
	accepting: boolean;
	onAccept: () => void;
	onAction: ( action: ChatAction ) => void;
	onBack: () => void;
};

function standing( handoff: HandoffDetail, mine: boolean ): string {
	if ( isClosed( handoff.status ) ) {
		return handoff.outcome
			? outcomeLabel( handoff.outcome )
			: statusLabel( handoff.status );
	}
	if ( isWaiting( handoff.status ) ) {
		return sprintf(
			/* translators: %s: how long the visitor has waited. */
			__( 'Waiting for %s', 'handoff-bot' ),
			waitingLabel( handoff.waiting_seconds )
		);
	}
	if ( mine ) {
		return __( 'You are helping this visitor.', 'handoff-bot' );
	}
	return handoff.agent
		? sprintf(
				/* translators: %s: agent's name. */
				__( '%s is helping this visitor.', 'handoff-bot' ),
				handoff.agent.name
			)
		: statusLabel( handoff.status );
}

export default function ChatHeader( {
	handoff,
	mine,
	accepting,
	onAccept,
	onAction,
	onBack,
}: Props ) {
	return (
		<header className="handoff-bot-inbox__chat-header">
			<Button
				className="handoff-bot-inbox__back"
				variant="link"
				onClick={ onBack }
			>
				{ __( '← Back to the list', 'handoff-bot' ) }
			</Button>
			<div className="handoff-bot-inbox__chat-title">
				{ /* Focusable from script: a closed dialog hands the focus back here. */ }
				<h2 tabIndex={ -1 }>
					{ handoff.headline || __( 'Visitor', 'handoff-bot' ) }
				</h2>
				<p className="handoff-bot-inbox__status">
					{ standing( handoff, mine ) }
					{ handoff.team && (
						<span>
							{ ' · ' }
							{ sprintf(
								/* translators: %s: team name. */
								__( 'Team: %s', 'handoff-bot' ),
								handoff.team
							) }
						</span>
					) }
				</p>
			</div>
			<div className="handoff-bot-inbox__chat-actions">
				{ isWaiting( handoff.status ) && (
					<Button
						variant="primary"
						isBusy={ accepting }
						accessibleWhenDisabled
						disabled={ accepting }
						onClick={ onAccept }
					>
						{ __( 'Accept', 'handoff-bot' ) }
					</Button>
				) }
				{ mine && handoff.status === 'accepted' && (
					<>
						<Button
							variant="secondary"
							onClick={ () => onAction( 'transfer' ) }
						>
							{ __( 'Transfer…', 'handoff-bot' ) }
						</Button>
						<Button
							variant="secondary"
							onClick={ () => onAction( 'hand-back' ) }
						>
							{ __( 'Hand back to the bot…', 'handoff-bot' ) }
						</Button>
						<Button
							variant="primary"
							onClick={ () => onAction( 'resolve' ) }
						>
							{ __( 'Resolve…', 'handoff-bot' ) }
						</Button>
					</>
				) }
			</div>
		</header>
	);
}
