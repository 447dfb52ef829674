/**
 * Adding or editing a saved reply: its title, text and team. A refused save shows each field's
 * error under it (tied to it with aria-describedby) and moves the focus to the first.
 */
import { Notice, SelectControl, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import {
	createSavedReply,
	savedReplyErrors,
	updateSavedReply,
} from '../../../shared/api/saved-replies';
import DialogActions from '../../../shared/components/DialogActions';
import FieldError, { describedBy } from '../../../shared/components/FieldError';
import TextArea from '../../../shared/components/TextArea';
import type {
	SavedReply,
	SavedReplyErrors,
	SavedReplyInput,
} from '../../../shared/types/inbox';

type Team = { name: string; label: string };

type Props = {
	/** The reply to edit; null to add one. */
	reply: SavedReply | null;
	teams: Team[];
	onCancel: () => void;
	onSaved: ( reply: SavedReply ) => void;
};

const SCREEN = 'handoff-bot-inbox';
export const TITLE_ID = 'handoff-bot-saved-reply-title';
const TEXT_ID = 'handoff-bot-saved-reply-text';
const TEAM_ID = 'handoff-bot-saved-reply-team';
const MAX_TITLE = 80;
const MAX_TEXT = 2000;

function fieldId( field: keyof SavedReplyInput ): string {
	switch ( field ) {
		case 'title':
			return TITLE_ID;
		case 'text':
			return TEXT_ID;
		default:
			return TEAM_ID;
	}
}

export default function SavedReplyForm( {
	reply,
	teams,
	onCancel,
	onSaved,
}: Props ) {
	const [ values, setValues ] = useState< SavedReplyInput >( {
		title: reply?.title ?? '',
		text: reply?.text ?? '',
		team: reply?.team ?? '',
	} );
	const [ errors, setErrors ] = useState< SavedReplyErrors >( {} );
	const [ error, setError ] = useState( '' );
	const [ busy, setBusy ] = useState( false );

	useEffect( () => {
		document.getElementById( TITLE_ID )?.focus();
	}, [] );

	const set = ( field: keyof SavedReplyInput ) => ( value: string ) => {
		setValues( ( current ) => ( { ...current, [ field ]: value } ) );
		setErrors( ( current ) => ( { ...current, [ field ]: undefined } ) );
	};

	const save = async () => {
		setBusy( true );
		setError( '' );
		setErrors( {} );
		try {
			const saved = reply
				? await updateSavedReply( reply.id, values )
				: await createSavedReply( values );
			setBusy( false );
			onSaved( saved );
		} catch ( caught ) {
			setBusy( false );
			const refused = savedReplyErrors( caught );
			const first = ( [ 'title', 'text', 'team' ] as const ).find(
				( field ) => refused[ field ]
			);
			if ( first ) {
				setErrors( refused );
				// Once the errors show, the first refused field takes the focus.
				window.setTimeout(
					() => document.getElementById( fieldId( first ) )?.focus(),
					0
				);
			} else {
				setError( errorMessage( caught ) );
			}
		}
	};

	// A team that no longer exists stays choosable, so an edit does not move the reply silently.
	const teamOptions = [
		{ value: '', label: __( 'All teams', 'handoff-bot' ) },
		...teams.map( ( t ) => ( { value: t.name, label: t.label } ) ),
		...( values.team && ! teams.some( ( t ) => t.name === values.team )
			? [ { value: values.team, label: values.team } ]
			: [] ),
	];

	return (
		<form
			className="handoff-bot-inbox__dialog"
			noValidate
			onSubmit={ ( event ) => {
				event.preventDefault();
				save();
			} }
		>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<div className={ `${ SCREEN }__field` }>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					id={ TITLE_ID }
					label={ __( 'Title', 'handoff-bot' ) }
					help={ sprintf(
						/* translators: %d: the most characters. */
						__(
							'What agents choose it by; unique, at most %d characters.',
							'handoff-bot'
						),
						MAX_TITLE
					) }
					value={ values.title }
					required
					onChange={ set( 'title' ) }
					{ ...describedBy( TITLE_ID, true, !! errors.title ) }
				/>
				<FieldError
					id={ `${ TITLE_ID }__error` }
					message={ errors.title }
					className={ `${ SCREEN }__field-error` }
				/>
			</div>
			<TextArea
				screen={ SCREEN }
				id={ TEXT_ID }
				label={ __( 'Text', 'handoff-bot' ) }
				help={ sprintf(
					/* translators: %d: the most characters. */
					__(
						'What goes in the reply box, at most %d characters.',
						'handoff-bot'
					),
					MAX_TEXT
				) }
				rows={ 5 }
				required
				value={ values.text }
				error={ errors.text }
				onChange={ set( 'text' ) }
			/>
			{ ( teamOptions.length > 1 || errors.team ) && (
				<div className={ `${ SCREEN }__field` }>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						id={ TEAM_ID }
						label={ __( 'Team', 'handoff-bot' ) }
						help={ __(
							'Only this team’s agents see it; all teams by default.',
							'handoff-bot'
						) }
						value={ values.team }
						options={ teamOptions }
						onChange={ set( 'team' ) }
						{ ...describedBy( TEAM_ID, true, !! errors.team ) }
					/>
					<FieldError
						id={ `${ TEAM_ID }__error` }
						message={ errors.team }
						className={ `${ SCREEN }__field-error` }
					/>
				</div>
			) }
			<DialogActions
				confirm={
					reply
						? __( 'Save reply', 'handoff-bot' )
						: __( 'Add reply', 'handoff-bot' )
				}
				busy={ busy }
				onCancel={ onCancel }
			/>
		</form>
	);
}
