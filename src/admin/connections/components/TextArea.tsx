/**
 * A labelled textarea on the Connections screen (see the shared TextArea).
 */
import SharedTextArea from '../../../shared/components/TextArea';

type Props = Omit< Parameters< typeof SharedTextArea >[ 0 ], 'screen' >;

export default function TextArea( { rows = 2, ...props }: Props ) {
	return (
		<SharedTextArea
			{ ...props }
			rows={ rows }
			screen="handoff-bot-connections"
		/>
	);
}
