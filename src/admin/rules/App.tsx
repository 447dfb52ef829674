/**
 * The escalation rules: intents with their policies, the phrases that ask for a person, the
 * thresholds and the messages, edited on screen and saved as a new version with a note; a live
 * tester that runs the edited rules; the saved simulations; and the version history with its
 * differences and rollbacks.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Flex,
	Notice,
	Spinner,
	TabPanel,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../shared/api';
import { getRules, getSimulations } from '../../shared/api/rules';
import type {
	Policy,
	PolicyErrors,
	RulesState,
	SavedRules,
	Simulation,
} from '../../shared/types/rules';
import HumanPhrases from './components/HumanPhrases';
import IntentsTable from './components/IntentsTable';
import MessagesFields from './components/MessagesFields';
import SaveDialog from './components/SaveDialog';
import Simulations from './components/Simulations';
import Tester, { EMPTY_TESTER, type TesterState } from './components/Tester';
import ThresholdsFields from './components/ThresholdsFields';
import Versions from './components/Versions';
import { intentsInError, unplacedErrors } from './errors';
import { formatDate, thresholdInfo } from './labels';

type Message = {
	status: 'success' | 'error' | 'warning';
	text: string;
	list?: string[];
} | null;

function clone( policy: Policy ): Policy {
	return JSON.parse( JSON.stringify( policy ) ) as Policy;
}

function same( a: Policy, b: Policy ): boolean {
	return JSON.stringify( a ) === JSON.stringify( b );
}

function savedBy( state: RulesState ): string {
	const when = formatDate( state.updated_at );
	if ( state.author ) {
		return sprintf(
			/* translators: 1: version number, 2: user name, 3: date and time. */
			__( 'Version %1$d, saved by %2$s on %3$s.', 'handoff-bot' ),
			state.version,
			state.author.name,
			when
		);
	}
	return when
		? sprintf(
				/* translators: 1: version number, 2: date and time. */
				__( 'Version %1$d, saved on %2$s.', 'handoff-bot' ),
				state.version,
				when
			)
		: sprintf(
				/* translators: %d: version number. */
				__( 'Version %d (the rules the plugin ships).', 'handoff-bot' ),
				state.version
			);
}

