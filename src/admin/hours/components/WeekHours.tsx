/**
 * Opening hours for each weekday: up to six intervals a day, each an opening and a closing time
 * (24-hour `HH:MM`; `24:00` closes at midnight), or none for a closed day. Each time field shows
 * the server's message about it (inverted or overlapping hours, a time it cannot read).
 */
import { Button, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type {
	AvailabilityErrors,
	DayKey,
	Interval,
	Week,
} from '../../../shared/types/availability';
import useFocusLater from '../hooks/use-focus-later';
import { DAYS, dayName } from '../labels';
import FieldError, { describedBy } from './FieldError';

/** The most intervals a day (Availability_Validator::MAX_INTERVALS). */
export const MAX_INTERVALS = 6;

type Props = {
	/** The start of the ids of the fields, unique on the screen. */
	idBase: string;
	/** The field path of the week: "hours", or "teams.N.hours". */
	path: string;
	week: Week;
	errors: AvailabilityErrors;
	/** A team's label, for a team's own hours (it names the fields' groups). */
	team?: string | undefined;
	/**
	 * The new week, and the paths whose errors no longer apply.
	 */
	onChange: ( week: Week, clear: string[] ) => void;
};

export default function WeekHours( {
	idBase,
	path,
	week,
	errors,
	team,
	onChange,
}: Props ) {
	const focusLater = useFocusLater();

	const setDay = ( day: DayKey, intervals: Interval[], clear: string[] ) =>
		onChange( { ...week, [ day ]: intervals }, clear );

	const dayLabel = ( day: DayKey ) =>
		team
			? sprintf(
					/* translators: 1: weekday, 2: team label. */
					__( '%1$s (%2$s)', 'handoff-bot' ),
					dayName( day ),
					team
				)
			: dayName( day );

	return (
		<div className="handoff-bot-hours__week">
			{ DAYS.map( ( day ) => {
				const intervals = week[ day ] ?? [];
				const dayPath = `${ path }.${ day }`;
				const dayId = `${ idBase }-${ day }`;
				const dayError = errors[ dayPath ];
				return (
					<fieldset
						key={ day }
						className="handoff-bot-hours__day"
						{ ...( dayError
							? { 'aria-describedby': `${ dayId }__error` }
							: {} ) }
					>
						<legend className="handoff-bot-hours__day-name">
							{ dayLabel( day ) }
						</legend>
						<div className="handoff-bot-hours__intervals">
							{ ! intervals.length && (
								<p className="handoff-bot-hours__closed">
									{ __( 'Closed', 'handoff-bot' ) }
								</p>
							) }
							{ intervals.map( ( interval, i ) => {
								const at = `${ dayPath }.${ i }`;
								const id = `${ dayId }-${ i }`;
								const set = (
									key: keyof Interval,
									value: string
								) =>
									setDay(
										day,
										intervals.map( ( other, j ) =>
											j === i
												? { ...other, [ key ]: value }
												: other
										),
										[ at ]
									);
								const time = (
									key: keyof Interval,
									label: string
								) => {
									const error = errors[ `${ at }.${ key }` ];
									const fieldId = `${ id }-${ key }`;
									return (
										<div className="handoff-bot-hours__time">
											<TextControl
												__next40pxDefaultSize
												__nextHasNoMarginBottom
												id={ fieldId }
												label={ label }
												value={ interval[ key ] }
												autoComplete="off"
												spellCheck={ false }
												maxLength={ 5 }
												onChange={ ( value ) =>
													set( key, value.trim() )
												}
												{ ...describedBy(
													fieldId,
													false,
													!! error
												) }
											/>
											<FieldError
												id={ `${ fieldId }__error` }
												message={ error }
											/>
										</div>
									);
								};
								return (
									<div
										key={ i }
										role="group"
										aria-label={ sprintf(
											/* translators: 1: weekday, 2: number of the interval, from 1. */
											__(
												'%1$s, interval %2$d',
												'handoff-bot'
											),
											dayLabel( day ),
											i + 1
										) }
										className="handoff-bot-hours__interval"
									>
										{ time(
											'open',
											__( 'Opens', 'handoff-bot' )
										) }
										{ time(
											'close',
											__( 'Closes', 'handoff-bot' )
										) }
										<Button
											__next40pxDefaultSize
											variant="tertiary"
											isDestructive
											className="handoff-bot-hours__remove-interval"
											label={ sprintf(
												/* translators: 1: weekday, 2: number of the interval, from 1. */
												__(
													'Remove %1$s, interval %2$d',
													'handoff-bot'
												),
												dayLabel( day ),
												i + 1
											) }
											showTooltip={ false }
											onClick={ () => {
												setDay(
													day,
													intervals.filter(
														( _x, j ) => j !== i
													),
													[ dayPath ]
												);
												focusLater( `${ dayId }-add` );
											} }
										>
											{ __( 'Remove', 'handoff-bot' ) }
										</Button>
									</div>
								);
							} ) }
							<FieldError
								id={ `${ dayId }__error` }
								message={ dayError }
							/>
						</div>
						<Button
							__next40pxDefaultSize
							variant="secondary"
							id={ `${ dayId }-add` }
							className="handoff-bot-hours__add-interval"
							label={ sprintf(
								/* translators: %s: weekday. */
								__( 'Add hours to %s', 'handoff-bot' ),
								dayLabel( day )
							) }
							showTooltip={ false }
							disabled={ intervals.length >= MAX_INTERVALS }
							accessibleWhenDisabled
							onClick={ () => {
								const last = intervals[ intervals.length - 1 ];
								const next: Interval = last
									? { open: last.close, close: '' }
									: { open: '09:00', close: '17:00' };
								setDay( day, [ ...intervals, next ], [] );
								focusLater(
									`${ dayId }-${ intervals.length }-open`
								);
							} }
						>
							{ __( 'Add hours', 'handoff-bot' ) }
						</Button>
					</fieldset>
				);
			} ) }
		</div>
	);
}
