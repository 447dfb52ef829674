/**
 * A number with its range and meaning as help, and the server's error under it. The text is kept
 * as typed; an empty field is NaN, which the save refuses before sending. Out-of-range values are
 * sent as typed, for the server to refuse and say why. `screen` is the screen's class prefix.
 */
import { TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import FieldError, { describedBy } from './FieldError';

type Props = {
	/** The screen's class prefix, e.g. "handoff-bot-rules". */
	screen: string;
	id: string;
	label: string;
	help: string;
	value: number;
	min: number;
	max: number;
	step?: number;
	error?: string | undefined;
	onChange: ( value: number ) => void;
};

function parse( text: string ): number {
	return text.trim() === '' ? NaN : Number( text );
}

export default function NumberField( {
	screen,
	id,
	label,
	help,
	value,
	min,
	max,
	step = 1,
	error,
	onChange,
}: Props ) {
	const [ text, setText ] = useState(
		Number.isFinite( value ) ? String( value ) : ''
	);

	useEffect( () => {
		if ( ! Object.is( parse( text ), value ) ) {
			setText( Number.isFinite( value ) ? String( value ) : '' );
		}
		// Only a change from outside resets the text.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ value ] );

	return (
		<div className={ `${ screen }__number` }>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				id={ id }
				type="number"
				min={ min }
				max={ max }
				step={ step }
				label={ label }
				help={ `${ help } ${ sprintf(
					/* translators: 1: smallest value, 2: largest value. */
					__( 'From %1$s to %2$s.', 'handoff-bot' ),
					min.toLocaleString(),
					max.toLocaleString()
				) }` }
				value={ text }
				onChange={ ( next ) => {
					setText( next );
					onChange( parse( next ) );
				} }
				{ ...describedBy( id, true, !! error ) }
			/>
			<FieldError
				id={ `${ id }__error` }
				message={ error }
				className={ `${ screen }__field-error` }
			/>
		</div>
	);
}
