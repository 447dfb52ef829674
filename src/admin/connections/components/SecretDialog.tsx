/**
 * A webhook's signing secret, shown once: right after the webhook is made or its secret rotated.
 * The server never sends it again, so the dialog says so and offers to copy it.
 */
import { Button, Flex, Modal } from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

type Props = {
	label: string;
	secret: string;
	onClose: () => void;
};

const FIELD = 'handoff-bot-connections-secret';

async function copy( text: string, input: HTMLInputElement | null ) {
	if ( window.navigator.clipboard?.writeText ) {
		await window.navigator.clipboard.writeText( text );
		return true;
	}
	// Without the clipboard API (a page not served over https): select it and copy.
	input?.select();
	return document.execCommand?.( 'copy' ) ?? false;
}

export default function SecretDialog( { label, secret, onClose }: Props ) {
	const input = useRef< HTMLInputElement >( null );
	const [ copied, setCopied ] = useState< '' | 'copied' | 'failed' >( '' );

	return (
		<Modal
			title={ __( 'Copy the signing secret now', 'handoff-bot' ) }
			onRequestClose={ onClose }
			className="handoff-bot-connections__dialog"
		>
			<p>
				{ sprintf(
					/* translators: %s: the webhook's name. */
					__(
						'This is the signing secret of “%s”. Your receiver checks each request’s signature with it.',
						'handoff-bot'
					),
					label
				) }
			</p>
			<p>
				<strong>
					{ __(
						'You won’t see it again: copy it into your receiver’s settings before you close this. If it is lost, rotate the secret to get a new one.',
						'handoff-bot'
					) }
				</strong>
			</p>
			<div className="handoff-bot-connections__secret">
				<label htmlFor={ FIELD }>
					{ __( 'Signing secret', 'handoff-bot' ) }
				</label>
				<input
					ref={ input }
					id={ FIELD }
					type="text"
					readOnly
					value={ secret }
					onFocus={ ( event ) => event.currentTarget.select() }
					spellCheck={ false }
				/>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => {
						copy( secret, input.current )
							.then( ( ok ) =>
								setCopied( ok ? 'copied' : 'failed' )
							)
							.catch( () => setCopied( 'failed' ) );
					} }
				>
					{ __( 'Copy', 'handoff-bot' ) }
				</Button>
			</div>
			<p role="status" className="handoff-bot-connections__copied">
				{ copied === 'copied' &&
					__( 'Copied to the clipboard.', 'handoff-bot' ) }
				{ copied === 'failed' &&
					__(
						'It could not be copied here: select it and copy it yourself.',
						'handoff-bot'
					) }
			</p>
			<Flex justify="flex-end">
				<Button
					__next40pxDefaultSize
					variant="primary"
					onClick={ onClose }
				>
					{ __( 'I have copied it', 'handoff-bot' ) }
				</Button>
			</Flex>
		</Modal>
	);
}
