/**
 * The reply box: a message to the visitor, or an internal note only agents see; saved replies to
 * insert; Enter sends and Shift+Enter starts a new line. A failed send keeps the text and its
 * idempotency key, so sending again never stores the message twice. While the agent types a reply
 * (not a note), the visitor is told so, at most every few seconds.
 */
import {
	Button,
	Notice,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { sendMessage, sendTyping } from '../../../shared/api/inbox';
import type { InboxMessage, SavedReply } from '../../../shared/types/inbox';
import { newIdempotencyKey } from '../messages';
import SavedReplies from './SavedReplies';

type Props = {
	handoffId: number;
	/** The chat's team, for its saved replies. */
	team: string;
	savedReplies: SavedReply[];
	onSent: ( message: InboxMessage ) => void;
};

/** The visitor sees "typing" for 8 s after each hint: one every 4 s while the agent types. */
export const TYPING_EVERY = 4000;

export default function Composer( {
	handoffId,
	team,
	savedReplies,
	onSent,
}: Props ) {
	const [ text, setText ] = useState( '' );
	const [ internal, setInternal ] = useState( false );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState( '' );
	const key = useRef( newIdempotencyKey() );
	/** When the visitor was last told the agent is typing. */
	const told = useRef( 0 );
	const area = useRef< HTMLTextAreaElement >( null );

	const send = async () => {
		const body = text.trim();
		if ( ! body || busy ) {
			return;
		}
		setBusy( true );
		setError( '' );
		try {
			const message = await sendMessage(
				handoffId,
				body,
				internal,
				key.current
			);
			key.current = newIdempotencyKey();
			setText( '' );
			onSent( message );
		} catch ( caught ) {
			setError( errorMessage( caught ) );
		} finally {
			setBusy( false );
			area.current?.focus();
		}
	};

	const insert = ( reply: string ) => {
		setText( ( current ) =>
			current.trim() ? `${ current.trimEnd() }\n${ reply }` : reply
		);
		key.current = newIdempotencyKey();
		area.current?.focus();
	};

	return (
		<form
			className={ `handoff-bot-inbox__composer${
				internal ? ' is-note' : ''
			}` }
			onSubmit={ ( event ) => {
				event.preventDefault();
				send();
			} }
		>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<TextareaControl
				__nextHasNoMarginBottom
				ref={ area }
				label={
					internal
						? __(
								'Internal note (the visitor never sees it)',
								'handoff-bot'
							)
						: __( 'Reply to the visitor', 'handoff-bot' )
				}
				help={ __(
					'Enter sends; Shift+Enter starts a new line.',
					'handoff-bot'
				) }
				rows={ 3 }
				value={ text }
				onChange={ ( value ) => {
					setText( value );
					if ( ! value ) {
						key.current = newIdempotencyKey();
					}
					if (
						value.trim() &&
						! internal &&
						Date.now() - told.current >= TYPING_EVERY
					) {
						told.current = Date.now();
						// Only a hint for the visitor: a failure is not worth a word.
						sendTyping( handoffId ).catch( () => undefined );
					}
				} }
				onKeyDown={ ( event ) => {
					if (
						event.key === 'Enter' &&
						! event.shiftKey &&
						! event.nativeEvent.isComposing
					) {
						event.preventDefault();
						send();
					}
				} }
			/>
			<div className="handoff-bot-inbox__composer-bar">
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __( 'Internal note', 'handoff-bot' ) }
					checked={ internal }
					onChange={ setInternal }
				/>
				<SavedReplies
					replies={ savedReplies }
					team={ team }
					onInsert={ insert }
				/>
				<Button
					variant="primary"
					type="submit"
					isBusy={ busy }
					accessibleWhenDisabled
					disabled={ busy || ! text.trim() }
				>
					{ internal
						? __( 'Add note', 'handoff-bot' )
						: __( 'Send', 'handoff-bot' ) }
				</Button>
			</div>
		</form>
	);
}
