/**
 * The visitor's messages on their way: shown at once after the transcript, with a line saying why
 * one is not sent yet (retrying, held back by a rate limit, refused), until the server has it.
 */
import type { SendResponse } from '../../types';
import type { Clock, OutboxEntry } from '../outbox';
import { h, PREFIX, safeHref } from '../dom';
import { timeOfDay, waitInWords } from '../wait';
import type { ViewContext } from './context';
import type { Transcript } from './transcript';

/**
 * @param ctx        The view's context.
 * @param transcript The transcript the messages go in.
 * @param clock      The clock the outbox's retry times are on.
 */
export function createPending(
	ctx: ViewContext,
	transcript: Transcript,
	clock: Pick< Clock, 'now' >
) {
	const { s, config } = ctx;
	const { log, typing, byId } = transcript;
	const contactHref = safeHref( config.contactUrl || '' );
	const byKey = new Map< string, HTMLElement >();
	/** Unsent messages the restored transcript already shows. */
	const adopted = new Set< string >();

	/**
	 * What a message held back by a rate limit says: when it goes out, in words and as a time.
	 * @param retryAt When it is sent (clock time).
	 * @param limit   Which limit holds it back.
	 */
	function heldBack(
		retryAt: number,
		limit: OutboxEntry[ 'rateLimited' ]
	): string {
		const wait = Math.max( 0, retryAt - clock.now() );
		const at = timeOfDay( Date.now() + wait, config.locale );
		const text =
			limit === 'conversation' && s.rateLimitedConversation
				? s.rateLimitedConversation
				: s.rateLimited;
		return text
			.replace( '%1$s', waitInWords( wait, config.locale ) )
			.replace( '%2$s', at );
	}

	function setStatus( node: HTMLElement, entry: OutboxEntry ): void {
		let status = node.querySelector< HTMLElement >( `.${ PREFIX }status` );
		const failed = entry.state === 'failed';
		const held =
			! failed &&
			!! entry.rateLimited &&
			entry.retryAt !== undefined &&
			!! s.rateLimited;
		let text = entry.tries > 0 ? s.retrying : '';
		if ( failed ) {
			text = `${ s.notSent } ${ entry.error || s.genericError }`;
		} else if ( held ) {
			text = heldBack( entry.retryAt!, entry.rateLimited );
		}
		node.classList.toggle( 'is-failed', failed );
		node.classList.toggle( 'is-pending', ! failed );
		if ( ! text ) {
			status?.remove();
			return;
		}
		if ( ! status ) {
			status = h( 'p', 'status' );
			node.append( status );
		}
		// Another way to reach the site, for a visitor who cannot wait.
		const contact = held && contactHref && s.contactLink;
		const shown = contact
			? `${ text } ${ s.contactSooner } ${ s.contactLink }`
			: text;
		if ( status.textContent !== shown ) {
			status.textContent = contact
				? `${ text } ${ s.contactSooner } `
				: text;
			if ( contact ) {
				const link = h( 'a', 'contact', s.contactLink );
				link.href = contactHref;
				status.append( link );
			}
		}
	}

	return {
		/**
		 * Shows the unsent messages, in the order typed.
		 * @param entries The outbox.
		 */
		outbox( entries: readonly OutboxEntry[] ): void {
			// Backwards, so a node shown late still goes before the entries typed after it.
			let next: HTMLElement = typing.node;
			for ( let i = entries.length - 1; i >= 0; i-- ) {
				const entry = entries[ i ]!;
				if ( adopted.has( entry.key ) ) {
					continue;
				}
				let node = byKey.get( entry.key );
				if ( ! node ) {
					node = transcript.bubble( 'visitor', entry.text );
					node.setAttribute( 'data-key', entry.key );
					byKey.set( entry.key, node );
					log.insertBefore( node, next );
				}
				setStatus( node, entry );
				next = node;
			}
			typing.sending( entries.some( ( e ) => e.state === 'sending' ) );
			transcript.scrollDown();
		},

		/**
		 * A message reached the server: its bubble becomes the stored message, and the reply (if
		 * the bot gave one) follows.
		 * @param entry    The outbox entry.
		 * @param response The server's answer.
		 */
		delivered( entry: OutboxEntry, response: SendResponse ): void {
			const node = byKey.get( entry.key );
			byKey.delete( entry.key );
			const { message, reply } = response;
			if ( adopted.delete( entry.key ) && node ) {
				// Shown from the restored transcript already. If it went into a new conversation
				// (the old one was lost), the same bubble now stands for the new copy.
				if ( ! byId.has( message.id ) ) {
					node.setAttribute( 'data-id', String( message.id ) );
					byId.set( message.id, node );
					// Its answer from the lost conversation gives way to the new one.
					const old = node.nextElementSibling as HTMLElement | null;
					if (
						old?.classList.contains( 'is-bot' ) &&
						old.dataset.id
					) {
						byId.delete( Number( old.dataset.id ) );
						old.remove();
					}
				}
			} else if ( node ) {
				if ( byId.has( message.id ) ) {
					// Already shown (restored from the server before its reply got here).
					node.remove();
				} else {
					node.classList.remove( 'is-pending', 'is-failed' );
					node.querySelector( `.${ PREFIX }status` )?.remove();
					node.setAttribute( 'data-id', String( message.id ) );
					node.removeAttribute( 'data-key' );
					byId.set( message.id, node );
					transcript.masked( node, message );
				}
			} else {
				transcript.message( message );
			}
			if ( reply ) {
				transcript.message( reply );
			}
			transcript.scrollDown();
		},

		/**
		 * An unsent message the restored transcript already shows.
		 * @param key       Its outbox key.
		 * @param messageId The stored message.
		 */
		adopt( key: string, messageId: number ): void {
			const node = byId.get( messageId );
			if ( node ) {
				adopted.add( key );
				byKey.set( key, node );
			}
		},
	};
}
