/**
 * A field's error on the Teams and hours screen (see the shared FieldError).
 */
import SharedFieldError, {
	type FieldErrorProps,
} from '../../../shared/components/FieldError';

export { describedBy } from '../../../shared/components/FieldError';

export default function FieldError( props: FieldErrorProps ) {
	return (
		<SharedFieldError
			{ ...props }
			className="handoff-bot-hours__field-error"
		/>
	);
}
