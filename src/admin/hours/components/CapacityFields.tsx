/**
 * The queue's capacity, when a live handoff counts as failed, and whether visitors may ask for a
 * callback after hours.
 */
import { CheckboxControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type {
	Availability,
	AvailabilityErrors,
	Capacity,
} from '../../../shared/types/availability';
import FieldError, { describedBy } from './FieldError';
import NumberField from './NumberField';

type Values = Pick<
	Availability,
	'capacity' | 'escalation_failed_minutes' | 'abandon_minutes' | 'callback'
>;

type Props = {
	values: Values;
	errors: AvailabilityErrors;
	onChange: ( values: Partial< Values >, clear: string[] ) => void;
};

const ID = 'handoff-bot-hours';

export default function CapacityFields( { values, errors, onChange }: Props ) {
	const capacity = (
		key: keyof Capacity,
		label: string,
		help: string,
		min: number,
		max: number
	) => (
		<NumberField
			id={ `${ ID }-${ key }` }
			label={ label }
			help={ help }
			min={ min }
			max={ max }
			value={ values.capacity[ key ] }
			error={ errors[ `capacity.${ key }` ] }
			onChange={ ( value ) =>
				onChange(
					{ capacity: { ...values.capacity, [ key ]: value } },
					[ `capacity.${ key }` ]
				)
			}
		/>
	);
	const callbackId = `${ ID }-callback`;
	return (
		<div className="handoff-bot-hours__grid">
			{ capacity(
				'max_waiting',
				__( 'Most visitors waiting', 'handoff-bot' ),
				__(
					'With this many waiting, a new handoff becomes a ticket instead of joining the live queue.',
					'handoff-bot'
				),
				1,
				1000
			) }
			{ capacity(
				'max_wait_minutes',
				__( 'Longest expected wait (minutes)', 'handoff-bot' ),
				__(
					'When the expected wait is longer, a new handoff becomes a ticket.',
					'handoff-bot'
				),
				1,
				480
			) }
			{ capacity(
				'max_chats_per_agent',
				__( 'Chats per agent at once', 'handoff-bot' ),
				__(
					'How many live chats one agent takes at the same time.',
					'handoff-bot'
				),
				1,
				20
			) }
			<NumberField
				id={ `${ ID }-escalation-failed` }
				label={ __(
					'Escalation failed after (minutes)',
					'handoff-bot'
				) }
				help={ __(
					'A live handoff no agent accepted within this time counts as a failed escalation in the report.',
					'handoff-bot'
				) }
				min={ 1 }
				max={ 60 }
				value={ values.escalation_failed_minutes }
				error={ errors.escalation_failed_minutes }
				onChange={ ( value ) =>
					onChange( { escalation_failed_minutes: value }, [
						'escalation_failed_minutes',
					] )
				}
			/>
			<NumberField
				id={ `${ ID }-abandon` }
				label={ __( 'Visitor gone after (minutes)', 'handoff-bot' ) }
				help={ __(
					'A waiting visitor whose chat has been closed this long leaves the queue; a signed-in visitor’s request becomes a ticket, and they are emailed.',
					'handoff-bot'
				) }
				min={ 3 }
				max={ 60 }
				value={ values.abandon_minutes }
				error={ errors.abandon_minutes }
				onChange={ ( value ) =>
					onChange( { abandon_minutes: value }, [
						'abandon_minutes',
					] )
				}
			/>
			<div className="handoff-bot-hours__callback">
				<CheckboxControl
					__nextHasNoMarginBottom
					id={ callbackId }
					label={ __(
						'Offer a callback after hours',
						'handoff-bot'
					) }
					help={ __(
						'Outside the hours, visitors may ask to be called back as well as leave a message.',
						'handoff-bot'
					) }
					checked={ values.callback }
					onChange={ ( callback ) =>
						onChange( { callback }, [ 'callback' ] )
					}
					{ ...describedBy( callbackId, true, !! errors.callback ) }
				/>
				<FieldError
					id={ `${ callbackId }__error` }
					message={ errors.callback }
				/>
			</div>
		</div>
	);
}
