/**
 * A box to write an internal note or a reply, with its send button. The draft keeps its
 * idempotency key until it is sent, so a retry after a failure is stored (and emailed) once.
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';

import { errorMessage } from '../../../shared/api';
import TextArea from '../../../shared/components/TextArea';
import { newKey } from '../labels';

type Props = {
	id: string;
	label: string;
	help?: string;
	action: string;
	disabled?: boolean;
	onSend: ( body: string, key: string ) => Promise< unknown >;
};

export default function Composer( {
	id,
	label,
	help,
	action,
	disabled = false,
	onSend,
}: Props ) {
	const [ text, setText ] = useState( '' );
	const [ key, setKey ] = useState( newKey );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState( '' );

	async function send() {
		if ( ! text.trim() || busy ) {
			return;
		}
		setBusy( true );
		setError( '' );
		try {
			await onSend( text.trim(), key );
			setText( '' );
			setKey( newKey() );
		} catch ( failure ) {
			setError( errorMessage( failure ) );
		} finally {
			setBusy( false );
		}
	}

	return (
		<form
			className="handoff-bot-tickets__composer"
			onSubmit={ ( event ) => {
				event.preventDefault();
				send();
			} }
		>
			<TextArea
				screen="handoff-bot-tickets"
				id={ id }
				label={ label }
				help={ help }
				value={ text }
				rows={ 3 }
				onChange={ setText }
			/>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<Button
				variant="secondary"
				type="submit"
				isBusy={ busy }
				disabled={ disabled || busy || ! text.trim() }
				accessibleWhenDisabled
			>
				{ action }
			</Button>
		</form>
	);
}
