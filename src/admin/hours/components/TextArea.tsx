/**
 * A labelled textarea with a known id. TextareaControl names its textarea itself (and an id
 * passed to it would part the textarea from its label), so the screen builds its own on
 * BaseControl: the id lets a refused save focus the field and tie its error to it.
 */
import { BaseControl } from '@wordpress/components';

import FieldError, { describedBy } from './FieldError';

type Props = {
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
	id,
	label,
	help,
	value,
	rows = 2,
	required,
	error,
	onChange,
}: Props ) {
	return (
		<div className="handoff-bot-hours__field">
			<BaseControl
				__nextHasNoMarginBottom
				id={ id }
				label={ label }
				help={ help }
			>
				<textarea
					id={ id }
					className="handoff-bot-hours__textarea"
					rows={ rows }
					value={ value }
					required={ required }
					onChange={ ( event ) => onChange( event.target.value ) }
					{ ...describedBy( id, !! help, !! error ) }
				/>
			</BaseControl>
			<FieldError id={ `${ id }__error` } message={ error } />
		</div>
	);
}
