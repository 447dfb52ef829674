/**
 * The conversation, oldest first, kept scrolled to the newest message unless the agent scrolled
 * up to read. New messages are announced to screen readers (a log).
 */
import { useEffect, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { InboxMessage } from '../../../shared/types/inbox';
import MessageItem from './MessageItem';

type Props = { messages: InboxMessage[] };

export default function Transcript( { messages }: Props ) {
	const list = useRef< HTMLDivElement >( null );
	const atBottom = useRef( true );
	const last = messages[ messages.length - 1 ]?.id;

	useEffect( () => {
		const element = list.current;
		if ( element && atBottom.current ) {
			element.scrollTop = element.scrollHeight;
		}
	}, [ last ] );

	return (
		<div
			ref={ list }
			className="handoff-bot-inbox__transcript"
			role="log"
			aria-label={ __( 'Conversation', 'handoff-bot' ) }
			// The log scrolls: keyboard users reach it to read back.
			tabIndex={ 0 }
			onScroll={ ( event ) => {
				const element = event.currentTarget;
				atBottom.current =
					element.scrollHeight -
						element.scrollTop -
						element.clientHeight <
					40;
			} }
		>
			{ /* The log holds the list: a role on the list itself would unmake it a list. */ }
			<ol className="handoff-bot-inbox__messages">
				{ messages.map( ( message ) => (
					<MessageItem key={ message.id } message={ message } />
				) ) }
			</ol>
		</div>
	);
}
