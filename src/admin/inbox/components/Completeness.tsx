/**
 * How complete the brief is, and what it lacks.
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	CompletenessField,
	ContextPackage,
} from '../../../shared/types/inbox';
import { percent } from '../labels';

type Props = { completeness: ContextPackage[ 'completeness' ] };

function fieldLabel( field: CompletenessField ): string {
	const labels: Record< CompletenessField, string > = {
		transcript: __( 'transcript', 'handoff-bot' ),
		intent: __( 'intent', 'handoff-bot' ),
		confidence: __( 'confidence', 'handoff-bot' ),
		sources: __( 'sources', 'handoff-bot' ),
		user: __( 'visitor details', 'handoff-bot' ),
		pages: __( 'pages visited', 'handoff-bot' ),
		form: __( 'form answers', 'handoff-bot' ),
		reason: __( 'reason', 'handoff-bot' ),
		summary: __( 'summary', 'handoff-bot' ),
		language: __( 'language', 'handoff-bot' ),
	};
	return labels[ field ] ?? field;
}

export default function Completeness( { completeness }: Props ) {
	const missing = (
		Object.entries( completeness.fields ) as [
			CompletenessField,
			boolean,
		][]
	 )
		.filter( ( [ , present ] ) => ! present )
		.map( ( [ field ] ) => fieldLabel( field ) );
	return (
		<section>
			<h4>{ __( 'Completeness', 'handoff-bot' ) }</h4>
			<p>
				{ percent( completeness.score ) }
				{ missing.length
					? ' — ' +
						sprintf(
							/* translators: %s: comma-separated list of missing fields. */
							__( 'missing: %s', 'handoff-bot' ),
							missing.join( ', ' )
						)
					: '' }
			</p>
		</section>
	);
}
