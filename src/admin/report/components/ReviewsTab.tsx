/**
 * The Reviews tab: the monthly and the quarterly checklist (the current ones, or past ones from
 * the pickers), the samples of the report's period, and the release checkpoints.
 */
import { SelectControl } from '@wordpress/components';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { ReportQuery } from '../../../shared/types/reports';
import { localDay, monthOptions, quarterOptions } from '../review';
import Checklist from './Checklist';
import Checkpoints from './Checkpoints';
import Samples from './Samples';

type Props = {
	query: ReportQuery;
	today?: string;
	onTarget: ( target: string, review: string ) => void;
	onOpen: ( handoffId: number ) => void;
};

export default function ReviewsTab( {
	query,
	today,
	onTarget,
	onOpen,
}: Props ) {
	const day = today ?? localDay();
	const months = useMemo( () => monthOptions( day ), [ day ] );
	const quarters = useMemo( () => quarterOptions( day ), [ day ] );
	const [ month, setMonth ] = useState( months[ 0 ]?.value ?? '' );
	const [ quarter, setQuarter ] = useState( quarters[ 0 ]?.value ?? '' );
	const quarterLabel =
		quarters.find( ( q ) => q.value === quarter )?.label ?? quarter;

	return (
		<div className="handoff-bot-report__reviews">
			<h2>{ __( 'Review checklists', 'handoff-bot' ) }</h2>
			<div className="handoff-bot-report__review-pickers">
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Monthly review', 'handoff-bot' ) }
					value={ month }
					options={ months }
					onChange={ setMonth }
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Quarterly review', 'handoff-bot' ) }
					value={ quarter }
					options={ quarters }
					onChange={ setQuarter }
				/>
			</div>
			<div className="handoff-bot-report__checklists">
				<Checklist
					review={ month }
					title={ sprintf(
						/* translators: %s: the month, e.g. 2026-11. */
						__( 'Monthly review %s', 'handoff-bot' ),
						month
					) }
					onTarget={ onTarget }
				/>
				<Checklist
					review={ quarter }
					title={ sprintf(
						/* translators: %s: the quarter, e.g. Q4 2026. */
						__( 'Quarterly review %s', 'handoff-bot' ),
						quarterLabel
					) }
					onTarget={ onTarget }
				/>
			</div>
			<Samples query={ query } onOpen={ onOpen } />
			<Checkpoints />
		</div>
	);
}
