/**
 * Moves the focus to an element that the next render brings (a row just added), or that stays
 * (the Add button after a removal), so a keyboard user never loses their place.
 */
import { useEffect, useState } from '@wordpress/element';

export default function useFocusLater(): ( id: string ) => void {
	const [ pending, setPending ] = useState< string | null >( null );
	useEffect( () => {
		if ( pending === null ) {
			return;
		}
		document.getElementById( pending )?.focus();
		setPending( null );
	}, [ pending ] );
	return setPending;
}
