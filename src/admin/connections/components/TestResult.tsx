/**
 * How the receiver answered a test message: sent or failed, its HTTP status (or what went wrong)
 * and the start of its answer.
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { Delivery } from '../../../shared/types/connections';
import { answerText } from '../labels';

export type TestState =
	| { busy: true }
	| { busy: false; delivery: Delivery }
	| { busy: false; error: string };

type Props = { state: TestState; onDismiss: () => void };

export default function TestResult( { state, onDismiss }: Props ) {
	if ( state.busy ) {
		return (
			<p className="handoff-bot-connections__test" role="status">
				{ __( 'Sending a test…', 'handoff-bot' ) }
			</p>
		);
	}
	if ( 'error' in state ) {
		return (
			<Notice status="error" onRemove={ onDismiss }>
				{ state.error }
			</Notice>
		);
	}
	const { delivery } = state;
	const sent = delivery.status === 'sent';
	return (
		<Notice status={ sent ? 'success' : 'error' } onRemove={ onDismiss }>
			<p>
				{ sent
					? sprintf(
							/* translators: %s: how the receiver answered, such as "HTTP 200". */
							__( 'The test was sent: %s.', 'handoff-bot' ),
							answerText( delivery )
						)
					: sprintf(
							/* translators: %s: how the receiver answered, such as "HTTP 500", or what went wrong. */
							__( 'The test failed: %s.', 'handoff-bot' ),
							answerText( delivery )
						) }
				{ ! sent &&
					delivery.response_code !== null &&
					delivery.error && <> { delivery.error }</> }
			</p>
			{ delivery.response_excerpt && (
				<p>
					{ __( 'The receiver answered:', 'handoff-bot' ) }{ ' ' }
					<code className="handoff-bot-connections__excerpt">
						{ delivery.response_excerpt }
					</code>
				</p>
			) }
		</Notice>
	);
}
