/**
 * Alerts for new handoffs in the queue: a chime and a browser notification. Nothing sounds or
 * shows until the agent turns alerts on with a click (which also asks the browser's permission
 * for notifications); the choice is remembered in this browser.
 */
import { useCallback, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { HandoffSummary } from '../../../shared/types/inbox';
import { playChime, unlockSound } from '../attention';

export type Permission = NotificationPermission | 'unsupported';

const STORAGE_KEY = 'handoff-bot-inbox-alerts';

function supported(): boolean {
	return typeof window !== 'undefined' && 'Notification' in window;
}

function currentPermission(): Permission {
	return supported() ? window.Notification.permission : 'unsupported';
}

function remembered(): boolean {
	try {
		return window.localStorage.getItem( STORAGE_KEY ) === '1';
	} catch {
		return false;
	}
}

function remember( on: boolean ): void {
	try {
		if ( on ) {
			window.localStorage.setItem( STORAGE_KEY, '1' );
		} else {
			window.localStorage.removeItem( STORAGE_KEY );
		}
	} catch {
		// Private windows may refuse storage: the choice lasts for this visit.
	}
}

export function useAlerts() {
	const [ permission, setPermission ] =
		useState< Permission >( currentPermission );
	const [ enabled, setEnabled ] = useState( remembered );

	const enable = useCallback( async () => {
		unlockSound();
		let result = currentPermission();
		if ( result === 'default' ) {
			try {
				result = await window.Notification.requestPermission();
			} catch {
				result = currentPermission();
			}
		}
		setPermission( result );
		setEnabled( true );
		remember( true );
	}, [] );

	const disable = useCallback( () => {
		setEnabled( false );
		remember( false );
	}, [] );

	/**
	 * Tells the agent about handoffs that just joined the queue.
	 */
	const announce = useCallback(
		(
			handoffs: HandoffSummary[],
			onOpen: ( handoff: HandoffSummary ) => void
		) => {
			if ( ! enabled || ! handoffs.length ) {
				return;
			}
			playChime();
			if ( currentPermission() !== 'granted' ) {
				return;
			}
			for ( const handoff of handoffs.slice( 0, 3 ) ) {
				try {
					const notification = new window.Notification(
						__(
							'A visitor is waiting for a person',
							'handoff-bot'
						),
						{
							body: handoff.headline,
							tag: `handoff-bot-handoff-${ handoff.id }`,
						}
					);
					notification.onclick = () => {
						window.focus();
						onOpen( handoff );
						notification.close();
					};
				} catch {
					// Some browsers allow notifications only from a service worker.
				}
			}
		},
		[ enabled ]
	);

	return { permission, enabled, enable, disable, announce };
}
