/**
 * A field's error, under the field, tied to it with aria-describedby.
 */
type Props = {
	id: string;
	message?: string | undefined;
};

export default function FieldError( { id, message }: Props ) {
	if ( ! message ) {
		return null;
	}
	return (
		<p id={ id } className="handoff-bot-rules__field-error">
			{ message }
		</p>
	);
}

/**
 * The aria attributes of a field that may have an error (and help text under it).
 * @param id       The field's id.
 * @param hasHelp  Whether the field shows help text (BaseControl's `${id}__help`).
 * @param hasError Whether the field shows an error.
 */
export function describedBy(
	id: string,
	hasHelp: boolean,
	hasError: boolean
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
	const ids = [
		hasHelp ? `${ id }__help` : '',
		hasError ? `${ id }__error` : '',
	].filter( Boolean );
	return {
		...( hasError ? { 'aria-invalid': true as const } : {} ),
		...( ids.length ? { 'aria-describedby': ids.join( ' ' ) } : {} ),
	};
}
