/**
 * Connections: where the team hears about handoffs. Per team (or every team), the email inboxes,
 * webhooks and Slack webhooks, each with a test message and its steps, and the delivery log
 * beside them. A webhook's secret is shown once, when it is made or rotated. Every change is a
 * config version with an optional change note.
 */
import { Notice, SelectControl, Spinner } from '@wordpress/components';
import type { View } from '@wordpress/dataviews';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../shared/api';
import { getAvailability } from '../../shared/api/availability';
import {
	deleteConnection,
	getConnections,
	rotateSecret,
	sendTest,
} from '../../shared/api/connections';
import type {
	Connection,
	ConnectionKind,
	ConnectionWithSecret,
} from '../../shared/types/connections';
import ConfirmDialog from './components/ConfirmDialog';
import ConnectionCard from './components/ConnectionCard';
import ConnectionForm, { type TeamChoice } from './components/ConnectionForm';
import DeliveryLog, {
	FIRST_VIEW,
	withConnection,
} from './components/DeliveryLog';
import SecretDialog from './components/SecretDialog';
import type { TestState } from './components/TestResult';
import { KINDS, kindLabel } from './labels';

type Form = { kind: ConnectionKind; connection: Connection | null };
type Confirm = { step: 'delete' | 'rotate'; connection: Connection };
type Secret = { label: string; secret: string };

/**
 * The connections that serve a team: those for it and those for every team ('' : all of them).
 * @param connections Every connection.
 * @param team        A team's name, or ''.
 */
export function forTeam( connections: Connection[], team: string ) {
	return team
		? connections.filter(
				( c ) => ! c.teams.length || c.teams.includes( team )
			)
		: connections;
}

