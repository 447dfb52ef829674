/**
 * The drill-down list's rows as text: the CSV holds what the list shows.
 */
import { toCsv } from '../csv';
import { drillTable } from '../drill';

const ROW = {
	conversation_id: 7,
	handoff_id: 5,
	reason: 'low_confidence',
	trigger_type: 'system',
	intent: '',
	route: 'ticket',
	route_reason: 'after_hours',
	team: 'billing',
	status: 'requested',
	outcome: '',
	tags: [],
	topic: '',
	turn: 3,
	config_version: 2,
	requested_at: '2026-03-03 12:01:00',
	conversation_started_at: '2026-03-03 12:00:00',
};

describe( 'the drill-down as a table', () => {
	it( 'names codes as the screen does, one row per handoff', () => {
		const table = drillTable( [
			ROW,
			{
				...ROW,
				handoff_id: 6,
				conversation_id: 8,
				status: 'resolved',
				outcome: 'not_resolved',
				intent: 'shipping',
				team: '',
			},
		] );
		expect( table.rows.map( ( row ) => row.cells ) ).toEqual( [
			{
				conversation: 'Conversation 7',
				requested_at: '2026-03-03 12:01:00',
				reason: 'Low confidence',
				trigger: 'The bot',
				intent: 'No intent detected',
				route: 'Ticket (After hours)',
				team: 'billing',
				outcome: 'Waiting',
				turn: '3',
				config_version: '2',
			},
			expect.objectContaining( {
				conversation: 'Conversation 8',
				intent: 'shipping',
				team: 'None',
				outcome: 'Not resolved',
			} ),
		] );
		expect( toCsv( table ).split( '\r\n' )[ 0 ] ).toBe(
			'Conversation,Handoff requested (UTC),Reason,Trigger,Intent,Route,Team,Status,Turn,Version'
		);
	} );
} );
