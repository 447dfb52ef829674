/**
 * The ticket's controls: its status (open or pending), its team and assignee, and closing it
 * with an outcome (a callback request also "Called back", in one step).
 */
import {
	Button,
	CheckboxControl,
	Notice,
	SelectControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import {
	assignTicket,
	closeTicket,
	setTicketStatus,
} from '../../../shared/api/tickets';
import TextArea from '../../../shared/components/TextArea';
import type {
	TicketDetail,
	TicketOutcome,
} from '../../../shared/types/tickets';
import { outcomeLabel } from '../labels';

type Option = { value: string; label: string };

type Props = {
	ticket: TicketDetail;
	teams: Option[];
	agents: Option[];
	onChanged: ( ticket: TicketDetail ) => void;
};

export default function TicketActions( {
	ticket,
	teams,
	agents,
	onChanged,
}: Props ) {
	const [ status, setStatus ] = useState< 'open' | 'pending' >(
		ticket.status === 'pending' ? 'pending' : 'open'
	);
	const [ team, setTeam ] = useState( ticket.team );
	const [ agent, setAgent ] = useState(
		String( ticket.assigned_to?.id ?? 0 )
	);
	const [ outcome, setOutcome ] = useState< TicketOutcome >( 'resolved' );
	const [ note, setNote ] = useState( '' );
	const [ botCould, setBotCould ] = useState( false );
	const [ busy, setBusy ] = useState( '' );
	const [ error, setError ] = useState( '' );

	useEffect( () => {
		setStatus( ticket.status === 'pending' ? 'pending' : 'open' );
		setTeam( ticket.team );
		setAgent( String( ticket.assigned_to?.id ?? 0 ) );
	}, [ ticket.id, ticket.status, ticket.team, ticket.assigned_to?.id ] );

	async function run( step: string, work: () => Promise< TicketDetail > ) {
		setBusy( step );
		setError( '' );
		try {
			onChanged( await work() );
		} catch ( failure ) {
			setError( errorMessage( failure ) );
		} finally {
			setBusy( '' );
		}
	}

	const closed = ticket.status === 'closed';
	if ( closed ) {
		return (
			<p className="handoff-bot-tickets__closed">
				{ outcomeLabel( ticket.outcome ) }
			</p>
		);
	}
	return (
		<div className="handoff-bot-tickets__actions">
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<form
				className="handoff-bot-tickets__row"
				onSubmit={ ( event ) => {
					event.preventDefault();
					run( 'status', () => setTicketStatus( ticket.id, status ) );
				} }
			>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Status', 'handoff-bot' ) }
					value={ status }
					options={ [
						{ value: 'open', label: __( 'Open', 'handoff-bot' ) },
						{
							value: 'pending',
							label: __(
								'Pending (waiting on the visitor)',
								'handoff-bot'
							),
						},
					] }
					onChange={ ( value ) =>
						setStatus( value === 'pending' ? 'pending' : 'open' )
					}
				/>
				<Button
					variant="secondary"
					type="submit"
					isBusy={ busy === 'status' }
					disabled={ !! busy }
					accessibleWhenDisabled
				>
					{ __( 'Set status', 'handoff-bot' ) }
				</Button>
			</form>
			<form
				className="handoff-bot-tickets__row"
				onSubmit={ ( event ) => {
					event.preventDefault();
					run( 'assign', () =>
						assignTicket( ticket.id, {
							team,
							agent_id: Number( agent ),
						} )
					);
				} }
			>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Team', 'handoff-bot' ) }
					value={ team }
					options={ [
						{ value: '', label: __( 'Any team', 'handoff-bot' ) },
						...teams,
					] }
					onChange={ setTeam }
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Assignee', 'handoff-bot' ) }
					value={ agent }
					options={ agents }
					onChange={ setAgent }
				/>
				<Button
					variant="secondary"
					type="submit"
					isBusy={ busy === 'assign' }
					disabled={ !! busy }
					accessibleWhenDisabled
				>
					{ __( 'Assign', 'handoff-bot' ) }
				</Button>
			</form>
			<form
				className="handoff-bot-tickets__close"
				onSubmit={ ( event ) => {
					event.preventDefault();
					run( 'close', () =>
						closeTicket( ticket.id, {
							outcome,
							bot_could_answer: botCould,
							note,
						} )
					);
				} }
			>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Outcome', 'handoff-bot' ) }
					value={ outcome }
					options={ ticket.outcomes.map( ( value ) => ( {
						value,
						label: outcomeLabel( value ),
					} ) ) }
					onChange={ ( value ) =>
						setOutcome( value as TicketOutcome )
					}
				/>
				<TextArea
					screen="handoff-bot-tickets"
					id={ `handoff-bot-tickets-close-note-${ ticket.id }` }
					label={ __( 'Closing note (internal)', 'handoff-bot' ) }
					value={ note }
					rows={ 2 }
					onChange={ setNote }
				/>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'The bot could have answered this',
						'handoff-bot'
					) }
					checked={ botCould }
					onChange={ setBotCould }
				/>
				<div className="handoff-bot-tickets__buttons">
					<Button
						variant="primary"
						type="submit"
						isBusy={ busy === 'close' }
						disabled={ !! busy }
						accessibleWhenDisabled
					>
						{ __( 'Close ticket', 'handoff-bot' ) }
					</Button>
					{ ticket.outcomes.includes( 'called_back' ) && (
						<Button
							variant="secondary"
							isBusy={ busy === 'called_back' }
							disabled={ !! busy }
							accessibleWhenDisabled
							onClick={ () =>
								run( 'called_back', () =>
									closeTicket( ticket.id, {
										outcome: 'called_back',
										note,
									} )
								)
							}
						>
							{ __( 'Called back', 'handoff-bot' ) }
						</Button>
					) }
				</div>
			</form>
		</div>
	);
}
