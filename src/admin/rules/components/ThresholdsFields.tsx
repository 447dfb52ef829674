/**
 * The thresholds, each with its range and what it means.
 */
import type { PolicyErrors, Thresholds } from '../../../shared/types/rules';
import { errorAt } from '../errors';
import { thresholdInfo } from '../labels';
import NumberField from './NumberField';

type Props = {
	thresholds: Thresholds;
	errors: PolicyErrors;
	onChange: ( thresholds: Thresholds ) => void;
};

export default function ThresholdsFields( {
	thresholds,
	errors,
	onChange,
}: Props ) {
	return (
		<div className="handoff-bot-rules__grid">
			{ thresholdInfo().map( ( info ) => (
				<NumberField
					key={ info.name }
					id={ `handoff-bot-rules-threshold-${ info.name }` }
					label={ info.label }
					help={ info.help }
					min={ info.min }
					max={ info.max }
					step={ info.step }
					value={ thresholds[ info.name ] }
					error={ errorAt( errors, `thresholds.${ info.name }` ) }
					onChange={ ( value ) =>
						onChange( { ...thresholds, [ info.name ]: value } )
					}
				/>
			) ) }
		</div>
	);
}
