/**
 * Adds or changes a connection: its name, where it sends, the teams it serves (none: every team),
 * the events it sends, whether it is on, and an optional change note. A refused save puts each
 * error beside its field (aria-invalid, aria-describedby) and focuses the first; what has no
 * field goes in the dialog's notice.
 */
import {
	CheckboxControl,
	Modal,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import {
	connectionErrors,
	createConnection,
	updateConnection,
} from '../../../shared/api/connections';
import DialogActions from '../../../shared/components/DialogActions';
import type {
	Connection,
	ConnectionErrors,
	ConnectionEvent,
	ConnectionFields,
	ConnectionKind,
	ConnectionWithSecret,
} from '../../../shared/types/connections';
import {
	EVENTS,
	addLabel,
	eventLabel,
	kindLabel,
	targetLabel,
} from '../labels';
import FieldError, { describedBy } from './FieldError';
import TextArea from './TextArea';

export type TeamChoice = { name: string; label: string };

type Props = {
	kind: ConnectionKind;
	/** The connection changed, or null to add one. */
	connection: Connection | null;
	teams: TeamChoice[];
	/** The teams a new connection starts with. */
	defaultTeams: string[];
	onClose: () => void;
	onSaved: ( saved: ConnectionWithSecret, created: boolean ) => void;
};

const ID = 'handoff-bot-connection';
const PLACED = [ 'label', 'target', 'teams', 'events', 'note' ];

function groupError( id: string, error: string | undefined ) {
	return error
		? {
				'aria-invalid': true as const,
				'aria-describedby': `${ id }__error`,
			}
		: {};
}

function toggle< T >( list: T[], item: T, on: boolean ): T[] {
	return on
		? [ ...list.filter( ( x ) => x !== item ), item ]
		: list.filter( ( x ) => x !== item );
}

function targetHelp(
	kind: ConnectionKind,
	connection: Connection | null
): string {
	if ( kind === 'slack' && connection ) {
		return sprintf(
			/* translators: %s: the saved URL, shortened, such as https://hooks.slack.com/…AbCd. */
			__( 'Leave empty to keep the saved URL (%s).', 'handoff-bot' ),
			connection.target
		);
	}
	return kind === 'email'
		? __(
				'The address your help desk turns into tickets, or a shared inbox.',
				'handoff-bot'
			)
		: __( 'A full https:// address.', 'handoff-bot' );
}

export default function ConnectionForm( {
	kind,
	connection,
	teams,
	defaultTeams,
	onClose,
	onSaved,
}: Props ) {
	const [ label, setLabel ] = useState( connection?.label ?? '' );
	// A Slack URL is its own secret: the server shows it in part, so it is typed anew or kept.
	const [ target, setTarget ] = useState(
		connection && kind !== 'slack' ? connection.target : ''
	);
	const [ chosenTeams, setTeams ] = useState< string[] >(
		connection?.teams ?? defaultTeams
	);
	const [ events, setEvents ] = useState< ConnectionEvent[] >(
		connection?.events ?? EVENTS
	);
	const [ enabled, setEnabled ] = useState( connection?.enabled ?? true );
	const [ note, setNote ] = useState( '' );
	const [ errors, setErrors ] = useState< ConnectionErrors >( {} );
	const [ refusals, setRefusals ] = useState( 0 );
	const [ saving, setSaving ] = useState( false );
	const [ failure, setFailure ] = useState( '' );

	// After a refused save, the first field in error takes the focus.
	useEffect( () => {
		if ( ! refusals ) {
			return;
		}
		document
			.querySelector< HTMLElement >(
				'.handoff-bot-connections__form [aria-invalid="true"]'
			)
			?.focus();
	}, [ refusals ] );

	const clear = ( name: keyof ConnectionErrors ) => {
		if ( errors[ name ] ) {
			const rest = { ...errors };
			delete rest[ name ];
			setErrors( rest );
		}
	};

	const submit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		const fields: ConnectionFields = {
			label,
			teams: chosenTeams,
			events,
			enabled,
		};
		if ( ! connection ) {
			fields.kind = kind;
			fields.target = target;
		} else if ( kind !== 'slack' || target.trim() ) {
			fields.target = target;
		}
		if ( note.trim() ) {
			fields.note = note.trim();
		}
		setSaving( true );
		setFailure( '' );
		try {
			const saved = connection
				? await updateConnection( connection.id, fields )
				: await createConnection( fields );
			onSaved( saved, ! connection );
		} catch ( error ) {
			setSaving( false );
			const found = connectionErrors( error );
			if ( Object.keys( found ).length ) {
				setErrors( found );
				setRefusals( ( n ) => n + 1 );
			} else {
				setFailure( errorMessage( error ) );
			}
		}
	};

	const unplaced = Object.entries( errors )
		.filter( ( [ name ] ) => ! PLACED.includes( name ) )
		.map( ( [ , message ] ) => message );

	return (
		<Modal
			title={
				connection
					? sprintf(
							/* translators: 1: kind of connection, 2: its name. */
							__( 'Edit %1$s “%2$s”', 'handoff-bot' ),
							kindLabel( kind ).toLowerCase(),
							connection.label
						)
					: addLabel( kind )
			}
			onRequestClose={ onClose }
			className="handoff-bot-connections__dialog"
		>
			{ /* The server says what is wrong with each field, beside it, in the screen's words. */ }
			<form
				className="handoff-bot-connections__form"
				onSubmit={ submit }
				noValidate
			>
				{ ( failure || unplaced.length > 0 ) && (
					<Notice status="error" isDismissible={ false }>
						{ failure ||
							__(
								'The connection was not saved.',
								'handoff-bot'
							) }
						{ unplaced.length > 0 && (
							<ul>
								{ unplaced.map( ( line ) => (
									<li key={ line }>{ line }</li>
								) ) }
							</ul>
						) }
					</Notice>
				) }
				{ Object.keys( errors ).length > 0 && ! unplaced.length && (
					<p className="handoff-bot-connections__form-summary">
						{ __(
							'The connection was not saved. Correct the fields marked below.',
							'handoff-bot'
						) }
					</p>
				) }
				<div className="handoff-bot-connections__field">
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						id={ `${ ID }-label` }
						label={ __( 'Name', 'handoff-bot' ) }
						help={ __(
							'How the screen and the delivery log name it, such as “Help desk” or “Our CRM”.',
							'handoff-bot'
						) }
						value={ label }
						onChange={ ( value ) => {
							setLabel( value );
							clear( 'label' );
						} }
						{ ...describedBy(
							`${ ID }-label`,
							true,
							!! errors.label
						) }
					/>
					<FieldError
						id={ `${ ID }-label__error` }
						message={ errors.label }
					/>
				</div>
				<div className="handoff-bot-connections__field">
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						id={ `${ ID }-target` }
						type={ kind === 'email' ? 'email' : 'url' }
						label={ targetLabel( kind ) }
						help={ targetHelp( kind, connection ) }
						value={ target }
						onChange={ ( value ) => {
							setTarget( value );
							clear( 'target' );
						} }
						{ ...describedBy(
							`${ ID }-target`,
							true,
							!! errors.target
						) }
					/>
					<FieldError
						id={ `${ ID }-target__error` }
						message={ errors.target }
					/>
				</div>
				<fieldset
					className="handoff-bot-connections__choices"
					aria-describedby={ `${ ID }-teams__help` }
				>
					<legend>{ __( 'Teams', 'handoff-bot' ) }</legend>
					<p
						id={ `${ ID }-teams__help` }
						className="handoff-bot-connections__help"
					>
						{ teams.length
							? __(
									'The teams whose handoffs it sends. None checked: every team.',
									'handoff-bot'
								)
							: __(
									'It sends every team’s handoffs. Add teams under Teams and hours to send only some.',
									'handoff-bot'
								) }
					</p>
					<FieldError
						id={ `${ ID }-teams__error` }
						message={ errors.teams }
					/>
					{ teams.map( ( team ) => (
						<CheckboxControl
							key={ team.name }
							__nextHasNoMarginBottom
							id={ `${ ID }-team-${ team.name }` }
							label={ team.label || team.name }
							checked={ chosenTeams.includes( team.name ) }
							onChange={ ( on ) => {
								setTeams(
									toggle( chosenTeams, team.name, on )
								);
								clear( 'teams' );
							} }
							{ ...groupError( `${ ID }-teams`, errors.teams ) }
						/>
					) ) }
				</fieldset>
				<fieldset className="handoff-bot-connections__choices">
					<legend>{ __( 'Events', 'handoff-bot' ) }</legend>
					<FieldError
						id={ `${ ID }-events__error` }
						message={ errors.events }
					/>
					{ EVENTS.map( ( name ) => (
						<CheckboxControl
							key={ name }
							__nextHasNoMarginBottom
							id={ `${ ID }-event-${ name.replace( '.', '-' ) }` }
							label={ eventLabel( name ) }
							checked={ events.includes( name ) }
							onChange={ ( on ) => {
								setEvents( toggle( events, name, on ) );
								clear( 'events' );
							} }
							{ ...groupError( `${ ID }-events`, errors.events ) }
						/>
					) ) }
				</fieldset>
				<CheckboxControl
					__nextHasNoMarginBottom
					id={ `${ ID }-enabled` }
					label={ __( 'Send notifications', 'handoff-bot' ) }
					help={ __(
						'Unchecked, it keeps its settings and sends nothing.',
						'handoff-bot'
					) }
					checked={ enabled }
					onChange={ setEnabled }
				/>
				<TextArea
					id={ `${ ID }-note` }
					label={ __( 'Change note (optional)', 'handoff-bot' ) }
					help={ __(
						'Kept with the version this save makes, for the report. Left empty, it says what changed.',
						'handoff-bot'
					) }
					value={ note }
					error={ errors.note }
					onChange={ ( value ) => {
						setNote( value );
						clear( 'note' );
					} }
				/>
				<DialogActions
					confirm={
						connection
							? __( 'Save changes', 'handoff-bot' )
							: __( 'Add connection', 'handoff-bot' )
					}
					busy={ saving }
					onCancel={ onClose }
				/>
			</form>
		</Modal>
	);
}
