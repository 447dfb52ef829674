/**
 * Holidays: each closes its whole day, once (a date) or every year on the same month and day.
 */
import { Button, CheckboxControl, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type {
	AvailabilityErrors,
	Holiday,
} from '../../../shared/types/availability';
import useFocusLater from '../hooks/use-focus-later';
import FieldError, { describedBy } from './FieldError';

/** The most holidays (Availability_Validator::MAX_HOLIDAYS). */
export const MAX_HOLIDAYS = 100;

const ID = 'handoff-bot-hours-holiday';

type Props = {
	holidays: Holiday[];
	errors: AvailabilityErrors;
	onChange: ( holidays: Holiday[], clear: string[] ) => void;
};

export default function Holidays( { holidays, errors, onChange }: Props ) {
	const focusLater = useFocusLater();
	const listError = errors.holidays;

	const set = ( index: number, values: Partial< Holiday >, path: string ) =>
		onChange(
			holidays.map( ( holiday, i ) =>
				i === index ? { ...holiday, ...values } : holiday
			),
			[ path ]
		);

	return (
		<div className="handoff-bot-hours__holidays">
			<p className="handoff-bot-hours__intro">
				{ __(
					'A holiday closes the whole day, in the site’s time zone. A yearly one comes back on the same month and day.',
					'handoff-bot'
				) }
			</p>
			{ ! holidays.length && (
				<p>{ __( 'No holidays yet.', 'handoff-bot' ) }</p>
			) }
			{ holidays.map( ( holiday, i ) => {
				const at = `holidays.${ i }`;
				const id = `${ ID }-${ i }`;
				const rowError = errors[ at ];
				const text = (
					key: 'date' | 'label',
					label: string,
					type: 'date' | 'text'
				) => {
					const error = errors[ `${ at }.${ key }` ];
					const fieldId = `${ id }-${ key }`;
					return (
						<div
							className={ `handoff-bot-hours__holiday-${ key }` }
						>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								id={ fieldId }
								type={ type }
								label={ label }
								value={ holiday[ key ] }
								onChange={ ( value ) =>
									set(
										i,
										{ [ key ]: value },
										`${ at }.${ key }`
									)
								}
								{ ...describedBy( fieldId, false, !! error ) }
							/>
							<FieldError
								id={ `${ fieldId }__error` }
								message={ error }
							/>
						</div>
					);
				};
				const yearlyError = errors[ `${ at }.yearly` ];
				return (
					<div
						key={ i }
						role="group"
						aria-label={ sprintf(
							/* translators: %d: number of the holiday, from 1. */
							__( 'Holiday %d', 'handoff-bot' ),
							i + 1
						) }
						className="handoff-bot-hours__holiday"
						{ ...( rowError
							? { 'aria-describedby': `${ id }__error` }
							: {} ) }
					>
						{ text( 'date', __( 'Date', 'handoff-bot' ), 'date' ) }
						{ text( 'label', __( 'Name', 'handoff-bot' ), 'text' ) }
						<div className="handoff-bot-hours__holiday-yearly">
							<CheckboxControl
								__nextHasNoMarginBottom
								id={ `${ id }-yearly` }
								label={ __( 'Every year', 'handoff-bot' ) }
								checked={ holiday.yearly }
								onChange={ ( yearly ) =>
									set( i, { yearly }, `${ at }.yearly` )
								}
								{ ...describedBy(
									`${ id }-yearly`,
									false,
									!! yearlyError
								) }
							/>
							<FieldError
								id={ `${ id }-yearly__error` }
								message={ yearlyError }
							/>
						</div>
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							isDestructive
							className="handoff-bot-hours__remove-holiday"
							label={ sprintf(
								/* translators: %d: number of the holiday, from 1. */
								__( 'Remove holiday %d', 'handoff-bot' ),
								i + 1
							) }
							showTooltip={ false }
							onClick={ () => {
								onChange(
									holidays.filter( ( _h, j ) => j !== i ),
									[ 'holidays' ]
								);
								focusLater( `${ ID }-add` );
							} }
						>
							{ __( 'Remove', 'handoff-bot' ) }
						</Button>
						<FieldError
							id={ `${ id }__error` }
							message={ rowError }
						/>
					</div>
				);
			} ) }
			<FieldError id={ `${ ID }s__error` } message={ listError } />
			<Button
				__next40pxDefaultSize
				variant="secondary"
				id={ `${ ID }-add` }
				disabled={ holidays.length >= MAX_HOLIDAYS }
				accessibleWhenDisabled
				onClick={ () => {
					onChange(
						[ ...holidays, { date: '', label: '', yearly: false } ],
						[]
					);
					focusLater( `${ ID }-${ holidays.length }-date` );
				} }
			>
				{ __( 'Add a holiday', 'handoff-bot' ) }
			</Button>
		</div>
	);
}
