/**
 * The intents as a table (name, label, policy, team), each with Edit and Remove; the intent being
 * edited opens under the table. An intent with an error after a refused save is marked in its row.
 */
import { Button, Flex } from '@wordpress/components';
import { useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { Intent, PolicyErrors } from '../../../shared/types/rules';
import { errorAt, intentsInError } from '../errors';
import { policyLabel } from '../labels';
import FieldError from './FieldError';
import IntentEditor, { intentFieldId } from './IntentEditor';

type Props = {
	intents: Intent[];
	errors: PolicyErrors;
	editing: number | null;
	onEdit: ( index: number | null ) => void;
	onChange: ( intents: Intent[] ) => void;
	onRemove: ( index: number ) => void;
};

export const EMPTY_INTENT: Intent = {
	name: '',
	label: '',
	policy: 'bot',
	team: '',
	keywords: [],
	phrases: [],
	examples: [],
};

function focusLater( id: string ) {
	window.setTimeout( () => document.getElementById( id )?.focus(), 0 );
}

export default function IntentsTable( {
	intents,
	errors,
	editing,
	onEdit,
	onChange,
	onRemove,
}: Props ) {
	const inError = intentsInError( errors );
	const addButton = useRef< HTMLButtonElement >( null );
	const current = editing !== null ? intents[ editing ] : undefined;

	const add = () => {
		onChange( [ ...intents, { ...EMPTY_INTENT } ] );
		onEdit( intents.length );
		focusLater( intentFieldId( intents.length, 'name' ) );
	};
	const nameOf = ( intent: Intent, index: number ) =>
		intent.label ||
		intent.name ||
		sprintf(
			/* translators: %d: position of the intent in the list. */
			__( 'Intent %d', 'handoff-bot' ),
			index + 1
		);

	return (
		<Flex direction="column" gap={ 4 } align="stretch">
			<FieldError
				id="handoff-bot-rules-intents__error"
				message={ errorAt( errors, 'intents' ) }
			/>
			{ intents.length ? (
				<table className="widefat striped handoff-bot-rules__table">
					<caption className="screen-reader-text">
						{ __( 'Intents', 'handoff-bot' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Label', 'handoff-bot' ) }
							</th>
							<th scope="col">{ __( 'Name', 'handoff-bot' ) }</th>
							<th scope="col">
								{ __( 'Policy', 'handoff-bot' ) }
							</th>
							<th scope="col">{ __( 'Team', 'handoff-bot' ) }</th>
							<th scope="col">
								<span className="screen-reader-text">
									{ __( 'Actions', 'handoff-bot' ) }
								</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{ intents.map( ( intent, index ) => (
							<tr
								key={ index }
								className={
									inError.includes( index )
										? 'handoff-bot-rules__row-error'
										: undefined
								}
							>
								<th scope="row">
									{ nameOf( intent, index ) }
									{ inError.includes( index ) && (
										<>
											{ ' ' }
											<span className="handoff-bot-rules__row-flag">
												{ __(
													'Needs correcting',
													'handoff-bot'
												) }
											</span>
										</>
									) }
								</th>
								<td>
									<code>{ intent.name }</code>
								</td>
								<td>{ policyLabel( intent.policy ) }</td>
								<td>{ intent.team || '—' }</td>
								<td className="handoff-bot-rules__actions">
									<Button
										id={ `handoff-bot-rules-intent-${ index }-edit` }
										size="compact"
										variant="link"
										aria-expanded={ editing === index }
										aria-controls={
											editing === index
												? `handoff-bot-rules-intent-${ index }`
												: undefined
										}
										label={ sprintf(
											/* translators: %s: intent label. */
											__( 'Edit “%s”', 'handoff-bot' ),
											nameOf( intent, index )
										) }
										showTooltip={ false }
										onClick={ () => {
											onEdit(
												editing === index ? null : index
											);
											if ( editing !== index ) {
												focusLater(
													intentFieldId(
														index,
														'name'
													)
												);
											}
										} }
									>
										{ __( 'Edit', 'handoff-bot' ) }
									</Button>
									<Button
										size="compact"
										variant="link"
										isDestructive
										label={ sprintf(
											/* translators: %s: intent label. */
											__( 'Remove “%s”', 'handoff-bot' ),
											nameOf( intent, index )
										) }
										showTooltip={ false }
										onClick={ () => {
											onRemove( index );
											addButton.current?.focus();
										} }
									>
										{ __( 'Remove', 'handoff-bot' ) }
									</Button>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) : (
				<p>
					{ __(
						'No intent yet: every question is left to the bot and the other rules.',
						'handoff-bot'
					) }
				</p>
			) }
			{ current && editing !== null && (
				<IntentEditor
					index={ editing }
					intent={ current }
					errors={ errors }
					onChange={ ( intent ) =>
						onChange(
							intents.map( ( other, i ) =>
								i === editing ? intent : other
							)
						)
					}
					onDone={ () => {
						const index = editing;
						onEdit( null );
						focusLater(
							`handoff-bot-rules-intent-${ index }-edit`
						);
					} }
				/>
			) }
			<Flex justify="flex-start">
				<Button
					ref={ addButton }
					__next40pxDefaultSize
					variant="secondary"
					onClick={ add }
				>
					{ __( 'Add an intent', 'handoff-bot' ) }
				</Button>
			</Flex>
		</Flex>
	);
}
