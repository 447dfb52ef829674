/**
 * A menu of saved replies; choosing one puts its text in the reply box.
 */
import { SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { SavedReply } from '../../../shared/types/inbox';

type Props = {
	replies: SavedReply[];
	onInsert: ( body: string ) => void;
};

export default function SavedReplies( { replies, onInsert }: Props ) {
	if ( ! replies.length ) {
		return null;
	}
	return (
		<SelectControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			label={ __( 'Saved reply', 'handoff-bot' ) }
			value=""
			options={ [
				{
					value: '',
					label: __( 'Insert a saved reply…', 'handoff-bot' ),
				},
				...replies.map( ( reply, index ) => ( {
					value: String( index ),
					label: reply.title,
				} ) ),
			] }
			onChange={ ( value ) => {
				const reply =
					value === '' ? undefined : replies[ Number( value ) ];
				if ( reply ) {
					onInsert( reply.body );
				}
			} }
		/>
	);
}
