/**
 * The post types the bot answers from: a group of checkboxes under a legend that looks like
 * every other field's label, and the server's error under it.
 */
import { CheckboxControl, Flex } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { PostType } from '../../../shared/types';
import FieldError from './FieldError';

type Props = {
	available: PostType[];
	value: string[];
	error?: string | undefined;
	onChange: ( value: string[] ) => void;
};

const ID = 'handoff-bot-post-types';

export default function PostTypesField( {
	available,
	value,
	error,
	onChange,
}: Props ) {
	return (
		<fieldset
			className="handoff-bot-knowledge__fieldset"
			aria-describedby={ error ? `${ ID }__error` : undefined }
		>
			<legend className="handoff-bot-knowledge__legend">
				{ __( 'Post types', 'handoff-bot' ) }
			</legend>
			<Flex direction="column" gap={ 2 }>
				{ available.map( ( type ) => (
					<CheckboxControl
						__nextHasNoMarginBottom
						key={ type.name }
						label={ type.label }
						checked={ value.includes( type.name ) }
						onChange={ ( checked ) =>
							onChange(
								checked
									? [ ...value, type.name ]
									: value.filter( ( t ) => t !== type.name )
							)
						}
					/>
				) ) }
			</Flex>
			<FieldError id={ `${ ID }__error` } message={ error } />
		</fieldset>
	);
}
