/**
 * A dialog's request: busy while it runs, its error kept to show.
 */
import { useState } from '@wordpress/element';

import { errorMessage } from '../../../shared/api';

export function useSubmit< T >(
	request: () => Promise< T >,
	onDone: ( result: T ) => void
) {
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState( '' );
	const submit = async () => {
		setBusy( true );
		setError( '' );
		try {
			const result = await request();
			setBusy( false );
			onDone( result );
		} catch ( caught ) {
			setBusy( false );
			setError( errorMessage( caught ) );
		}
	};
	return { busy, error, submit };
}
