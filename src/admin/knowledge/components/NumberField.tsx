/**
 * A whole-number setting: a short number input (not stretched across the card), its allowed
 * range as help, and the server's error under it. Out-of-range values are sent as typed: the
 * server refuses them and says why, nothing is clamped on the way.
 */
import { TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import FieldError, { describedBy } from './FieldError';

type Props = {
	name: string;
	label: string;
	value: string;
	min: number;
	max: number;
	error?: string | undefined;
	onChange: ( value: string ) => void;
};

export default function NumberField( {
	name,
	label,
	value,
	min,
	max,
	error,
	onChange,
}: Props ) {
	const id = `handoff-bot-${ name }`;
	return (
		<div className="handoff-bot-knowledge__number">
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				id={ id }
				type="number"
				inputMode="numeric"
				min={ min }
				max={ max }
				step={ 1 }
				label={ label }
				help={ sprintf(
					/* translators: 1: smallest value, 2: largest value. */
					__( 'From %1$s to %2$s.', 'handoff-bot' ),
					min.toLocaleString(),
					max.toLocaleString()
				) }
				value={ value }
				onChange={ onChange }
				{ ...describedBy( id, true, !! error ) }
			/>
			<FieldError id={ `${ id }__error` } message={ error } />
		</div>
	);
}
