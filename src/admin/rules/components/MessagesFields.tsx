/**
 * The messages visitors see when a person is offered or brought in.
 */
import { TextareaControl } from '@wordpress/components';

import type { Messages, PolicyErrors } from '../../../shared/types/rules';
import { errorAt } from '../errors';
import { messageInfo } from '../labels';
import FieldError, { describedBy } from './FieldError';

type Props = {
	messages: Messages;
	errors: PolicyErrors;
	onChange: ( messages: Messages ) => void;
};

export default function MessagesFields( {
	messages,
	errors,
	onChange,
}: Props ) {
	return (
		<div className="handoff-bot-rules__grid handoff-bot-rules__grid--wide">
			{ messageInfo().map( ( info ) => {
				const id = `handoff-bot-rules-message-${ info.name }`;
				const error = errorAt( errors, `messages.${ info.name }` );
				return (
					<div key={ info.name } className="handoff-bot-rules__field">
						<TextareaControl
							__nextHasNoMarginBottom
							id={ id }
							label={ info.label }
							help={ info.help }
							rows={ 3 }
							value={ messages[ info.name ] ?? '' }
							onChange={ ( value ) =>
								onChange( {
									...messages,
									[ info.name ]: value,
								} )
							}
							{ ...describedBy( id, true, !! error ) }
						/>
						<FieldError id={ `${ id }__error` } message={ error } />
					</div>
				);
			} ) }
		</div>
	);
}
