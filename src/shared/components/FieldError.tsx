/**
 * A field's error, under the field, tied to it with aria-describedby.
 */
export type FieldErrorProps = {
	id: string;
	message?: string | undefined;
};

type Props = FieldErrorProps & {
	/** The screen's class for it. */
	className: string;
};

export default function FieldError( { id, message, className }: Props ) {
	if ( ! message ) {
		return null;
	}
	return (
		<p id={ id } className={ className }>
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
