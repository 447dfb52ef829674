/**
 * The messages visitors see when a person is offered or brought in.
 */
import type { Messages, PolicyErrors } from '../../../shared/types/rules';
import { errorAt } from '../errors';
import { messageInfo } from '../labels';
import TextArea from './TextArea';

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
				return (
					<TextArea
						key={ info.name }
						id={ `handoff-bot-rules-message-${ info.name }` }
						label={ info.label }
						help={ info.help }
						rows={ 3 }
						value={ messages[ info.name ] ?? '' }
						error={ errorAt( errors, `messages.${ info.name }` ) }
						onChange={ ( value ) =>
							onChange( { ...messages, [ info.name ]: value } )
						}
					/>
				);
			} ) }
		</div>
	);
}
