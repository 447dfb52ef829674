/**
 * The brief beside the chat: what the visitor wants first, then why the bot handed off and what it
 * knew (intent, confidence, reason, trigger, turn, language, pages, the visitor, form answers,
 * sources) and how complete that is.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { HandoffDetail } from '../../../shared/types/inbox';
import { percent, reasonLabel, triggerLabel } from '../labels';
import Completeness from './Completeness';
import PageTrail from './PageTrail';
import SafeLink from './SafeLink';
import SourceList from './SourceList';
import VisitorDetails from './VisitorDetails';

type Props = { handoff: HandoffDetail };

function intentText( handoff: HandoffDetail ): string {
	const intent = handoff.context.intent;
	if ( ! intent ) {
		return __( 'None detected', 'handoff-bot' );
	}
	const label = intent.label || intent.name;
	return intent.score === null
		? label
		: sprintf(
				/* translators: 1: intent label, 2: score as a percentage. */
				__( '%1$s (score %2$s)', 'handoff-bot' ),
				label,
				percent( intent.score )
			);
}

export default function Brief( { handoff }: Props ) {
	const { context } = handoff;
	const facts: [ string, JSX.Element | string ][] = [
		[ __( 'Intent', 'handoff-bot' ), intentText( handoff ) ],
		[
			__( 'Bot confidence', 'handoff-bot' ),
			percent( context.confidence ),
		],
		[
			__( 'Reason', 'handoff-bot' ),
			reasonLabel( context.reason || handoff.reason ),
		],
		[
			__( 'Trigger', 'handoff-bot' ),
			triggerLabel( context.trigger || handoff.trigger ),
		],
		[ __( 'Turn', 'handoff-bot' ), String( context.turn ) ],
		[
			__( 'Language', 'handoff-bot' ),
			context.language ||
				handoff.language ||
				__( 'Unknown', 'handoff-bot' ),
		],
		[
			__( 'Current page', 'handoff-bot' ),
			context.current_url ? (
				<SafeLink url={ context.current_url } />
			) : (
				__( 'Unknown', 'handoff-bot' )
			),
		],
	];
	return (
		<aside
			className="handoff-bot-inbox__brief"
			aria-labelledby="handoff-bot-inbox-brief-title"
		>
			<h3 id="handoff-bot-inbox-brief-title">
				{ __( 'Brief', 'handoff-bot' ) }
			</h3>
			{ context.summary.length ? (
				<ul className="handoff-bot-inbox__summary">
					{ context.summary.map( ( line, index ) => (
						<li key={ index }>{ line }</li>
					) ) }
				</ul>
			) : (
				<p>{ __( 'No summary.', 'handoff-bot' ) }</p>
			) }
			<dl className="handoff-bot-inbox__facts">
				{ facts.map( ( [ term, value ] ) => (
					<div key={ term }>
						<dt>{ term }</dt>
						<dd>{ value }</dd>
					</div>
				) ) }
			</dl>
			<PageTrail pages={ context.pages } />
			<VisitorDetails user={ context.user } form={ context.form } />
			<SourceList
				title={ __( 'Sources the bot used', 'handoff-bot' ) }
				sources={ context.sources }
			/>
			<Completeness completeness={ context.completeness } />
		</aside>
	);
}
