/**
 * One kind of connection (email inboxes, webhooks or Slack) for the teams shown: each with where
 * it sends, its teams and events, and its steps (send a test, show its deliveries, edit, rotate a
 * webhook's secret, delete), and the answer to its last test.
 */
import { Button, Card, CardBody, CardHeader } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type {
	Connection,
	ConnectionKind,
} from '../../../shared/types/connections';
import { addLabel, eventLabel, kindIntro, kindTitle } from '../labels';
import type { TeamChoice } from './ConnectionForm';
import TestResult, { type TestState } from './TestResult';

type Props = {
	kind: ConnectionKind;
	connections: Connection[];
	teams: TeamChoice[];
	tests: Record< string, TestState >;
	onAdd: () => void;
	onTest: ( connection: Connection ) => void;
	onDismissTest: ( connection: Connection ) => void;
	onDeliveries: ( connection: Connection ) => void;
	onEdit: ( connection: Connection ) => void;
	onRotate: ( connection: Connection ) => void;
	onDelete: ( connection: Connection ) => void;
};

function teamsText( names: string[], teams: TeamChoice[] ): string {
	if ( ! names.length ) {
		return __( 'Every team', 'handoff-bot' );
	}
	return names
		.map(
			( name ) => teams.find( ( t ) => t.name === name )?.label || name
		)
		.join( ', ' );
}

function emptyText( kind: ConnectionKind ): string {
	switch ( kind ) {
		case 'email':
			return __( 'No email inbox here yet.', 'handoff-bot' );
		case 'webhook':
			return __( 'No webhook here yet.', 'handoff-bot' );
		default:
			return __( 'No Slack webhook here yet.', 'handoff-bot' );
	}
}

export default function ConnectionCard( {
	kind,
	connections,
	teams,
	tests,
	onAdd,
	onTest,
	onDismissTest,
	onDeliveries,
	onEdit,
	onRotate,
	onDelete,
}: Props ) {
	const heading = `handoff-bot-connections-${ kind }-title`;
	return (
		<Card className="handoff-bot-connections__card">
			<CardHeader>
				<h2 id={ heading }>{ kindTitle( kind ) }</h2>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ onAdd }
				>
					{ addLabel( kind ) }
				</Button>
			</CardHeader>
			<CardBody>
				<section aria-labelledby={ heading }>
					<p className="handoff-bot-connections__intro">
						{ kindIntro( kind ) }
					</p>
					{ ! connections.length && (
						<p className="handoff-bot-connections__empty">
							{ emptyText( kind ) }
						</p>
					) }
					<ul className="handoff-bot-connections__items">
						{ connections.map( ( connection ) => {
							const test = tests[ connection.id ];
							const name = connection.label;
							return (
								<li
									key={ connection.id }
									className="handoff-bot-connections__item"
									data-connection={ connection.id }
								>
									<div className="handoff-bot-connections__item-head">
										<h3>{ name }</h3>
										<span
											className={ `handoff-bot-connections__state is-${
												connection.enabled
													? 'on'
													: 'off'
											}` }
										>
											{ connection.enabled
												? __( 'On', 'handoff-bot' )
												: __( 'Off', 'handoff-bot' ) }
										</span>
									</div>
									<dl className="handoff-bot-connections__facts">
										<dt>
											{ kind === 'email'
												? __(
														'Sends to',
														'handoff-bot'
													)
												: __(
														'Posts to',
														'handoff-bot'
													) }
										</dt>
										<dd>
											<code>{ connection.target }</code>
										</dd>
										<dt>
											{ __( 'Teams', 'handoff-bot' ) }
										</dt>
										<dd>
											{ teamsText(
												connection.teams,
												teams
											) }
										</dd>
										<dt>
											{ __( 'Events', 'handoff-bot' ) }
										</dt>
										<dd>
											{ connection.events
												.map( eventLabel )
												.join( ', ' ) }
										</dd>
									</dl>
									<div className="handoff-bot-connections__buttons">
										<Button
											__next40pxDefaultSize
											variant="secondary"
											isBusy={ !! test?.busy }
											disabled={ !! test?.busy }
											accessibleWhenDisabled
											aria-label={ sprintf(
												/* translators: %s: the connection's name. */
												__(
													'Send a test to %s',
													'handoff-bot'
												),
												name
											) }
											onClick={ () =>
												onTest( connection )
											}
										>
											{ __(
												'Send a test',
												'handoff-bot'
											) }
										</Button>
										<Button
											__next40pxDefaultSize
											variant="tertiary"
											aria-label={ sprintf(
												/* translators: %s: the connection's name. */
												__(
													'Deliveries to %s',
													'handoff-bot'
												),
												name
											) }
											onClick={ () =>
												onDeliveries( connection )
											}
										>
											{ __(
												'Deliveries',
												'handoff-bot'
											) }
										</Button>
										<Button
											__next40pxDefaultSize
											variant="tertiary"
											aria-label={ sprintf(
												/* translators: %s: the connection's name. */
												__( 'Edit %s', 'handoff-bot' ),
												name
											) }
											onClick={ () =>
												onEdit( connection )
											}
										>
											{ __( 'Edit', 'handoff-bot' ) }
										</Button>
										{ kind === 'webhook' && (
											<Button
												__next40pxDefaultSize
												variant="tertiary"
												aria-label={ sprintf(
													/* translators: %s: the webhook's name. */
													__(
														'Rotate secret of %s',
														'handoff-bot'
													),
													name
												) }
												onClick={ () =>
													onRotate( connection )
												}
											>
												{ __(
													'Rotate secret',
													'handoff-bot'
												) }
											</Button>
										) }
										<Button
											__next40pxDefaultSize
											variant="tertiary"
											isDestructive
											aria-label={ sprintf(
												/* translators: %s: the connection's name. */
												__(
													'Delete %s',
													'handoff-bot'
												),
												name
											) }
											onClick={ () =>
												onDelete( connection )
											}
										>
											{ __( 'Delete', 'handoff-bot' ) }
										</Button>
									</div>
									{ test && (
										<TestResult
											state={ test }
											onDismiss={ () =>
												onDismissTest( connection )
											}
										/>
									) }
								</li>
							);
						} ) }
					</ul>
				</section>
			</CardBody>
		</Card>
	);
}
