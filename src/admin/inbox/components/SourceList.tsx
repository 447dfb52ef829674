/**
 * Sources the bot cited, or retrieved and did not cite, as links.
 */
import { __ } from '@wordpress/i18n';

import SafeLink from './SafeLink';

type Source = { title: string; url: string; cited?: boolean };

type Props = { title: string; sources: Source[]; compact?: boolean };

export default function SourceList( {
	title,
	sources,
	compact = false,
}: Props ) {
	if ( compact && ! sources.length ) {
		return null;
	}
	const Heading = compact ? 'p' : 'h4';
	return (
		<section
			className={ compact ? 'handoff-bot-inbox__citations' : undefined }
		>
			<Heading
				className={ compact ? 'handoff-bot-inbox__label' : undefined }
			>
				{ title }
			</Heading>
			{ sources.length ? (
				<ul>
					{ sources.map( ( source, index ) => (
						<li key={ `${ source.url }-${ index }` }>
							<SafeLink url={ source.url }>
								{ source.title }
							</SafeLink>
							{ source.cited === undefined ? null : (
								<span className="handoff-bot-inbox__muted">
									{ ' ' }
									{ source.cited
										? __( '(cited)', 'handoff-bot' )
										: __(
												'(tried, not cited)',
												'handoff-bot'
											) }
								</span>
							) }
						</li>
					) ) }
				</ul>
			) : (
				<p>{ __( 'None.', 'handoff-bot' ) }</p>
			) }
		</section>
	);
}
