/**
 * A form dialog's Cancel and submit buttons, on the right: the submit button stays reachable
 * (and says why it waits) while busy or disabled.
 */
import { Button, Flex } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

type Props = {
	/** The submit button's words. */
	confirm: string;
	busy: boolean;
	disabled?: boolean;
	onCancel: () => void;
};

export default function DialogActions( {
	confirm,
	busy,
	disabled = false,
	onCancel,
}: Props ) {
	return (
		<Flex justify="flex-end" gap={ 2 }>
			<Button
				__next40pxDefaultSize
				variant="tertiary"
				onClick={ onCancel }
			>
				{ __( 'Cancel', 'handoff-bot' ) }
			</Button>
			<Button
				__next40pxDefaultSize
				type="submit"
				variant="primary"
				isBusy={ busy }
				disabled={ busy || disabled }
				accessibleWhenDisabled
			>
				{ confirm }
			</Button>
		</Flex>
	);
}
