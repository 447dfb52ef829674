/**
 * The pages the visitor saw before asking, oldest first.
 */
import { __ } from '@wordpress/i18n';

import type { ContextPackage } from '../../../shared/types/inbox';
import { formatTime } from '../labels';
import SafeLink from './SafeLink';

type Props = { pages: ContextPackage[ 'pages' ] };

export default function PageTrail( { pages }: Props ) {
	return (
		<section>
			<h4>{ __( 'Pages visited', 'handoff-bot' ) }</h4>
			{ pages.length ? (
				<ol className="handoff-bot-inbox__pages">
					{ pages.map( ( page, index ) => (
						<li key={ `${ page.url }-${ index }` }>
							<SafeLink url={ page.url }>{ page.title }</SafeLink>{ ' ' }
							<time dateTime={ page.at }>
								{ formatTime( page.at ) }
							</time>
						</li>
					) ) }
				</ol>
			) : (
				<p>{ __( 'None recorded.', 'handoff-bot' ) }</p>
			) }
		</section>
	);
}
