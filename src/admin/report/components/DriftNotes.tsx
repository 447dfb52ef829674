/**
 * The configuration changes saved in the period, oldest first, with their notes and expected
 * impact: where the figures may have moved because of a change.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { ConfigChange } from '../../../shared/types/reports';
import { areaLabel, versionLabel } from '../labels';

type Props = { changes: ConfigChange[] };

export default function DriftNotes( { changes }: Props ) {
	if ( ! changes.length ) {
		return (
			<p className="handoff-bot-report__empty">
				{ __(
					'No configuration change was saved in this period.',
					'handoff-bot'
				) }
			</p>
		);
	}
	return (
		<ol className="handoff-bot-report__changes">
			{ changes.map( ( change ) => (
				<li
					key={ `${ change.area }-${ change.version }-${ change.created_at }` }
				>
					<strong>
						{ sprintf(
							/* translators: 1: configuration version, 2: what changed (rules, connections…), 3: date and time (UTC). */
							__( '%1$s — %2$s, %3$s UTC', 'handoff-bot' ),
							versionLabel( change.config_version ),
							areaLabel( change.area ),
							change.created_at
						) }
					</strong>
					<p>
						{ change.note ||
							__( 'No change note.', 'handoff-bot' ) }
					</p>
					{ change.expected_impact && (
						<p>
							{ sprintf(
								/* translators: %s: the expected impact the change note gave. */
								__( 'Expected impact: %s', 'handoff-bot' ),
								change.expected_impact
							) }
						</p>
					) }
				</li>
			) ) }
		</ol>
	);
}
