/**
 * A list edited one item per line. The text is kept as typed (a new, still empty line stays) and
 * the list is what its non-blank lines say; a list changed from outside (a reload) replaces it.
 */
import { useEffect, useState } from '@wordpress/element';

import { linesOf } from '../labels';
import TextArea from './TextArea';

type Props = {
	id: string;
	label: string;
	help?: string;
	value: string[];
	error?: string | undefined;
	rows?: number;
	onChange: ( value: string[] ) => void;
};

function same( a: string[], b: string[] ): boolean {
	return a.length === b.length && a.every( ( item, i ) => item === b[ i ] );
}

export default function LinesField( {
	id,
	label,
	help,
	value,
	error,
	rows = 4,
	onChange,
}: Props ) {
	const [ text, setText ] = useState( value.join( '\n' ) );

	useEffect( () => {
		if ( ! same( linesOf( text ), value ) ) {
			setText( value.join( '\n' ) );
		}
		// Only a change from outside resets the text.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ value ] );

	return (
		<TextArea
			id={ id }
			label={ label }
			help={ help }
			rows={ rows }
			value={ text }
			error={ error }
			onChange={ ( next ) => {
				setText( next );
				onChange( linesOf( next ) );
			} }
		/>
	);
}
