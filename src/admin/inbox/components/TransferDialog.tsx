/**
 * Transferring the chat to a team's queue or to one agent, with a note for whoever takes it.
 */
import {
	Modal,
	RadioControl,
	SelectControl,
	Spinner,
	TextareaControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { getTransferTargets, transferHandoff } from '../../../shared/api/inbox';
import type {
	HandoffSummary,
	TransferTargets,
} from '../../../shared/types/inbox';
import { useSubmit } from '../hooks/use-submit';
import DialogButtons from './DialogButtons';

/** How often the open dialog reads again who is online (ms). */
export const TARGETS_REFRESH = 15_000;

type Props = {
	handoffId: number;
	userId: number;
	onClose: () => void;
	onDone: ( summary: HandoffSummary ) => void;
};

export default function TransferDialog( {
	handoffId,
	userId,
	onClose,
	onDone,
}: Props ) {
	const [ targets, setTargets ] = useState< TransferTargets | null >( null );
	const [ loadError, setLoadError ] = useState( '' );
	const [ kind, setKind ] = useState< 'team' | 'agent' >( 'team' );
	const [ team, setTeam ] = useState( '' );
	const [ agent, setAgent ] = useState( '' );
	const [ note, setNote ] = useState( '' );

	useEffect( () => {
		let open = true;
		let loaded = false;
		const load = () =>
			getTransferTargets().then(
				( next ) => {
					if ( open ) {
						loaded = true;
						setLoadError( '' );
						setTargets( next );
					}
				},
				( caught ) => {
					// A refresh that fails keeps the list already shown.
					if ( open && ! loaded ) {
						setLoadError( errorMessage( caught ) );
					}
				}
			);
		void load();
		// Colleagues come online and go away while the dialog is open: the list follows.
		const timer = window.setInterval( load, TARGETS_REFRESH );
		return () => {
			open = false;
			window.clearInterval( timer );
		};
	}, [] );

	const agents = ( targets?.agents ?? [] ).filter( ( a ) => a.id !== userId );
	const chosen = kind === 'team' ? team !== '' : agent !== '';
	const { busy, error, submit } = useSubmit(
		() =>
			transferHandoff( handoffId, {
				...( kind === 'team'
					? { team }
					: { agent_id: Number( agent ) } ),
				note: note.trim(),
			} ),
		onDone
	);

	return (
		<Modal
			title={ __( 'Transfer this chat', 'handoff-bot' ) }
			onRequestClose={ onClose }
		>
			<form
				className="handoff-bot-inbox__dialog"
				onSubmit={ ( event ) => {
					event.preventDefault();
					submit();
				} }
			>
				{ ! targets && ! loadError && <Spinner /> }
				{ loadError && <p role="alert">{ loadError }</p> }
				<RadioControl
					label={ __( 'Transfer to', 'handoff-bot' ) }
					selected={ kind }
					options={ [
						{
							value: 'team',
							label: __( 'A team’s queue', 'handoff-bot' ),
						},
						{
							value: 'agent',
							label: __( 'An agent', 'handoff-bot' ),
						},
					] }
					onChange={ ( value ) =>
						setKind( value as 'team' | 'agent' )
					}
				/>
				{ kind === 'team' ? (
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Team', 'handoff-bot' ) }
						value={ team }
						options={ [
							{
								value: '',
								label: __( 'Choose a team…', 'handoff-bot' ),
							},
							...( targets?.teams ?? [] ).map( ( t ) => ( {
								value: t.name,
								label: t.label || t.name,
							} ) ),
						] }
						onChange={ setTeam }
					/>
				) : (
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Agent', 'handoff-bot' ) }
						value={ agent }
						options={ [
							{
								value: '',
								label: __( 'Choose an agent…', 'handoff-bot' ),
							},
							...agents.map( ( a ) => ( {
								value: String( a.id ),
								label: a.online
									? sprintf(
											/* translators: %s: agent's name. */
											__( '%s (online)', 'handoff-bot' ),
											a.name
										)
									: sprintf(
											/* translators: %s: agent's name. */
											__( '%s (away)', 'handoff-bot' ),
											a.name
										),
							} ) ),
						] }
						onChange={ setAgent }
					/>
				) }
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Note for whoever takes it', 'handoff-bot' ) }
					value={ note }
					onChange={ setNote }
				/>
				<DialogButtons
					confirm={ __( 'Transfer', 'handoff-bot' ) }
					busy={ busy }
					disabled={ ! chosen || ! note.trim() }
					error={ error }
					onCancel={ onClose }
				/>
			</form>
		</Modal>
	);
}