export default function App() {
	const [ connections, setConnections ] = useState< Connection[] | null >(
		null
	);
	const [ teams, setTeams ] = useState< TeamChoice[] >( [] );
	const [ team, setTeam ] = useState( '' );
	const [ failure, setFailure ] = useState( '' );
	const [ notice, setNotice ] = useState( '' );
	const [ form, setForm ] = useState< Form | null >( null );
	const [ confirm, setConfirm ] = useState< Confirm | null >( null );
	const [ secret, setSecret ] = useState< Secret | null >( null );
	const [ tests, setTests ] = useState< Record< string, TestState > >( {} );
	const [ logView, setLogView ] = useState< View >( FIRST_VIEW );
	const [ logReload, setLogReload ] = useState( 0 );

	const load = () =>
		getConnections().then( ( found ) => {
			setConnections( found );
			setFailure( '' );
		} );

	useEffect( () => {
		load().catch( ( e ) => setFailure( errorMessage( e ) ) );
		getAvailability()
			.then( ( state ) =>
				setTeams(
					state.availability.teams.map( ( t ) => ( {
						name: t.name,
						label: t.label,
					} ) )
				)
			)
			.catch( () => setTeams( [] ) );
	}, [] );

	const shown = useMemo(
		() => forTeam( connections ?? [], team ),
		[ connections, team ]
	);

	if ( ! connections ) {
		return failure ? (
			<Notice status="error" isDismissible={ false }>
				{ failure }
			</Notice>
		) : (
			<Spinner />
		);
	}

	const afterChange = ( text: string ) => {
		setNotice( text );
		load().catch( ( e ) => setFailure( errorMessage( e ) ) );
	};

	const saved = ( connection: ConnectionWithSecret, created: boolean ) => {
		setForm( null );
		afterChange(
			created
				? sprintf(
						/* translators: %s: the connection's name. */
						__( '“%s” was added.', 'handoff-bot' ),
						connection.label
					)
				: sprintf(
						/* translators: %s: the connection's name. */
						__( '“%s” was saved.', 'handoff-bot' ),
						connection.label
					)
		);
		if ( connection.secret ) {
			setSecret( { label: connection.label, secret: connection.secret } );
		}
	};

	const test = ( connection: Connection ) => {
		setTests( ( all ) => ( {
			...all,
			[ connection.id ]: { busy: true },
		} ) );
		sendTest( connection.id )
			.then( ( delivery ) => {
				setTests( ( all ) => ( {
					...all,
					[ connection.id ]: { busy: false, delivery },
				} ) );
				setLogReload( ( n ) => n + 1 );
			} )
			.catch( ( e ) =>
				setTests( ( all ) => ( {
					...all,
					[ connection.id ]: {
						busy: false,
						error: errorMessage( e ),
					},
				} ) )
			);
	};

	const dismissTest = ( connection: Connection ) =>
		setTests( ( all ) => {
			const rest = { ...all };
			delete rest[ connection.id ];
			return rest;
		} );

	const teamOptions = [
		{ value: '', label: __( 'All teams', 'handoff-bot' ) },
		...teams.map( ( t ) => ( {
			value: t.name,
			label: t.label || t.name,
		} ) ),
	];

	return (
		<div className="handoff-bot-connections">
			{ failure && (
				<Notice status="error" onRemove={ () => setFailure( '' ) }>
					{ failure }
				</Notice>
			) }
			{ notice && (
				<Notice status="success" onRemove={ () => setNotice( '' ) }>
					{ notice }
				</Notice>
			) }
			<div className="handoff-bot-connections__bar">
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Show connections for', 'handoff-bot' ) }
					value={ team }
					options={ teamOptions }
					onChange={ setTeam }
				/>
				<p>
					{ team
						? __(
								'Those for this team, and those for every team. What you add here starts with this team.',
								'handoff-bot'
							)
						: __(
								'Every connection, whichever teams it serves.',
								'handoff-bot'
							) }
				</p>
			</div>
			<div className="handoff-bot-connections__layout">
				<div className="handoff-bot-connections__cards">
					{ KINDS.map( ( kind ) => (
						<ConnectionCard
							key={ kind }
							kind={ kind }
							connections={ shown.filter(
								( c ) => c.kind === kind
							) }
							teams={ teams }
							tests={ tests }
							onAdd={ () =>
								setForm( { kind, connection: null } )
							}
							onTest={ test }
							onDismissTest={ dismissTest }
							onDeliveries={ ( connection ) =>
								setLogView( ( view ) =>
									withConnection( view, connection.id )
								)
							}
							onEdit={ ( connection ) =>
								setForm( { kind, connection } )
							}
							onRotate={ ( connection ) =>
								setConfirm( { step: 'rotate', connection } )
							}
							onDelete={ ( connection ) =>
								setConfirm( { step: 'delete', connection } )
							}
						/>
					) ) }
				</div>
				<section
					className="handoff-bot-connections__log-panel"
					aria-labelledby="handoff-bot-connections-log-title"
				>
					<h2 id="handoff-bot-connections-log-title">
						{ __( 'Delivery log', 'handoff-bot' ) }
					</h2>
					<DeliveryLog
						connections={ connections }
						view={ logView }
						onChangeView={ setLogView }
						reload={ logReload }
					/>
				</section>
			</div>
			{ form && (
				<ConnectionForm
					kind={ form.kind }
					connection={ form.connection }
					teams={ teams }
					defaultTeams={ team ? [ team ] : [] }
					onClose={ () => setForm( null ) }
					onSaved={ saved }
				/>
			) }
			{ confirm?.step === 'delete' && (
				<ConfirmDialog
					title={ sprintf(
						/* translators: 1: kind of connection, 2: its name. */
						__( 'Delete %1$s “%2$s”?', 'handoff-bot' ),
						kindLabel( confirm.connection.kind ).toLowerCase(),
						confirm.connection.label
					) }
					text={ __(
						'It stops sending at once, and deliveries still waiting to be sent to it fail. Its past deliveries stay in the log.',
						'handoff-bot'
					) }
					confirm={ __( 'Delete', 'handoff-bot' ) }
					onClose={ () => setConfirm( null ) }
					onConfirm={ ( note ) =>
						deleteConnection( confirm.connection.id, note ).then(
							() => {
								setConfirm( null );
								afterChange(
									sprintf(
										/* translators: %s: the connection's name. */
										__(
											'“%s” was deleted.',
											'handoff-bot'
										),
										confirm.connection.label
									)
								);
							}
						)
					}
				/>
			) }
			{ confirm?.step === 'rotate' && (
				<ConfirmDialog
					title={ sprintf(
						/* translators: %s: the webhook's name. */
						__( 'Rotate the secret of “%s”?', 'handoff-bot' ),
						confirm.connection.label
					) }
					text={ __(
						'The current secret stops signing at once: until your receiver has the new one, it will refuse the webhook’s requests.',
						'handoff-bot'
					) }
					confirm={ __( 'Rotate secret', 'handoff-bot' ) }
					onClose={ () => setConfirm( null ) }
					onConfirm={ ( note ) =>
						rotateSecret( confirm.connection.id, note ).then(
							( rotated ) => {
								setConfirm( null );
								afterChange(
									sprintf(
										/* translators: %s: the webhook's name. */
										__(
											'“%s” has a new signing secret.',
											'handoff-bot'
										),
										rotated.label
									)
								);
								if ( rotated.secret ) {
									setSecret( {
										label: rotated.label,
										secret: rotated.secret,
									} );
								}
							}
						)
					}
				/>
			) }
			{ secret && (
				<SecretDialog
					label={ secret.label }
					secret={ secret.secret }
					onClose={ () => setSecret( null ) }
				/>
			) }
		</div>
	);
}