export default function App() {
	const [ state, setState ] = useState< RulesState | null >( null );
	const [ draft, setDraft ] = useState< Policy | null >( null );
	const [ errors, setErrors ] = useState< PolicyErrors >( {} );
	const [ notice, setNotice ] = useState< Message >( null );
	const [ editing, setEditing ] = useState< number | null >( null );
	const [ saving, setSaving ] = useState( false );
	const [ tester, setTester ] = useState< TesterState >( EMPTY_TESTER );
	const [ simulations, setSimulations ] = useState< Simulation[] | null >(
		null
	);
	const [ simulationsError, setSimulationsError ] = useState( '' );
	const [ tab, setTab ] = useState( 'policy' );
	const [ tabKey, setTabKey ] = useState( 0 );

	const load = () =>
		getRules().then( ( rules ) => {
			setState( rules );
			setDraft( clone( rules.policy ) );
			setErrors( {} );
			setEditing( null );
		} );

	useEffect( () => {
		load().catch( ( e ) =>
			setNotice( { status: 'error', text: errorMessage( e ) } )
		);
		getSimulations()
			.then( setSimulations )
			.catch( ( e ) => setSimulationsError( errorMessage( e ) ) );
	}, [] );

	const dirty = !! state && !! draft && ! same( state.policy, draft );

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
		if ( ! Object.keys( errors ).length ) {
			return undefined;
		}
		const timer = window.setTimeout( () => {
			const root = document.getElementById( 'handoff-bot-rules-root' );
			(
				root?.querySelector< HTMLElement >( '[aria-invalid="true"]' ) ??
				root?.querySelector< HTMLElement >(
					'.handoff-bot-rules__notice'
				)
			)?.focus();
		}, 0 );
		return () => window.clearTimeout( timer );
	}, [ errors ] );

	if ( ! state || ! draft ) {
		return notice ? (
			<Notice status={ notice.status } isDismissible={ false }>
				{ notice.text }
			</Notice>
		) : (
			<Spinner />
		);
	}

	const showTab = ( name: string ) => {
		setTab( name );
		setTabKey( ( key ) => key + 1 );
	};

	const refuse = ( found: PolicyErrors ) => {
		setSaving( false );
		setErrors( found );
		setEditing( intentsInError( found )[ 0 ] ?? null );
		setNotice( {
			status: 'error',
			text: __(
				'The rules were not saved. Correct the fields marked below and save again; your edits are kept.',
				'handoff-bot'
			),
			list: unplacedErrors( found, Object.keys( draft.human_phrases ) ),
		} );
		showTab( 'policy' );
	};

	const startSave = () => {
		const empty: PolicyErrors = {};
		thresholdInfo().forEach( ( info ) => {
			if ( ! Number.isFinite( draft.thresholds[ info.name ] ) ) {
				empty[ `thresholds.${ info.name }` ] = __(
					'Enter a number.',
					'handoff-bot'
				);
			}
		} );
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

	const saved = ( result: SavedRules ) => {
		setSaving( false );
		afterSave(
			sprintf(
				/* translators: %d: version number. */
				__( 'The rules were saved as version %d.', 'handoff-bot' ),
				result.version
			)
		);
	};

	const reload = () => {
		setSaving( false );
		afterSave(
			__(
				'The newest rules are loaded. Make your edits again and save.',
				'handoff-bot'
			)
		);
	};

	const updateDraft = ( values: Partial< Policy > ) =>
		setDraft( { ...draft, ...values } );

	const card = ( title: string, body: JSX.Element ) => (
		<Card>
			<CardHeader>
				<h2>{ title }</h2>
			</CardHeader>
			<CardBody>{ body }</CardBody>
		</Card>
	);

	const policyTab = (
		<Flex direction="column" gap={ 6 } align="stretch">
			{ card(
				__( 'Intents', 'handoff-bot' ),
				<IntentsTable
					intents={ draft.intents }
					errors={ errors }
					editing={ editing }
					onEdit={ setEditing }
					onChange={ ( intents ) => updateDraft( { intents } ) }
					onRemove={ ( index ) => {
						updateDraft( {
							intents: draft.intents.filter(
								( _intent, i ) => i !== index
							),
						} );
						setEditing( null );
						// Errors name intents by position: after a removal they no longer match.
						setErrors(
							Object.fromEntries(
								Object.entries( errors ).filter(
									( [ path ] ) =>
										! path.startsWith( 'intents' )
								)
							)
						);
					} }
				/>
			) }
			{ card(
				__( 'Requests for a person', 'handoff-bot' ),
				<HumanPhrases
					phrases={ draft.human_phrases }
					errors={ errors }
					onChange={ ( phrases ) =>
						updateDraft( { human_phrases: phrases } )
					}
				/>
			) }
			{ card(
				__( 'Thresholds', 'handoff-bot' ),
				<ThresholdsFields
					thresholds={ draft.thresholds }
					errors={ errors }
					onChange={ ( thresholds ) => updateDraft( { thresholds } ) }
				/>
			) }
			{ card(
				__( 'Messages to visitors', 'handoff-bot' ),
				<MessagesFields
					messages={ draft.messages }
					errors={ errors }
					onChange={ ( messages ) => updateDraft( { messages } ) }
				/>
			) }
		</Flex>
	);

	const tabs = [
		{ name: 'policy', title: __( 'Policy', 'handoff-bot' ) },
		{ name: 'tester', title: __( 'Live tester', 'handoff-bot' ) },
		{ name: 'simulations', title: __( 'Simulations', 'handoff-bot' ) },
		{ name: 'history', title: __( 'History', 'handoff-bot' ) },
	];

	return (
		<Flex
			className="handoff-bot-rules"
			direction="column"
			gap={ 4 }
			align="stretch"
		>
			{ notice && (
				<Notice
					className="handoff-bot-rules__notice"
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
			<div className="handoff-bot-rules__bar">
				<p>
					{ savedBy( state ) }{ ' ' }
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
								setDraft( clone( state.policy ) );
								setErrors( {} );
								setEditing( null );
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
						{ __( 'Save the rules…', 'handoff-bot' ) }
					</Button>
				</Flex>
			</div>
			<TabPanel
				key={ tabKey }
				className="handoff-bot-rules__tabs"
				tabs={ tabs }
				initialTabName={ tab }
				onSelect={ setTab }
			>
				{ ( current ) => (
					<div className="handoff-bot-rules__panel">
						{ current.name === 'policy' && policyTab }
						{ current.name === 'tester' &&
							card(
								__( 'Live tester', 'handoff-bot' ),
								<Tester
									state={ tester }
									onChange={ setTester }
									policy={ draft }
									rules={ state.rules }
									signals={ state.signals }
									onSimulationSaved={ ( simulation ) =>
										setSimulations( [
											...( simulations ?? [] ),
											simulation,
										] )
									}
								/>
							) }
						{ current.name === 'simulations' &&
							card(
								__( 'Saved simulations', 'handoff-bot' ),
								<Simulations
									simulations={ simulations }
									error={ simulationsError }
									onDeleted={ ( id ) =>
										setSimulations(
											( simulations ?? [] ).filter(
												( s ) => s.id !== id
											)
										)
									}
								/>
							) }
						{ current.name === 'history' &&
							card(
								__( 'Version history', 'handoff-bot' ),
								<Versions
									activeVersion={ state.version }
									dirty={ dirty }
									onRolledBack={ ( result ) =>
										afterSave(
											sprintf(
												/* translators: %d: version number. */
												__(
													'Rolled back: the rules are now version %d.',
													'handoff-bot'
												),
												result.version
											)
										)
									}
									onReload={ reload }
								/>
							) }
					</div>
				) }
			</TabPanel>
			{ saving && (
				<SaveDialog
					policy={ draft }
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
