/**
 * A dialog's Cancel and confirm buttons, and its error.
 */
import { Button, Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

type Props = {
	confirm: string;
	busy: boolean;
	disabled?: boolean;
	error: string;
	onCancel: () => void;
};

export default function DialogButtons( {
	confirm,
	busy,
	disabled = false,
	error,
	onCancel,
}: Props ) {
	return (
		<>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<div className="handoff-bot-inbox__dialog-buttons">
				<Button variant="tertiary" onClick={ onCancel }>
					{ __( 'Cancel', 'handoff-bot' ) }
				</Button>
				<Button
					variant="primary"
					type="submit"
					isBusy={ busy }
					accessibleWhenDisabled
					disabled={ busy || disabled }
				>
					{ confirm }
				</Button>
			</div>
		</>
	);
}
