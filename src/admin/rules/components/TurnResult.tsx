/**
 * What the rules made of one tested turn: the decision with its reason code, trigger, deciding
 * rule and intent; the answer (kind, confidence, sources); every signal's value and evidence; and
 * any rule that failed and was skipped.
 */
import { Notice } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

import type { Intent, TestTurn } from '../../../shared/types/rules';
import { kindLabel, reasonLabel, signalLabel, triggerLabel } from '../labels';

type Props = {
	index: number;
	turn: TestTurn;
	/** Rule labels by ID (from GET /rules). */
	rules: Record< string, string >;
	/** Signal IDs in the order the server lists them. */
	order: string[];
	intents: Intent[];
	pressed: boolean;
};

function Coded( { label, code }: { label: string; code: string } ) {
	if ( ! code || label === code ) {
		return <>{ label }</>;
	}
	return (
		<>
			{ label } <code>{ code }</code>
		</>
	);
}

function score( value: number ): string {
	return Number.isFinite( value ) ? value.toFixed( 2 ) : '—';
}

export default function TurnResult( {
	index,
	turn,
	rules,
	order,
	intents,
	pressed,
}: Props ) {
	const { decision, answer } = turn;
	const ids = [
		...order.filter( ( id ) => id in turn.signals ),
		...Object.keys( turn.signals ).filter(
			( id ) => ! order.includes( id )
		),
	];
	const intent = intents.find( ( i ) => i.name === decision.intent );
	// What a signal found: the intent signal names an intent, shown by its label.
	const found = ( id: string, label: string ) => {
		if ( ! label ) {
			return '—';
		}
		const named =
			id === 'intent' ? intents.find( ( i ) => i.name === label ) : null;
		return named?.label ? (
			<Coded label={ named.label } code={ label } />
		) : (
			label
		);
	};
	const title = `handoff-bot-rules-turn-${ index }-title`;

	return (
		<section
			className={ `handoff-bot-rules__turn handoff-bot-rules__turn--${ decision.kind }` }
			aria-labelledby={ title }
		>
			<h4 id={ title }>
				{ sprintf(
					/* translators: %d: turn number. */
					__( 'Turn %d', 'handoff-bot' ),
					index + 1
				) }
			</h4>
			<blockquote className="handoff-bot-rules__quote">
				{ turn.text }
			</blockquote>
			{ pressed && (
				<p>
					{ __(
						'The visitor pressed “Talk to a person”.',
						'handoff-bot'
					) }
				</p>
			) }
			<dl className="handoff-bot-rules__decision">
				<dt>{ __( 'Decision', 'handoff-bot' ) }</dt>
				<dd>
					<strong>{ kindLabel( decision.kind ) }</strong>
				</dd>
				<dt>{ __( 'Reason', 'handoff-bot' ) }</dt>
				<dd>
					<Coded
						label={ reasonLabel( decision.reason ) }
						code={ decision.reason }
					/>
				</dd>
				<dt>{ __( 'Trigger', 'handoff-bot' ) }</dt>
				<dd>
					<Coded
						label={ triggerLabel( decision.trigger ) }
						code={ decision.trigger }
					/>
				</dd>
				<dt>{ __( 'Rule', 'handoff-bot' ) }</dt>
				<dd>
					{ decision.rule ? (
						<Coded
							label={ rules[ decision.rule ] ?? decision.rule }
							code={ decision.rule }
						/>
					) : (
						__( 'none (the default answer)', 'handoff-bot' )
					) }
				</dd>
				<dt>{ __( 'Intent', 'handoff-bot' ) }</dt>
				<dd>
					{ decision.intent ? (
						<Coded
							label={ intent?.label || decision.intent }
							code={ decision.intent }
						/>
					) : (
						__( 'none recognised', 'handoff-bot' )
					) }
				</dd>
				<dt>{ __( 'Language', 'handoff-bot' ) }</dt>
				<dd>{ turn.language || '—' }</dd>
				<dt>{ __( 'Unproductive turns so far', 'handoff-bot' ) }</dt>
				<dd>{ turn.unproductive }</dd>
				<dt>{ __( 'Answer', 'handoff-bot' ) }</dt>
				<dd>
					{ answer ? (
						<>
							{ sprintf(
								/* translators: 1: kind of answer, 2: confidence from 0 to 1. */
								__( '%1$s, confidence %2$s', 'handoff-bot' ),
								answer.kind,
								score( answer.confidence )
							) }
							{ answer.body && (
								<span className="handoff-bot-rules__answer">
									{ answer.body }
								</span>
							) }
							{ answer.citations.length > 0 && (
								<span className="handoff-bot-rules__sources">
									{ __( 'Sources:', 'handoff-bot' ) }{ ' ' }
									{ answer.citations.map( ( c, i ) => (
										<span key={ c.url }>
											{ i > 0 && ', ' }
											<a
												href={ c.url }
												target="_blank"
												rel="noreferrer"
											>
												{ c.title }
											</a>
										</span>
									) ) }
								</span>
							) }
						</>
					) : (
						__(
							'None: the decision did not need one.',
							'handoff-bot'
						)
					) }
				</dd>
			</dl>
			{ turn.skipped.map( ( skip ) => (
				<Notice
					key={ skip.rule }
					status="warning"
					isDismissible={ false }
				>
					{ sprintf(
						/* translators: 1: rule, 2: error message. */
						__(
							'The rule %1$s failed and was skipped: %2$s',
							'handoff-bot'
						),
						rules[ skip.rule ] ?? skip.rule,
						skip.error
					) }
				</Notice>
			) ) }
			<table className="widefat handoff-bot-rules__table handoff-bot-rules__signals">
				<caption>
					{ sprintf(
						/* translators: %d: number of signals that fired. */
						_n(
							'Signals (%d fired)',
							'Signals (%d fired)',
							ids.filter( ( id ) => turn.signals[ id ]?.fired )
								.length,
							'handoff-bot'
						),
						ids.filter( ( id ) => turn.signals[ id ]?.fired ).length
					) }
				</caption>
				<thead>
					<tr>
						<th scope="col">{ __( 'Signal', 'handoff-bot' ) }</th>
						<th scope="col">{ __( 'Fired', 'handoff-bot' ) }</th>
						<th scope="col">{ __( 'Score', 'handoff-bot' ) }</th>
						<th scope="col">{ __( 'Found', 'handoff-bot' ) }</th>
						<th scope="col">{ __( 'Evidence', 'handoff-bot' ) }</th>
					</tr>
				</thead>
				<tbody>
					{ ids.map( ( id ) => {
						const signal = turn.signals[ id ];
						if ( ! signal ) {
							return null;
						}
						return (
							<tr
								key={ id }
								className={
									signal.fired
										? 'handoff-bot-rules__fired'
										: undefined
								}
							>
								<th scope="row">
									<Coded
										label={ signalLabel( id ) }
										code={ id }
									/>
									{ decision.signals.includes( id ) && (
										<>
											{ ' ' }
											<span className="handoff-bot-rules__behind">
												{ __(
													'behind the decision',
													'handoff-bot'
												) }
											</span>
										</>
									) }
								</th>
								<td>
									{ signal.fired
										? __( 'Yes', 'handoff-bot' )
										: __( 'No', 'handoff-bot' ) }
								</td>
								<td>{ score( signal.score ) }</td>
								<td>{ found( id, signal.label ) }</td>
								<td>
									{ signal.evidence.length
										? signal.evidence
												.map( ( e ) => `“${ e }”` )
												.join( ', ' )
										: '—' }
								</td>
							</tr>
						);
					} ) }
				</tbody>
			</table>
		</section>
	);
}
