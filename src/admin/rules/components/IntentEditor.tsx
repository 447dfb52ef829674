/**
 * One intent's fields, edited in place: name, label, policy (each explained), team, and the
 * keywords, phrases and examples one per line. A refused save's errors show at their fields.
 */
import {
	Button,
	Flex,
	FlexItem,
	RadioControl,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { Intent, PolicyErrors } from '../../../shared/types/rules';
import { errorAt } from '../errors';
import { POLICIES, policyHelp, policyLabel } from '../labels';
import FieldError, { describedBy } from './FieldError';
import LinesField from './LinesField';

type Props = {
	index: number;
	intent: Intent;
	errors: PolicyErrors;
	onChange: ( intent: Intent ) => void;
	onDone: () => void;
};

export function intentFieldId( index: number, field: string ): string {
	return `handoff-bot-rules-intent-${ index }-${ field }`;
}

export default function IntentEditor( {
	index,
	intent,
	errors,
	onChange,
	onDone,
}: Props ) {
	const path = `intents.${ index }`;
	const id = ( field: string ) => intentFieldId( index, field );
	const error = ( field: string ) =>
		errorAt( errors, `${ path }.${ field }` );
	const update = ( values: Partial< Intent > ) =>
		onChange( { ...intent, ...values } );
	const text = (
		field: 'name' | 'label' | 'team',
		label: string,
		help: string
	) => (
		<div className="handoff-bot-rules__field">
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				id={ id( field ) }
				label={ label }
				help={ help }
				value={ intent[ field ] }
				onChange={ ( value ) => update( { [ field ]: value } ) }
				{ ...describedBy( id( field ), true, !! error( field ) ) }
			/>
			<FieldError
				id={ `${ id( field ) }__error` }
				message={ error( field ) }
			/>
		</div>
	);
	const title = intent.label || intent.name;

	return (
		<section
			id={ `handoff-bot-rules-intent-${ index }` }
			className="handoff-bot-rules__editor"
			aria-labelledby={ `handoff-bot-rules-intent-${ index }-title` }
		>
			<Flex justify="space-between" align="center">
				<h3 id={ `handoff-bot-rules-intent-${ index }-title` }>
					{ title
						? sprintf(
								/* translators: %s: intent label. */
								__( 'Edit intent “%s”', 'handoff-bot' ),
								title
							)
						: __( 'New intent', 'handoff-bot' ) }
				</h3>
				<FlexItem>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ onDone }
					>
						{ __( 'Done', 'handoff-bot' ) }
					</Button>
				</FlexItem>
			</Flex>
			<FieldError
				id={ `${ id( 'all' ) }__error` }
				message={ errors[ path ] }
			/>
			<div className="handoff-bot-rules__grid">
				{ text(
					'name',
					__( 'Name', 'handoff-bot' ),
					__(
						'A short code in lower case, such as billing_dispute. Decisions and reports are grouped by it.',
						'handoff-bot'
					)
				) }
				{ text(
					'label',
					__( 'Label', 'handoff-bot' ),
					__( 'What your team reads.', 'handoff-bot' )
				) }
				{ text(
					'team',
					__( 'Team', 'handoff-bot' ),
					__(
						'The team a handoff about it goes to (empty: anyone).',
						'handoff-bot'
					)
				) }
			</div>
			<div className="handoff-bot-rules__field">
				<RadioControl
					label={ __( 'Policy', 'handoff-bot' ) }
					selected={ intent.policy }
					options={ POLICIES.map( ( policy ) => ( {
						value: policy,
						label: policyLabel( policy ),
						description: policyHelp( policy ),
					} ) ) }
					onChange={ ( value ) =>
						update( { policy: value as Intent[ 'policy' ] } )
					}
				/>
				<FieldError
					id={ `${ id( 'policy' ) }__error` }
					message={ error( 'policy' ) }
				/>
			</div>
			<LinesField
				id={ id( 'keywords' ) }
				label={ __( 'Keywords (one per line)', 'handoff-bot' ) }
				help={ __(
					'Words that point to this intent, such as “invoice” or “refund”.',
					'handoff-bot'
				) }
				value={ intent.keywords }
				error={ error( 'keywords' ) }
				onChange={ ( keywords ) => update( { keywords } ) }
			/>
			<LinesField
				id={ id( 'phrases' ) }
				label={ __( 'Phrases (one per line)', 'handoff-bot' ) }
				help={ __(
					'Groups of words that point to this intent, such as “charged twice”.',
					'handoff-bot'
				) }
				value={ intent.phrases }
				error={ error( 'phrases' ) }
				onChange={ ( phrases ) => update( { phrases } ) }
			/>
			<LinesField
				id={ id( 'examples' ) }
				label={ __( 'Examples (one per line)', 'handoff-bot' ) }
				help={ __(
					'Whole messages a visitor might write about it. Messages like these are recognised too.',
					'handoff-bot'
				) }
				rows={ 6 }
				value={ intent.examples }
				error={ error( 'examples' ) }
				onChange={ ( examples ) => update( { examples } ) }
			/>
		</section>
	);
}
