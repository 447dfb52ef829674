/**
 * A number field on the Rules screen (see the shared NumberField).
 */
import SharedNumberField from '../../../shared/components/NumberField';

type Props = Omit< Parameters< typeof SharedNumberField >[ 0 ], 'screen' >;

export default function NumberField( props: Props ) {
	return <SharedNumberField { ...props } screen="handoff-bot-rules" />;
}
