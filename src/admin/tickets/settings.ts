/**
 * What the Tickets page passes to its script (`window.handoffBotTickets`), with safe defaults
 * when a field is missing.
 */
import type { TicketsSettings } from '../../shared/types/tickets';

declare global {
	interface Window {
		handoffBotTickets?: Partial< TicketsSettings >;
	}
}

export function readSettings(): TicketsSettings {
	const raw =
		( typeof window !== 'undefined' && window.handoffBotTickets ) || {};
	return {
		userId: Number( raw.userId ?? 0 ),
		userName: String( raw.userName ?? '' ),
		canManage: raw.canManage === true,
	};
}
