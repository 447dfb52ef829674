/**
 * Places in the report's layout for the parts built on their own routes: alerts (with the
 * investigation each one opens), the sampled conversations per reason code, and the monthly,
 * quarterly and release review checklists. Each renders nothing until its data is passed, so
 * the screen never asks a route that is not there.
 */
import type { DrillFilter } from '../../../shared/types/reports';

export type ReportAlert = {
	id: string;
	kind: string;
	message: string;
	drill?: DrillFilter;
};

type AlertsProps = {
	alerts: ReportAlert[] | null;
	onInvestigate?: ( alert: ReportAlert ) => void;
	onDrill?: ( filter: DrillFilter, category: string ) => void;
};

/**
 * The period's alerts, above the headline figures.
 * @param props Alerts (null: not available).
 */
export function AlertsSlot( props: AlertsProps ) {
	if ( ! props.alerts ) {
		return null;
	}
	return <div className="handoff-bot-report__alerts" data-slot="alerts" />;
}

type SamplesProps = {
	reason: string | null;
	samples: Array< {
		handoff_id: number;
		reviewed: boolean;
		note: string;
	} > | null;
	onOpen?: ( handoffId: number ) => void;
};

/**
 * The sampled conversations of a reason code, under the reason codes signal.
 * @param props Samples (null: not available).
 */
export function SamplesSlot( props: SamplesProps ) {
	if ( ! props.samples ) {
		return null;
	}
	return <div className="handoff-bot-report__samples" data-slot="samples" />;
}

type ReviewsProps = {
	checklists: Array< { id: string; title: string } > | null;
};

/**
 * The review checklists, on a tab of their own.
 * @param props Checklists (null: not available).
 */
export function ReviewsSlot( props: ReviewsProps ) {
	if ( ! props.checklists ) {
		return null;
	}
	return <div className="handoff-bot-report__reviews" data-slot="reviews" />;
}
