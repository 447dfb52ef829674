/**
 * Teams and hours: the hours per weekday with the next seven days as they would be, holidays,
 * teams with their agents (and the intents the rules send them), the queue's capacity, the time
 * after which a live handoff has failed and the after-hours callback, edited on screen and saved
 * as a new version with a note. A refused save puts each error beside its field.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Flex,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../shared/api';
import { getAvailability } from '../../shared/api/availability';
import type {
	Availability,
	AvailabilityErrors,
	AvailabilityState,
	SavedAvailability,
} from '../../shared/types/availability';
import CapacityFields from './components/CapacityFields';
import FieldError from './components/FieldError';
import Holidays from './components/Holidays';
import Preview from './components/Preview';
import SaveDialog from './components/SaveDialog';
import Teams from './components/Teams';
import WeekHours from './components/WeekHours';
import { unplacedErrors, without } from './errors';
import { previewDays } from './preview';

const ROOT = 'handoff-bot-hours-root';

type Message = {
	status: 'success' | 'error' | 'warning';
	text: string;
	list?: string[];
} | null;

function clone( availability: Availability ): Availability {
	return JSON.parse( JSON.stringify( availability ) ) as Availability;
}

function same( a: Availability, b: Availability ): boolean {
	return JSON.stringify( a ) === JSON.stringify( b );
}

function versionText( version: number ): string {
	return version
		? sprintf(
				/* translators: %d: version number. */
				__( 'Version %d is in force.', 'handoff-bot' ),
				version
			)
		: __(
				'The plugin’s defaults are in force (never saved).',
				'handoff-bot'
			);
}

