/**
 * A labelled textarea with a known id. TextareaControl names its textarea itself (and an id
 * passed to it would part the textarea from its label), so the screen builds its own on
 * BaseControl: the id lets a refused save focus the field and tie its error to it. `screen` is the
 * screen's class prefix.
 */
import { BaseControl } from '@wordpress/components';

import FieldError, { describedBy } from './FieldError';

type Props = {
	/** The screen's class prefix, e.g. "handoff-bot-rules". */
	screen: string;
	id: string;
	label: string;
	help?: string | undefined;
	value: string;
	rows?: number;
	required?: boolean;
	error?: string | undefined;
	onChange: ( value: string ) => void;
};

export default function TextArea( {
	screen,
	id,
	label,
	help,
	value,
	rows = 4,
	required,
	error,
	onChange,
}: Props ) {
	return (
		<div className={ `${ screen }__field` }>
			<BaseControl
				__nextHasNoMarginBottom
				id={ id }
				label={ label }
				help={ help }
			>
				<textarea
					id={ id }
					className={ `${ screen }__textarea` }
					rows={ rows }
					value={ value }
					required={ required }
					onChange={ ( event ) => onChange( event.target.value ) }
					{ ...describedBy( id, !! help, !! error ) }
				/>
			</BaseControl>
			<FieldError
				id={ `${ id }__error` }
				message={ error }
				className={ `${ screen }__field-error` }
			/>
		</div>
	);
}
