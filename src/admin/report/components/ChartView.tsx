/**
 * One chart, drawn by Chart.js through react-chartjs-2. Only the parts the report uses are
 * registered (bars, lines, their scales, tooltips and legend), so the rest of Chart.js is left
 * out of the bundle. A click on a bar or point opens the conversations behind its category; the
 * same is reachable from the chart's table by keyboard.
 */
import {
	BarElement,
	CategoryScale,
	Chart as ChartJS,
	Legend,
	LinearScale,
	LineElement,
	PointElement,
	Tooltip,
	type ChartData,
	type ChartOptions,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import { useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { DrillFilter } from '../../../shared/types/reports';
import { drawn, plotted, type ChartSpec } from '../table';

ChartJS.register(
	BarElement,
	CategoryScale,
	LinearScale,
	LineElement,
	PointElement,
	Tooltip,
	Legend
);

/** WordPress admin colours, distinct enough side by side. */
const PALETTE = [
	'#3858e9',
	'#d63638',
	'#00a32a',
	'#dba617',
	'#8c5ac8',
	'#1d2327',
];
const TONES = { expected: '#00a32a', warning: '#dba617' };

type Props = {
	chart: ChartSpec;
	title: string;
	/** The id of the table holding the chart's figures. */
	tableId: string;
	onDrill?: ( filter: DrillFilter, category: string ) => void;
};

function data( chart: ChartSpec ) {
	return {
		labels: chart.labels,
		datasets: drawn( chart ).map( ( series, index ) => {
			const colour = PALETTE[ index % PALETTE.length ] as string;
			const tones =
				chart.tones && drawn( chart ).length === 1
					? chart.tones.map( ( tone ) =>
							tone ? TONES[ tone ] : colour
						)
					: colour;
			return {
				label:
					series.kind === 'share'
						? `${ series.label } (%)`
						: series.label,
				data: plotted( series ),
				backgroundColor: tones,
				borderColor: colour,
				maxBarThickness: 56,
				spanGaps: false,
			};
		} ),
	};
}

export default function ChartView( { chart, title, tableId, onDrill }: Props ) {
	const ref = useRef< ChartJS< 'bar' | 'line' > >( null );
	const options: ChartOptions< 'bar' | 'line' > = {
		responsive: true,
		maintainAspectRatio: false,
		animation: false,
		scales: {
			x: { stacked: !! chart.stacked },
			y: { stacked: !! chart.stacked, beginAtZero: true },
		},
		plugins: { legend: { display: drawn( chart ).length > 1 } },
		onClick: ( event, elements ) => {
			const index = elements[ 0 ]?.index;
			const filter = index === undefined ? null : chart.drill?.[ index ];
			if ( filter && onDrill && index !== undefined ) {
				onDrill( filter, chart.labels[ index ] ?? '' );
			}
		},
		onHover: ( event, elements ) => {
			const target = event.native?.target as HTMLElement | undefined;
			if ( target ) {
				target.style.cursor =
					elements.length && chart.drill ? 'pointer' : 'default';
			}
		},
	};
	const label = sprintf(
		/* translators: %s: the chart's title. */
		__( 'Chart: %s', 'handoff-bot' ),
		title
	);
	const shown = data( chart );
	return (
		<div className="handoff-bot-report__chart">
			{ chart.type === 'line' ? (
				<Line
					ref={ ref as never }
					data={ shown as ChartData< 'line' > }
					options={ options as ChartOptions< 'line' > }
					role="img"
					aria-label={ label }
					aria-describedby={ tableId }
				/>
			) : (
				<Bar
					ref={ ref as never }
					data={ shown as ChartData< 'bar' > }
					options={ options as ChartOptions< 'bar' > }
					role="img"
					aria-label={ label }
					aria-describedby={ tableId }
				/>
			) }
		</div>
	);
}
