/**
 * The difference between two versions' policies, in words: intents added, removed and changed
 * (field by field), the phrases that ask for a person, thresholds and messages.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { PolicyDiff } from '../diff';
import { isEmptyDiff } from '../diff';
import { policyLabel, thresholdInfo, messageInfo } from '../labels';
import { languageName } from './HumanPhrases';

type Props = { diff: PolicyDiff };

function quoted( items: string[] ): string {
	return items.map( ( item ) => `“${ item }”` ).join( ', ' );
}

function Items( { added, removed }: { added: string[]; removed: string[] } ) {
	return (
		<>
			{ added.length > 0 && (
				<span className="handoff-bot-rules__added">
					{ __( 'added', 'handoff-bot' ) }{ ' ' }
					<ins>{ quoted( added ) }</ins>
				</span>
			) }
			{ added.length > 0 && removed.length > 0 && '; ' }
			{ removed.length > 0 && (
				<span className="handoff-bot-rules__removed">
					{ __( 'removed', 'handoff-bot' ) }{ ' ' }
					<del>{ quoted( removed ) }</del>
				</span>
			) }
		</>
	);
}

function Change( { from, to }: { from: string; to: string } ) {
	return (
		<>
			<del>{ from || __( '(empty)', 'handoff-bot' ) }</del>
			{ ' → ' }
			<ins>{ to || __( '(empty)', 'handoff-bot' ) }</ins>
		</>
	);
}

const FIELD_LABELS = (): Record< string, string > => ( {
	label: __( 'Label', 'handoff-bot' ),
	policy: __( 'Policy', 'handoff-bot' ),
	team: __( 'Team', 'handoff-bot' ),
	keywords: __( 'Keywords', 'handoff-bot' ),
	phrases: __( 'Phrases', 'handoff-bot' ),
	examples: __( 'Examples', 'handoff-bot' ),
} );

export default function DiffView( { diff }: Props ) {
	if ( isEmptyDiff( diff ) ) {
		return (
			<p>
				{ __( 'The two versions have the same rules.', 'handoff-bot' ) }
			</p>
		);
	}
	const fields = FIELD_LABELS();
	const thresholds = Object.fromEntries(
		thresholdInfo().map( ( info ) => [ info.name, info.label ] )
	);
	const messages = Object.fromEntries(
		messageInfo().map( ( info ) => [ info.name, info.label ] )
	);
	const intentLine = ( intent: { name: string; label: string } ) =>
		intent.label && intent.label !== intent.name
			? `${ intent.label } (${ intent.name })`
			: intent.name;

	return (
		<div className="handoff-bot-rules__diff">
			{ diff.added.length > 0 && (
				<>
					<h5>{ __( 'Intents added', 'handoff-bot' ) }</h5>
					<ul>
						{ diff.added.map( ( intent ) => (
							<li key={ intent.name }>
								<ins>{ intentLine( intent ) }</ins>
								{ ' — ' }
								{ policyLabel( intent.policy ) }
							</li>
						) ) }
					</ul>
				</>
			) }
			{ diff.removed.length > 0 && (
				<>
					<h5>{ __( 'Intents removed', 'handoff-bot' ) }</h5>
					<ul>
						{ diff.removed.map( ( intent ) => (
							<li key={ intent.name }>
								<del>{ intentLine( intent ) }</del>
							</li>
						) ) }
					</ul>
				</>
			) }
			{ diff.changed.length > 0 && (
				<>
					<h5>{ __( 'Intents changed', 'handoff-bot' ) }</h5>
					<ul>
						{ diff.changed.map( ( change ) => (
							<li key={ change.name }>
								<strong>{ intentLine( change ) }</strong>
								<ul>
									{ change.values.map( ( value ) => (
										<li key={ value.field }>
											{ fields[ value.field ] }:{ ' ' }
											<Change
												from={
													value.field === 'policy'
														? policyLabel(
																value.from
															)
														: value.from
												}
												to={
													value.field === 'policy'
														? policyLabel(
																value.to
															)
														: value.to
												}
											/>
										</li>
									) ) }
									{ change.lists.map( ( list ) => (
										<li key={ list.field }>
											{ fields[ list.field ] }:{ ' ' }
											<Items
												added={ list.added }
												removed={ list.removed }
											/>
										</li>
									) ) }
								</ul>
							</li>
						) ) }
					</ul>
				</>
			) }
			{ diff.phrases.length > 0 && (
				<>
					<h5>
						{ __( 'Phrases that ask for a person', 'handoff-bot' ) }
					</h5>
					<ul>
						{ diff.phrases.map( ( change ) => (
							<li key={ change.language }>
								{ languageName( change.language ) }:{ ' ' }
								<Items
									added={ change.added }
									removed={ change.removed }
								/>
							</li>
						) ) }
					</ul>
				</>
			) }
			{ diff.thresholds.length > 0 && (
				<>
					<h5>{ __( 'Thresholds', 'handoff-bot' ) }</h5>
					<ul>
						{ diff.thresholds.map( ( change ) => (
							<li key={ change.name }>
								{ thresholds[ change.name ] ?? change.name }:{ ' ' }
								<Change
									from={
										change.from === null
											? ''
											: String( change.from )
									}
									to={
										change.to === null
											? ''
											: String( change.to )
									}
								/>
							</li>
						) ) }
					</ul>
				</>
			) }
			{ diff.messages.length > 0 && (
				<>
					<h5>{ __( 'Messages', 'handoff-bot' ) }</h5>
					<ul>
						{ diff.messages.map( ( change ) => (
							<li key={ change.name }>
								{ sprintf(
									/* translators: %s: message name. */
									__( '%s message:', 'handoff-bot' ),
									messages[ change.name ] ?? change.name
								) }{ ' ' }
								<Change from={ change.from } to={ change.to } />
							</li>
						) ) }
					</ul>
				</>
			) }
		</div>
	);
}
