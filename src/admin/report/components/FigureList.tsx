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

function known( value: number | null | undefined ): boolean {
	return typeof value === 'number' && Number.isFinite( value );
}

/**
 * What a compared figure says of its change: the change, or why there is none — no previous
 * figure when only this period has one, not enough data when this period has none.
 * @param change   The change as text ('' when it cannot be told).
 * @param value    This period's figure.
 * @param previous The previous period's figure.
 */
export function changeText(
	change: string,
	value: number | null,
	previous: number | null | undefined
): string {
	if ( change ) {
		return sprintf(
			/* translators: %s: the change, e.g. +4.5 pts. */
			__( '%s from the previous period', 'handoff-bot' ),
			change
		);
	}
	if ( known( value ) && ! known( previous ) ) {
		return __( 'No previous figure', 'handoff-bot' );
	}
	return __( 'Not enough data to compare', 'handoff-bot' );
}

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
									{ changeText(
										change,
										item.value,
										item.change?.previous
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
