/**
 * A field's error on the Connections screen (see the shared FieldError).
 */
import SharedFieldError, {
	type FieldErrorProps,
} from '../../../shared/components/FieldError';

export { describedBy } from '../../../shared/components/FieldError';

export default function FieldError( props: FieldErrorProps ) {
	return (
		<SharedFieldError
			{ ...props }
			className="handoff-bot-connections__field-error"
		/>
	);
}
