/**
 * What is known of the visitor (when signed in) and what they entered in a form.
 */
import { __ } from '@wordpress/i18n';

import type { ContextPackage } from '../../../shared/types/inbox';

type Props = {
	user: ContextPackage[ 'user' ];
	form: ContextPackage[ 'form' ];
};

function Pairs( { pairs }: { pairs: [ string, string ][] } ) {
	return (
		<dl className="handoff-bot-inbox__facts">
			{ pairs.map( ( [ term, value ] ) => (
				<div key={ term }>
					<dt>{ term }</dt>
					<dd>{ value }</dd>
				</div>
			) ) }
		</dl>
	);
}

export default function VisitorDetails( { user, form }: Props ) {
	const answers = Object.entries( form );
	return (
		<>
			<section>
				<h4>{ __( 'Visitor', 'handoff-bot' ) }</h4>
				{ user ? (
					<Pairs
						pairs={ [
							[ __( 'Name', 'handoff-bot' ), user.name ],
							[ __( 'Email', 'handoff-bot' ), user.email ],
							[ __( 'Role', 'handoff-bot' ), user.role ],
							...Object.entries( user.metadata ),
						] }
					/>
				) : (
					<p>{ __( 'Not signed in.', 'handoff-bot' ) }</p>
				) }
			</section>
			<section>
				<h4>{ __( 'Form answers', 'handoff-bot' ) }</h4>
				{ answers.length ? (
					<Pairs pairs={ answers } />
				) : (
					<p>{ __( 'None.', 'handoff-bot' ) }</p>
				) }
			</section>
		</>
	);
}
