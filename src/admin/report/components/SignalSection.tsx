/**
 * One of the ten signals: its title, what it measures, its figures and its charts.
 */
import type { DrillFilter } from '../../../shared/types/reports';
import type { Signal } from '../signals';
import ChartBlock from './ChartBlock';
import FigureList from './FigureList';

type Props = {
	signal: Signal;
	index: number;
	from: string;
	to: string;
	compared: boolean;
	onDrill: ( filter: DrillFilter, category: string ) => void;
	children?: React.ReactNode;
};

export default function SignalSection( {
	signal,
	index,
	from,
	to,
	compared,
	onDrill,
	children,
}: Props ) {
	const heading = `handoff-bot-report-${ signal.id }`;
	return (
		<section
			className="handoff-bot-report__signal"
			aria-labelledby={ heading }
		>
			<h2 id={ heading }>{ `${ index }. ${ signal.title }` }</h2>
			<p className="description">{ signal.description }</p>
			<FigureList
				figures={ signal.figures }
				compared={ compared }
				onDrill={ onDrill }
			/>
			{ signal.blocks.map( ( block ) => (
				<ChartBlock
					key={ block.id }
					id={ block.id }
					title={ block.title }
					chart={ block.chart }
					from={ from }
					to={ to }
					onDrill={ onDrill }
				/>
			) ) }
			{ children }
		</section>
	);
}
