/**
 * Headline figures, each with its change from the previous period, and a link to the
 * conversations behind it where the report can list them.
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { DrillFilter } from '../../../shared/types/reports';
import { formatChange, formatValue } from '../format';
import type { Figure } from '../signals';

type Props = {
	figures: Figure[];
	compared: boolean;
	onDrill: ( filter: DrillFilter, category: string ) => void;
};

export default function FigureList( { figures, compared, onDrill }: Props ) {
	if ( ! figures.length ) {
		return null;
	}
	return (
		<dl className="handoff-bot-report__figures">
			{ figures.map( ( item ) => {
				const change = formatChange( item.change, item.kind );
				return (
					<div
						key={ item.id }
						className="handoff-bot-report__figure"
						data-figure={ item.id }
					>
						<dt>{ item.label }</dt>
						<dd>
							<span className="handoff-bot-report__value">
								{ formatValue( item.value, item.kind ) }
							</span>
							{ compared && (
								<span className="handoff-bot-report__change">
									{ change
										? sprintf(
												/* translators: %s: the change, e.g. +4.5 pts. */
												__(
													'%s from the previous period',
													'handoff-bot'
												),
												change
											)
										: __(
												'No previous figure',
												'handoff-bot'
											) }
								</span>
							) }
							{ item.drill && (
								<Button
									variant="link"
									aria-label={ sprintf(
										/* translators: %s: a figure's name. */
										__(
											'View conversations: %s',
											'handoff-bot'
										),
										item.label
									) }
									onClick={ () =>
										item.drill &&
										onDrill( item.drill, item.label )
									}
								>
									{ __(
										'View conversations',
										'handoff-bot'
									) }
								</Button>
							) }
						</dd>
					</div>
				);
			} ) }
		</dl>
	);
}
