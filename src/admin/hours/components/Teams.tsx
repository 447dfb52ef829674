/**
 * Teams: a label, the name the rules' intents use for it, its agents (users who may answer
 * handoffs), the intents the rules send to it (set on the Rules screen, shown here), and
 * optionally its own hours. A team needs at least one agent.
 */
import {
	Button,
	CheckboxControl,
	Notice,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type {
	Agent,
	AvailabilityErrors,
	Team,
	Week,
} from '../../../shared/types/availability';
import useFocusLater from '../hooks/use-focus-later';
import FieldError, { describedBy } from './FieldError';
import WeekHours from './WeekHours';

/** The most teams (Availability_Validator::MAX_TEAMS). */
export const MAX_TEAMS = 50;

const ID = 'handoff-bot-hours-team';

type Props = {
	teams: Team[];
	agents: Agent[];
	/** The intents' labels the rules send to each team, by team name. */
	intents: Record< string, string[] >;
	/** The site's hours (what a team's own hours start from). */
	siteHours: Week;
	errors: AvailabilityErrors;
	onChange: ( teams: Team[], clear: string[] ) => void;
};

/**
 * A team name from its label: lowercase letters, digits and underscores, at most 40.
 * @param label The team's label.
 */
export function nameFromLabel( label: string ): string {
	return label
		.normalize( 'NFKD' )
		.replace( /[\u0300-\u036f]/g, '' )
		.toLowerCase()
		.replace( /[^a-z0-9]+/g, '_' )
		.replace( /^_+|_+$/g, '' )
		.slice( 0, 40 );
}

export default function Teams( {
	teams,
	agents,
	intents,
	siteHours,
	errors,
	onChange,
}: Props ) {
	const focusLater = useFocusLater();

	const set = ( index: number, values: Partial< Team >, clear: string[] ) =>
		onChange(
			teams.map( ( team, i ) =>
				i === index ? { ...team, ...values } : team
			),
			clear
		);

	return (
		<div className="handoff-bot-hours__teams">
			<p className="handoff-bot-hours__intro">
				{ __(
					'Without teams, any agent takes any handoff. A team’s handoffs go to its agents; which intents go to a team is chosen on the Rules screen.',
					'handoff-bot'
				) }
			</p>
			{ ! agents.length && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'No user can answer handoffs yet. Give people the Support Agent role (Users screen) to add them to a team.',
						'handoff-bot'
					) }
				</Notice>
			) }
			<FieldError id={ `${ ID }s__error` } message={ errors.teams } />
			{ teams.map( ( team, i ) => {
				const at = `teams.${ i }`;
				const id = `${ ID }-${ i }`;
				const heading =
					team.label.trim() || __( 'New team', 'handoff-bot' );
				const sent = intents[ team.name ] ?? [];
				const known = new Set( agents.map( ( agent ) => agent.id ) );
				const choices: Agent[] = [
					...agents,
					...team.agents
						.filter( ( agentId ) => ! known.has( agentId ) )
						.map( ( agentId ) => ( {
							id: agentId,
							name: sprintf(
								/* translators: %d: user ID. */
								__(
									'User %d (cannot answer handoffs)',
									'handoff-bot'
								),
								agentId
							),
						} ) ),
				];
				const agentsError = errors[ `${ at }.agents` ];
				const text = (
					key: 'label' | 'name',
					label: string,
					help: string
				) => {
					const error = errors[ `${ at }.${ key }` ];
					const fieldId = `${ id }-${ key }`;
					return (
						<div className="handoff-bot-hours__team-field">
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								id={ fieldId }
								label={ label }
								help={ help }
								value={ team[ key ] }
								autoComplete="off"
								onChange={ ( value ) => {
									const values: Partial< Team > = {
										[ key ]: value,
									};
									// A new name follows the label until it is typed.
									if (
										key === 'label' &&
										team.name ===
											nameFromLabel( team.label )
									) {
										values.name = nameFromLabel( value );
									}
									set( i, values, [
										`${ at }.${ key }`,
										...( values.name !== undefined
											? [ `${ at }.name` ]
											: [] ),
									] );
								} }
								{ ...describedBy( fieldId, true, !! error ) }
							/>
							<FieldError
								id={ `${ fieldId }__error` }
								message={ error }
							/>
						</div>
					);
				};
				return (
					<section
						key={ i }
						className="handoff-bot-hours__team"
						aria-labelledby={ `${ id }-heading` }
					>
						<h3 id={ `${ id }-heading` }>{ heading }</h3>
						<FieldError
							id={ `${ id }__error` }
							message={ errors[ at ] }
						/>
						<div className="handoff-bot-hours__team-names">
							{ text(
								'label',
								__( 'Label', 'handoff-bot' ),
								__(
									'What agents and reports call the team.',
									'handoff-bot'
								)
							) }
							{ text(
								'name',
								__( 'Name used by the rules', 'handoff-bot' ),
								__(
									'Lowercase letters, digits and underscores (at most 40). Renaming a team the rules use stops its intents from reaching it.',
									'handoff-bot'
								)
							) }
						</div>
						<fieldset
							className="handoff-bot-hours__agents"
							{ ...( agentsError
								? {
										'aria-describedby': `${ id }-agents__error`,
									}
								: {} ) }
						>
							<legend>
								{ sprintf(
									/* translators: %s: team label. */
									__( 'Agents of %s', 'handoff-bot' ),
									heading
								) }
							</legend>
							<FieldError
								id={ `${ id }-agents__error` }
								message={ agentsError }
							/>
							<ul>
								{ choices.map( ( agent ) => {
									const position = team.agents.indexOf(
										agent.id
									);
									const error =
										position >= 0
											? errors[
													`${ at }.agents.${ position }`
												]
											: undefined;
									const fieldId = `${ id }-agent-${ agent.id }`;
									return (
										<li key={ agent.id }>
											<CheckboxControl
												__nextHasNoMarginBottom
												id={ fieldId }
												label={ agent.name }
												checked={ position >= 0 }
												onChange={ ( checked ) =>
													set(
														i,
														{
															agents: checked
																? [
																		...team.agents,
																		agent.id,
																	]
																: team.agents.filter(
																		(
																			other
																		) =>
																			other !==
																			agent.id
																	),
														},
														[ `${ at }.agents` ]
													)
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
										</li>
									);
								} ) }
							</ul>
						</fieldset>
						<p
							id={ `${ id }-intents` }
							className="handoff-bot-hours__team-intents"
						>
							{ sent.length
								? sprintf(
										/* translators: %s: intent labels, comma-separated. */
										__(
											'The rules send these intents to this team: %s. Change them on the Rules screen.',
											'handoff-bot'
										),
										sent.join( ', ' )
									)
								: __(
										'The rules send no intent to this team yet: choose it for intents on the Rules screen.',
										'handoff-bot'
									) }
						</p>
						<CheckboxControl
							__nextHasNoMarginBottom
							id={ `${ id }-own-hours` }
							label={ __(
								'This team has its own hours',
								'handoff-bot'
							) }
							help={ __(
								'Otherwise it works the site’s hours. Holidays close every team.',
								'handoff-bot'
							) }
							checked={ team.hours !== null }
							onChange={ ( own ) =>
								set(
									i,
									{
										hours: own
											? ( JSON.parse(
													JSON.stringify( siteHours )
												) as Week )
											: null,
									},
									[ `${ at }.hours` ]
								)
							}
						/>
						{ team.hours && (
							<WeekHours
								idBase={ `${ id }-hours` }
								path={ `${ at }.hours` }
								week={ team.hours }
								errors={ errors }
								team={ heading }
								onChange={ ( hours, clear ) =>
									set( i, { hours }, clear )
								}
							/>
						) }
						{ errors[ `${ at }.hours` ] && (
							<FieldError
								id={ `${ id }-hours__error` }
								message={ errors[ `${ at }.hours` ] }
							/>
						) }
						<Button
							__next40pxDefaultSize
							variant="secondary"
							isDestructive
							className="handoff-bot-hours__remove-team"
							// The rules' intents must go to another team first.
							disabled={ sent.length > 0 }
							accessibleWhenDisabled
							aria-describedby={ `${ id }-intents` }
							onClick={ () => {
								onChange(
									teams.filter( ( _t, j ) => j !== i ),
									[ 'teams' ]
								);
								focusLater( `${ ID }-add` );
							} }
						>
							{ sprintf(
								/* translators: %s: team label. */
								__( 'Remove the team “%s”', 'handoff-bot' ),
								heading
							) }
						</Button>
					</section>
				);
			} ) }
			<Button
				__next40pxDefaultSize
				variant="secondary"
				id={ `${ ID }-add` }
				disabled={ teams.length >= MAX_TEAMS }
				accessibleWhenDisabled
				onClick={ () => {
					onChange(
						[
							...teams,
							{ name: '', label: '', agents: [], hours: null },
						],
						[]
					);
					focusLater( `${ ID }-${ teams.length }-label` );
				} }
			>
				{ __( 'Add a team', 'handoff-bot' ) }
			</Button>
		</div>
	);
}
