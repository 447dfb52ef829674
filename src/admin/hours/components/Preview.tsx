/**
 * The next seven days in the site's time zone, as the hours and holidays on screen (saved or not)
 * make them, for the site or for a team with its own hours.
 */
import { SelectControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { DayPreview, Team } from '../../../shared/types/availability';
import { dayName, formatDay } from '../labels';

type Props = {
	days: DayPreview[];
	timezone: string;
	dirty: boolean;
	/** The teams with their own hours, which can be previewed. */
	teams: Team[];
	/** The team previewed ('' for the site). */
	team: string;
	onTeam: ( team: string ) => void;
};

function hoursText( day: DayPreview ): string {
	if ( day.holiday !== null ) {
		return day.holiday
			? sprintf(
					/* translators: %s: the holiday's name. */
					__( 'Closed: %s (holiday)', 'handoff-bot' ),
					day.holiday
				)
			: __( 'Closed: holiday', 'handoff-bot' );
	}
	if ( ! day.hours.length ) {
		return __( 'Closed', 'handoff-bot' );
	}
	return day.hours
		.map( ( interval ) =>
			sprintf(
				/* translators: 1: opening time, 2: closing time. */
				__( '%1$s–%2$s', 'handoff-bot' ),
				interval.open,
				interval.close
			)
		)
		.join( ', ' );
}

export default function Preview( {
	days,
	timezone,
	dirty,
	teams,
	team,
	onTeam,
}: Props ) {
	return (
		<div className="handoff-bot-hours__preview">
			{ teams.length > 0 && (
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					className="handoff-bot-hours__preview-team"
					label={ __( 'Whose hours', 'handoff-bot' ) }
					value={ team }
					options={ [
						{
							value: '',
							label: __( 'The site’s hours', 'handoff-bot' ),
						},
						...teams.map( ( t ) => ( {
							value: t.name,
							label: t.label || t.name,
						} ) ),
					] }
					onChange={ onTeam }
				/>
			) }
			<table className="widefat striped handoff-bot-hours__table">
				<caption>
					{ sprintf(
						/* translators: %s: the site's time zone, such as Europe/Berlin. */
						__(
							'The next seven days, in the site’s time zone (%s)',
							'handoff-bot'
						),
						timezone
					) }
					{ dirty && ' ' }
					{ dirty && (
						<span className="handoff-bot-hours__unsaved">
							{ __( 'With your unsaved edits', 'handoff-bot' ) }
						</span>
					) }
				</caption>
				<thead>
					<tr>
						<th scope="col">{ __( 'Day', 'handoff-bot' ) }</th>
						<th scope="col">{ __( 'Date', 'handoff-bot' ) }</th>
						<th scope="col">{ __( 'Open', 'handoff-bot' ) }</th>
					</tr>
				</thead>
				<tbody>
					{ days.map( ( day, i ) => (
						<tr key={ day.date }>
							<th scope="row">
								{ dayName( day.day ) }
								{ i === 0 && ' ' }
								{ i === 0 && (
									<span className="handoff-bot-hours__today">
										{ __( 'Today', 'handoff-bot' ) }
									</span>
								) }
							</th>
							<td>{ formatDay( day.date ) }</td>
							<td>{ hoursText( day ) }</td>
						</tr>
					) ) }
				</tbody>
			</table>
		</div>
	);
}
