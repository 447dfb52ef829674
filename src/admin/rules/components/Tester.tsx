/**
 * The live tester: a conversation of several turns (one of them may be the visitor pressing
 * "Talk to a person"), run through the rules on screen, saved or not. Nothing is stored, unless
 * the admin saves the conversation as a simulation with the decisions it got.
 */
import {
	Button,
	CheckboxControl,
	Flex,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { createSimulation, testRules } from '../../../shared/api/rules';
import type {
	Policy,
	RulesState,
	Simulation,
	TestResult,
} from '../../../shared/types/rules';
import FieldError, { describedBy } from './FieldError';
import TextArea from './TextArea';
import TurnResult from './TurnResult';

export type TesterState = {
	turns: string[];
	/** The turn at which the visitor pressed the button, or null. */
	buttonAt: number | null;
	/** The last run: its turns, button and result. */
	run: {
		turns: string[];
		buttonAt: number | null;
		result: TestResult;
	} | null;
};

export const EMPTY_TESTER: TesterState = {
	turns: [ '' ],
	buttonAt: null,
	run: null,
};

type Props = {
	state: TesterState;
	onChange: ( state: TesterState ) => void;
	policy: Policy;
	rules: RulesState[ 'rules' ];
	signals: RulesState[ 'signals' ];
	onSimulationSaved: ( simulation: Simulation ) => void;
};

type Message = { status: 'success' | 'error'; text: string } | null;

/**
 * Where the button press is once a turn is removed: gone with its turn, one earlier when a turn
 * before it goes.
 * @param buttonAt The turn of the press, or null.
 * @param removed  The removed turn.
 */
function buttonAfterRemoval(
	buttonAt: number | null,
	removed: number
): number | null {
	if ( buttonAt === null || buttonAt === removed ) {
		return null;
	}
	return buttonAt > removed ? buttonAt - 1 : buttonAt;
}

function focusLater( id: string ) {
	window.setTimeout( () => document.getElementById( id )?.focus(), 0 );
}

export default function Tester( {
	state,
	onChange,
	policy,
	rules,
	signals,
	onSimulationSaved,
}: Props ) {
	const [ running, setRunning ] = useState( false );
	const [ notice, setNotice ] = useState< Message >( null );
	const [ name, setName ] = useState( '' );
	const [ nameError, setNameError ] = useState( '' );
	const [ saving, setSaving ] = useState( false );
	const [ emptyError, setEmptyError ] = useState( '' );
	const { turns, buttonAt, run } = state;
	const update = ( values: Partial< TesterState > ) =>
		onChange( { ...state, ...values } );

	const start = async ( event?: { preventDefault: () => void } ) => {
		event?.preventDefault();
		const kept = turns.map( ( t ) => t.trim() );
		if ( kept.some( ( t ) => ! t ) ) {
			setEmptyError(
				__(
					'Write what the visitor says in every turn, or remove the empty ones.',
					'handoff-bot'
				)
			);
			focusLater(
				`handoff-bot-rules-tester-turn-${ kept.findIndex( ( t ) => ! t ) }`
			);
			return;
		}
		setEmptyError( '' );
		setRunning( true );
		setNotice( null );
		try {
			const result = await testRules( {
				turns: kept,
				policy,
				...( buttonAt !== null ? { button_at: buttonAt } : {} ),
			} );
			onChange( { ...state, run: { turns: kept, buttonAt, result } } );
			focusLater( 'handoff-bot-rules-tester-results' );
		} catch ( error ) {
			setNotice( { status: 'error', text: errorMessage( error ) } );
		} finally {
			setRunning( false );
		}
	};

	const saveSimulation = async () => {
		if ( ! run ) {
			return;
		}
		if ( ! name.trim() ) {
			setNameError( __( 'Give the simulation a name.', 'handoff-bot' ) );
			focusLater( 'handoff-bot-rules-simulation-name' );
			return;
		}
		setNameError( '' );
		setSaving( true );
		try {
			const saved = await createSimulation( {
				name: name.trim(),
				turns: run.turns,
				expected: run.result.turns.map( ( t ) => ( {
					kind: t.decision.kind,
					reason: t.decision.reason,
				} ) ),
				...( run.buttonAt !== null ? { button_at: run.buttonAt } : {} ),
			} );
			setName( '' );
			setNotice( {
				status: 'success',
				text: sprintf(
					/* translators: %s: simulation name. */
					__(
						'Saved as the simulation “%s”. Every save of the rules runs it again.',
						'handoff-bot'
					),
					saved.name
				),
			} );
			onSimulationSaved( saved );
		} catch ( error ) {
			setNotice( { status: 'error', text: errorMessage( error ) } );
		} finally {
			setSaving( false );
		}
	};

	const ruleLabels = Object.fromEntries(
		rules.map( ( rule ) => [ rule.id, rule.label ] )
	);

	return (
		<Flex direction="column" gap={ 6 } align="stretch">
			<p className="handoff-bot-rules__intro">
				{ __(
					'Type what a visitor might write, turn by turn, and run it through the rules as they are on this screen, saved or not. Nothing is stored and no one is contacted.',
					'handoff-bot'
				) }
			</p>
			<form noValidate onSubmit={ start }>
				<Flex direction="column" gap={ 4 } align="stretch">
					<ol className="handoff-bot-rules__turns">
						{ turns.map( ( text, index ) => {
							const id = `handoff-bot-rules-tester-turn-${ index }`;
							const invalid = !! emptyError && ! text.trim();
							return (
								<li key={ index }>
									<TextArea
										id={ id }
										label={ sprintf(
											/* translators: %d: turn number. */
											__(
												'Turn %d: the visitor writes',
												'handoff-bot'
											),
											index + 1
										) }
										rows={ 2 }
										value={ text }
										error={ invalid ? emptyError : '' }
										onChange={ ( value ) =>
											update( {
												turns: turns.map( ( t, i ) =>
													i === index ? value : t
												),
											} )
										}
									/>
									<Flex justify="space-between" wrap>
										<CheckboxControl
											__nextHasNoMarginBottom
											label={ __(
												'The visitor also pressed “Talk to a person”',
												'handoff-bot'
											) }
											checked={ buttonAt === index }
											onChange={ ( checked ) =>
												update( {
													buttonAt: checked
														? index
														: null,
												} )
											}
										/>
										{ turns.length > 1 && (
											<Button
												size="compact"
												variant="link"
												isDestructive
												onClick={ () => {
													update( {
														turns: turns.filter(
															( _t, i ) =>
																i !== index
														),
														buttonAt:
															buttonAfterRemoval(
																buttonAt,
																index
															),
													} );
													focusLater(
														'handoff-bot-rules-tester-add'
													);
												} }
											>
												{ sprintf(
													/* translators: %d: turn number. */
													__(
														'Remove turn %d',
														'handoff-bot'
													),
													index + 1
												) }
											</Button>
										) }
									</Flex>
								</li>
							);
						} ) }
					</ol>
					<Flex justify="flex-start" gap={ 2 }>
						<Button
							__next40pxDefaultSize
							id="handoff-bot-rules-tester-add"
							variant="secondary"
							onClick={ () => {
								update( { turns: [ ...turns, '' ] } );
								focusLater(
									`handoff-bot-rules-tester-turn-${ turns.length }`
								);
							} }
						>
							{ __( 'Add a turn', 'handoff-bot' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							type="submit"
							variant="primary"
							isBusy={ running }
							disabled={ running }
							accessibleWhenDisabled
						>
							{ __( 'Run the conversation', 'handoff-bot' ) }
						</Button>
					</Flex>
				</Flex>
			</form>
			{ notice && (
				<Notice
					status={ notice.status }
					onRemove={ () => setNotice( null ) }
				>
					{ notice.text }
				</Notice>
			) }
			{ run && (
				<section
					id="handoff-bot-rules-tester-results"
					tabIndex={ -1 }
					aria-labelledby="handoff-bot-rules-tester-results-title"
					className="handoff-bot-rules__results"
				>
					<h3 id="handoff-bot-rules-tester-results-title">
						{ __( 'What the rules decided', 'handoff-bot' ) }
					</h3>
					<Flex direction="column" gap={ 4 } align="stretch">
						{ run.result.turns.map( ( turn, index ) => (
							<TurnResult
								key={ index }
								index={ index }
								turn={ turn }
								rules={ ruleLabels }
								order={ signals.map( ( s ) => s.id ) }
								intents={ policy.intents }
								pressed={ run.buttonAt === index }
							/>
						) ) }
						<Flex
							align="flex-start"
							justify="flex-start"
							gap={ 2 }
							className="handoff-bot-rules__save-simulation"
						>
							<div className="handoff-bot-rules__simulation-name">
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									id="handoff-bot-rules-simulation-name"
									label={ __(
										'Simulation name',
										'handoff-bot'
									) }
									help={ __(
										'Saved with the messages, the button press and the decisions above as the expected ones.',
										'handoff-bot'
									) }
									value={ name }
									onChange={ setName }
									{ ...describedBy(
										'handoff-bot-rules-simulation-name',
										true,
										!! nameError
									) }
								/>
								<FieldError
									id="handoff-bot-rules-simulation-name__error"
									message={ nameError }
								/>
							</div>
							<Button
								__next40pxDefaultSize
								className="handoff-bot-rules__save-simulation-button"
								variant="secondary"
								isBusy={ saving }
								disabled={ saving }
								accessibleWhenDisabled
								onClick={ saveSimulation }
							>
								{ __( 'Save as simulation', 'handoff-bot' ) }
							</Button>
						</Flex>
					</Flex>
				</section>
			) }
		</Flex>
	);
}
