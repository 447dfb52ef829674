/**
 * The agent's switches: available or away (sent with the presence heartbeat), and alerts for new
 * handoffs (a chime and browser notifications, on only when the agent asks); for people who
 * manage the plugin, the way to the saved replies.
 */
import { Button, ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { Presence, PresenceStatus } from '../../../shared/types/inbox';
import type { Permission } from '../hooks/use-alerts';

type Props = {
	presence: Presence | null;
	presenceError: string;
	onStatus: ( status: PresenceStatus ) => void;
	alertsOn: boolean;
	permission: Permission;
	onEnableAlerts: () => void;
	onDisableAlerts: () => void;
	/** Opens the saved replies' manager; absent for agents who do not manage the plugin. */
	onManageReplies?: () => void;
};

function alertsHelp( on: boolean, permission: Permission ): string {
	if ( ! on ) {
		return '';
	}
	if ( permission === 'denied' ) {
		return __(
			'Sound on. Notifications are blocked in this browser’s settings for this site.',
			'handoff-bot'
		);
	}
	if ( permission === 'unsupported' ) {
		return __(
			'Sound on. This browser cannot show notifications.',
			'handoff-bot'
		);
	}
	return __( 'Sound and notifications on for new handoffs.', 'handoff-bot' );
}

export default function InboxToolbar( {
	presence,
	presenceError,
	onStatus,
	alertsOn,
	permission,
	onEnableAlerts,
	onDisableAlerts,
	onManageReplies,
}: Props ) {
	const available = ( presence?.status ?? 'available' ) === 'available';
	return (
		<div className="handoff-bot-inbox__toolbar">
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Available for chats', 'handoff-bot' ) }
				help={
					presenceError ||
					( available
						? __( 'New chats can be routed to you.', 'handoff-bot' )
						: __(
								'Away: new chats are not routed to you.',
								'handoff-bot'
							) )
				}
				checked={ available }
				disabled={ ! presence }
				onChange={ ( on ) => onStatus( on ? 'available' : 'away' ) }
			/>
			<div className="handoff-bot-inbox__alerts">
				{ alertsOn ? (
					<Button variant="tertiary" onClick={ onDisableAlerts }>
						{ __( 'Turn off alerts', 'handoff-bot' ) }
					</Button>
				) : (
					<Button variant="secondary" onClick={ onEnableAlerts }>
						{ __( 'Enable notifications', 'handoff-bot' ) }
					</Button>
				) }
				<span className="handoff-bot-inbox__muted" aria-live="polite">
					{ alertsHelp( alertsOn, permission ) }
				</span>
				{ onManageReplies && (
					<Button variant="secondary" onClick={ onManageReplies }>
						{ __( 'Manage saved replies', 'handoff-bot' ) }
					</Button>
				) }
			</div>
		</div>
	);
}