export default function App() {
	const [ state, setState ] = useState< AvailabilityState | null >( null );
	const [ draft, setDraft ] = useState< Availability | null >( null );
	const [ errors, setErrors ] = useState< AvailabilityErrors >( {} );
	const [ notice, setNotice ] = useState< Message >( null );
	const [ saving, setSaving ] = useState( false );
	const [ previewTeam, setPreviewTeam ] = useState( '' );
	const [ refusals, setRefusals ] = useState( 0 );

	const load = () =>
		getAvailability().then( ( loaded ) => {
			setState( loaded );
			setDraft( clone( loaded.availability ) );
			setErrors( {} );
		} );

	useEffect( () => {
		load().catch( ( e ) =>
			setNotice( { status: 'error', text: errorMessage( e ) } )
		);
	}, [] );

	const dirty = !! state && !! draft && ! same( state.availability, draft );

	// Leaving with unsaved edits asks first.
	useEffect( () => {
		if ( ! dirty ) {
			return undefined;
		}
		const warn = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ dirty ] );

	// After a refused save, the first field in error takes the focus.
	useEffect( () => {
		if ( ! refusals ) {
			return undefined;
		}
		const timer = window.setTimeout( () => {
			const root = document.getElementById( ROOT );
			(
				root?.querySelector< HTMLElement >( '[aria-invalid="true"]' ) ??
				root?.querySelector< HTMLElement >(
					'.handoff-bot-hours__notice'
				)
			)?.focus();
		}, 0 );
		return () => window.clearTimeout( timer );
	}, [ refusals ] );

	if ( ! state || ! draft ) {
		return notice ? (
			<Notice status={ notice.status } isDismissible={ false }>
				{ notice.text }
			</Notice>
		) : (
			<Spinner />
		);
	}

	const update = ( values: Partial< Availability >, clear: string[] ) => {
		setDraft( { ...draft, ...values } );
		if ( clear.length ) {
			setErrors( clear.reduce( without, errors ) );
		}
	};

	const refuse = ( found: AvailabilityErrors ) => {
		setSaving( false );
		setErrors( found );
		setRefusals( ( count ) => count + 1 );
		setNotice( {
			status: 'error',
			text: __(
				'The hours and teams were not saved. Correct the fields marked below and save again; your edits are kept.',
				'handoff-bot'
			),
			list: unplacedErrors( found ),
		} );
	};

	const startSave = () => {
		const empty: AvailabilityErrors = {};
		(
			[
				'max_waiting',
				'max_wait_minutes',
				'max_chats_per_agent',
			] as const
		 ).forEach( ( key ) => {
			if ( ! Number.isFinite( draft.capacity[ key ] ) ) {
				empty[ `capacity.${ key }` ] = __(
					'Enter a number.',
					'handoff-bot'
				);
			}
		} );
		for ( const key of [
			'escalation_failed_minutes',
			'abandon_minutes',
		] as const ) {
			if ( ! Number.isFinite( draft[ key ] ) ) {
				empty[ key ] = __( 'Enter a number.', 'handoff-bot' );
			}
		}
		if ( Object.keys( empty ).length ) {
			refuse( empty );
			return;
		}
		setNotice( null );
		setSaving( true );
	};

	const afterSave = ( text: string ) =>
		load()
			.then( () => setNotice( { status: 'success', text } ) )
			.catch( ( e ) =>
				setNotice( { status: 'error', text: errorMessage( e ) } )
			);

	const saved = ( result: SavedAvailability ) => {
		setSaving( false );
		afterSave(
			sprintf(
				/* translators: %d: version number. */
				__(
					'The hours and teams were saved as version %d.',
					'handoff-bot'
				),
				result.version
			)
		);
	};

	const reload = () => {
		setSaving( false );
		afterSave(
			__(
				'The newest version is loaded. Make your edits again and save.',
				'handoff-bot'
			)
		);
	};

	const ownHours = draft.teams.filter( ( team ) => team.hours !== null );
	const previewed =
		ownHours.find( ( team ) => team.name === previewTeam ) ?? null;
	const days = previewDays(
		state.next_days,
		previewed?.hours ?? draft.hours,
		draft.holidays
	);

	const card = ( id: string, title: string, body: JSX.Element ) => (
		<Card>
			<CardHeader>
				<h2 id={ id }>{ title }</h2>
			</CardHeader>
			<CardBody>
				<section aria-labelledby={ id }>{ body }</section>
			</CardBody>
		</Card>
	);

	return (
		<Flex
			className="handoff-bot-hours"
			direction="column"
			gap={ 4 }
			align="stretch"
		>
			{ notice && (
				<Notice
					className="handoff-bot-hours__notice"
					status={ notice.status }
					onRemove={ () => setNotice( null ) }
				>
					<p>{ notice.text }</p>
					{ !! notice.list?.length && (
						<ul>
							{ notice.list.map( ( line ) => (
								<li key={ line }>{ line }</li>
							) ) }
						</ul>
					) }
				</Notice>
			) }
			<div className="handoff-bot-hours__bar">
				<p>
					{ versionText( state.version ) }{ ' ' }
					{ dirty && (
						<strong>
							{ __( 'You have unsaved edits.', 'handoff-bot' ) }
						</strong>
					) }
				</p>
				<Flex justify="flex-end" gap={ 2 } expanded={ false }>
					{ dirty && (
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							onClick={ () => {
								setDraft( clone( state.availability ) );
								setErrors( {} );
								setNotice( null );
							} }
						>
							{ __( 'Discard edits', 'handoff-bot' ) }
						</Button>
					) }
					<Button
						__next40pxDefaultSize
						variant="primary"
						disabled={ ! dirty }
						accessibleWhenDisabled
						onClick={ startSave }
					>
						{ __( 'Save the hours and teams…', 'handoff-bot' ) }
					</Button>
				</Flex>
			</div>
			{ card(
				'handoff-bot-hours-hours-title',
				__( 'Hours', 'handoff-bot' ),
				<>
					<p className="handoff-bot-hours__intro">
						{ sprintf(
							/* translators: %s: the site's time zone, such as Europe/Berlin. */
							__(
								'When agents take live handoffs, in the site’s time zone (%s). Times are 24-hour, such as 09:00 or 17:30; 24:00 closes at midnight. Outside these hours a handoff becomes a ticket.',
								'handoff-bot'
							),
							state.timezone
						) }{ ' ' }
						<a href="options-general.php#timezone_string">
							{ __(
								'Change the time zone in General Settings',
								'handoff-bot'
							) }
						</a>
					</p>
					<FieldError
						id="handoff-bot-hours-site__error"
						message={ errors.hours }
					/>
					<WeekHours
						idBase="handoff-bot-hours-site"
						path="hours"
						week={ draft.hours }
						errors={ errors }
						onChange={ ( hours, clear ) =>
							update( { hours }, clear )
						}
					/>
				</>
			) }
			{ card(
				'handoff-bot-hours-preview-title',
				__( 'Next seven days', 'handoff-bot' ),
				<Preview
					days={ days }
					timezone={ state.timezone }
					dirty={ dirty }
					teams={ ownHours }
					team={ previewed?.name ?? '' }
					onTeam={ setPreviewTeam }
				/>
			) }
			{ card(
				'handoff-bot-hours-holidays-title',
				__( 'Holidays', 'handoff-bot' ),
				<Holidays
					holidays={ draft.holidays }
					errors={ errors }
					onChange={ ( holidays, clear ) =>
						update( { holidays }, clear )
					}
				/>
			) }
			{ card(
				'handoff-bot-hours-teams-title',
				__( 'Teams', 'handoff-bot' ),
				<Teams
					teams={ draft.teams }
					agents={ state.agents }
					intents={ state.team_intents }
					siteHours={ draft.hours }
					errors={ errors }
					onChange={ ( teams, clear ) => update( { teams }, clear ) }
				/>
			) }
			{ card(
				'handoff-bot-hours-capacity-title',
				__( 'Queue and follow-up', 'handoff-bot' ),
				<CapacityFields
					values={ draft }
					errors={ errors }
					onChange={ ( values, clear ) => update( values, clear ) }
				/>
			) }
			{ saving && (
				<SaveDialog
					availability={ draft }
					baseVersion={ state.version }
					onClose={ () => setSaving( false ) }
					onSaved={ saved }
					onInvalid={ refuse }
					onReload={ reload }
				/>
			) }
		</Flex>
	);
}
