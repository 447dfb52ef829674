/**
 * Managing the saved replies (people who manage the plugin): the list with each reply's team, and
 * add, edit and delete (asked to confirm first). The focus stays where the agent works: on the
 * form's first field when it opens, back on the reply's Edit button (or Add) when it closes, on
 * the next reply after a delete.
 */
import { Button, Modal, Notice } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { deleteSavedReply } from '../../../shared/api/saved-replies';
import type { SavedReply } from '../../../shared/types/inbox';
import SavedReplyForm from './SavedReplyForm';

type Team = { name: string; label: string };

type Props = {
	replies: SavedReply[];
	teams: Team[];
	onChange: ( replies: SavedReply[] ) => void;
	onClose: () => void;
};

/** Adding (null) or editing a reply; undefined while the list shows. */
type Editing = SavedReply | null | undefined;

const ADD_ID = 'handoff-bot-saved-replies-add';

function editId( reply: SavedReply ): string {
	return `handoff-bot-saved-reply-${ reply.id }-edit`;
}

export default function SavedRepliesManager( {
	replies,
	teams,
	onChange,
	onClose,
}: Props ) {
	const [ editing, setEditing ] = useState< Editing >( undefined );
	const [ confirming, setConfirming ] = useState< string | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ notice, setNotice ] = useState< {
		status: 'success' | 'error';
		text: string;
	} | null >( null );
	const [ focus, setFocus ] = useState< string | null >( null );

	// Moves the focus once the element it goes to is rendered.
	useEffect( () => {
		if ( focus ) {
			document.getElementById( focus )?.focus();
			setFocus( null );
		}
	}, [ focus, editing, confirming ] );

	const teamLabel = ( name: string ) =>
		name
			? ( teams.find( ( t ) => t.name === name )?.label ?? name )
			: __( 'All teams', 'handoff-bot' );

	const closeForm = ( target: string ) => {
		setEditing( undefined );
		setFocus( target );
	};

	const saved = ( reply: SavedReply ) => {
		const exists = replies.some( ( r ) => r.id === reply.id );
		onChange(
			exists
				? replies.map( ( r ) => ( r.id === reply.id ? reply : r ) )
				: [ ...replies, reply ]
		);
		setNotice( {
			status: 'success',
			text: sprintf(
				/* translators: %s: the reply's title. */
				__( 'Saved “%s”.', 'handoff-bot' ),
				reply.title
			),
		} );
		closeForm( editId( reply ) );
	};

	const remove = async ( reply: SavedReply ) => {
		setBusy( true );
		setNotice( null );
		try {
			await deleteSavedReply( reply.id );
			const at = replies.findIndex( ( r ) => r.id === reply.id );
			const rest = replies.filter( ( r ) => r.id !== reply.id );
			onChange( rest );
			const next = rest[ Math.min( at, rest.length - 1 ) ];
			setConfirming( null );
			setNotice( {
				status: 'success',
				text: sprintf(
					/* translators: %s: the reply's title. */
					__( 'Deleted “%s”.', 'handoff-bot' ),
					reply.title
				),
			} );
			setFocus( next ? editId( next ) : ADD_ID );
		} catch ( caught ) {
			setNotice( { status: 'error', text: errorMessage( caught ) } );
			setFocus( `handoff-bot-saved-reply-${ reply.id }-keep` );
		} finally {
			setBusy( false );
		}
	};

	let title: string = __( 'Saved replies', 'handoff-bot' );
	if ( editing === null ) {
		title = __( 'Add a saved reply', 'handoff-bot' );
	} else if ( editing ) {
		title = sprintf(
			/* translators: %s: the reply's title. */
			__( 'Edit “%s”', 'handoff-bot' ),
			editing.title
		);
	}

	return (
		<Modal
			title={ title }
			className="handoff-bot-inbox__replies-modal"
			onRequestClose={ onClose }
		>
			{ editing !== undefined ? (
				<SavedReplyForm
					reply={ editing }
					teams={ teams }
					onCancel={ () =>
						closeForm( editing ? editId( editing ) : ADD_ID )
					}
					onSaved={ saved }
				/>
			) : (
				<>
					{ notice && (
						<Notice
							status={ notice.status }
							onRemove={ () => setNotice( null ) }
						>
							{ notice.text }
						</Notice>
					) }
					<p className="handoff-bot-inbox__muted">
						{ __(
							'Agents insert these in a chat. A reply for one team is shown only to that team’s agents.',
							'handoff-bot'
						) }
					</p>
					{ replies.length ? (
						<ul className="handoff-bot-inbox__replies">
							{ replies.map( ( reply ) => (
								<li key={ reply.id }>
									<div className="handoff-bot-inbox__reply-head">
										<h2>{ reply.title }</h2>
										<span className="handoff-bot-inbox__muted">
											{ teamLabel( reply.team ) }
										</span>
									</div>
									<p className="handoff-bot-inbox__reply-text">
										{ reply.text }
									</p>
									{ ! reply.editable && (
										<p className="handoff-bot-inbox__muted">
											{ __(
												'Added by this site’s code; it cannot be changed here.',
												'handoff-bot'
											) }
										</p>
									) }
									{ reply.editable &&
										confirming !== reply.id && (
											<div className="handoff-bot-inbox__reply-actions">
												<Button
													__next40pxDefaultSize
													id={ editId( reply ) }
													variant="secondary"
													aria-label={ sprintf(
														/* translators: %s: the reply's title. */
														__(
															'Edit “%s”',
															'handoff-bot'
														),
														reply.title
													) }
													onClick={ () => {
														setNotice( null );
														setEditing( reply );
													} }
												>
													{ __(
														'Edit',
														'handoff-bot'
													) }
												</Button>
												<Button
													__next40pxDefaultSize
													id={ `handoff-bot-saved-reply-${ reply.id }-delete` }
													variant="tertiary"
													isDestructive
													aria-label={ sprintf(
														/* translators: %s: the reply's title. */
														__(
															'Delete “%s”',
															'handoff-bot'
														),
														reply.title
													) }
													onClick={ () => {
														setNotice( null );
														setConfirming(
															reply.id
														);
														setFocus(
															`handoff-bot-saved-reply-${ reply.id }-keep`
														);
													} }
												>
													{ __(
														'Delete',
														'handoff-bot'
													) }
												</Button>
											</div>
										) }
									{ confirming === reply.id && (
										<div
											className="handoff-bot-inbox__reply-confirm"
											role="group"
											aria-label={ __(
												'Confirm the delete',
												'handoff-bot'
											) }
										>
											<p>
												{ sprintf(
													/* translators: %s: the reply's title. */
													__(
														'Delete “%s”? Agents will no longer see it.',
														'handoff-bot'
													),
													reply.title
												) }
											</p>
											<Button
												__next40pxDefaultSize
												id={ `handoff-bot-saved-reply-${ reply.id }-keep` }
												variant="tertiary"
												onClick={ () => {
													setConfirming( null );
													setFocus(
														`handoff-bot-saved-reply-${ reply.id }-delete`
													);
												} }
											>
												{ __(
													'Keep it',
													'handoff-bot'
												) }
											</Button>
											<Button
												__next40pxDefaultSize
												variant="primary"
												isDestructive
												isBusy={ busy }
												accessibleWhenDisabled
												disabled={ busy }
												onClick={ () =>
													remove( reply )
												}
											>
												{ __(
													'Delete reply',
													'handoff-bot'
												) }
											</Button>
										</div>
									) }
								</li>
							) ) }
						</ul>
					) : (
						<p>{ __( 'No saved replies yet.', 'handoff-bot' ) }</p>
					) }
					<Button
						__next40pxDefaultSize
						id={ ADD_ID }
						variant="primary"
						onClick={ () => {
							setNotice( null );
							setEditing( null );
						} }
					>
						{ __( 'Add a saved reply', 'handoff-bot' ) }
					</Button>
				</>
			) }
		</Modal>
	);
}
