/**
 * The ticket form, for when nobody can take the chat now (or the visitor would rather not wait):
 * their name, an email address or a phone callback in a time window, and their message, already
 * holding what is known and what they wrote. Loaded only when needed; its words come with the
 * draft from the server. Each field the server refuses says why, next to it; a failed send keeps
 * everything typed, and what is typed is kept in the tab (sessionStorage) until it is sent, so a
 * reload loses nothing. A field people never see catches bots, and the form waits a moment
 * before sending one filled in at once. It sits in the transcript, out of the log's
 * announcements, and takes focus to its heading when it opens.
 */
import type { TicketAnswers, TicketDraft, TicketReceipt } from '../../types';
import type { ApiResult } from '../api';
import { button, h } from '../dom';

export type TicketFormOptions = {
	draft: TicketDraft;
	/** A prefix for ids unique to this block. */
	uid: string;
	/** The visitor's time zone (IANA), '' when unknown. */
	timezone: string;
	send: ( answers: TicketAnswers ) => Promise< ApiResult< TicketReceipt > >;
	/**
	 * The form went: `sent` (a receipt came), `later` ("Not now"), or `taken` (a person took the
	 * chat meanwhile: the message goes to the composer, with the server's words).
	 */
	closed: ( how: 'sent' | 'later' | 'taken', hadFocus: boolean ) => void;
	/** The visitor is typing (the chat keeps reading while they do). */
	active: () => void;
	/** Where typed answers wait until they are sent (null: nowhere). */
	store: Storage | null;
	now?: () => number;
	wait?: ( ms: number ) => Promise< void >;
};

/** What the chat holds of an open form. */
export type TicketFormHandle = {
	node: HTMLFormElement;
	/** Whether the visitor changed anything. */
	dirty: () => boolean;
	/** The message as typed. */
	message: () => string;
};

/** The sessionStorage key of the answers typed and not yet sent. */
export const DRAFT_KEY = 'handoff-bot-ticket-draft';

/** The least time from opening to sending (Visitor_Ticket_Controller::MIN_FILL_MS). */
export const MIN_FILL_MS = 1200;

type Saved = Partial< Record< string, string > >;

function readSaved( store: Storage | null ): Saved {
	try {
		const value = JSON.parse( store?.getItem( DRAFT_KEY ) ?? 'null' );
		return value && typeof value === 'object' ? ( value as Saved ) : {};
	} catch {
		return {};
	}
}

type Field = {
	wrap: HTMLElement;
	control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
	error: HTMLElement;
};

/**
 * A random idempotency key for one form.
 */
function newKey(): string {
	const bytes = new Uint8Array( 12 );
	crypto.getRandomValues( bytes );
	return (
		'tk_' +
		Array.from( bytes, ( b ) => b.toString( 16 ).padStart( 2, '0' ) ).join(
			''
		)
	);
}

/**
 * Builds the form.
 * @param options What it needs.
 * @return The form and what the chat reads of it.
 */
export function ticketForm( options: TicketFormOptions ): TicketFormHandle {
	const { draft, uid, store } = options;
	const now = options.now ?? ( () => Date.now() );
	const wait =
		options.wait ??
		( ( ms: number ) =>
			new Promise< void >( ( resolve ) => setTimeout( resolve, ms ) ) );
	const opened = now();
	const saved = readSaved( store );
	let changed = Object.keys( saved ).length > 0;
	const l = ( k: string ): string => draft.labels[ k ] ?? '';
	const key = saved.key || newKey();
	const form = h( 'form', 'ticket' );
	form.noValidate = true;
	// Inside the transcript's log, but not read out as a whole: focus goes to its heading.
	form.setAttribute( 'aria-live', 'off' );
	const title = h( 'h3', 'ticket-title', l( 'title' ) );
	title.id = `${ uid }ticket-title`;
	title.tabIndex = -1;
	form.setAttribute( 'aria-labelledby', title.id );
	const intro = h( 'p', 'ticket-intro', l( 'intro' ) );

	const fields: Record< string, Field > = {};

	function field(
		name: string,
		label: string,
		control: Field[ 'control' ]
	): Field {
		const wrap = h( 'p', 'ticket-field' );
		const id = `${ uid }ticket-${ name }`;
		const text = h( 'label', 'ticket-label', label );
		text.htmlFor = id;
		control.id = id;
		control.name = name;
		control.className = 'handoff-bot-chat__ticket-input';
		const error = h( 'span', 'ticket-error' );
		error.id = `${ id }-error`;
		error.hidden = true;
		wrap.append( text, control, error );
		fields[ name ] = { wrap, control, error };
		return fields[ name ]!;
	}

	function input(
		type: string,
		value: string,
		autocomplete: string
	): HTMLInputElement {
		const node = document.createElement( 'input' );
		node.type = type;
		node.value = value;
		node.autocomplete = autocomplete as AutoFill;
		return node;
	}

	const name = field(
		'name',
		l( 'name' ),
		input( 'text', saved.name ?? draft.name, 'name' )
	);
	name.control.setAttribute( 'aria-required', 'true' );
	const email = field(
		'email',
		l( 'email' ),
		input( 'email', saved.email ?? draft.email, 'email' )
	);

	// Email or a phone callback, where the site offers callbacks.
	let contact: HTMLFieldSetElement | null = null;
	const byPhone = document.createElement( 'input' );
	const phoneGroup = h( 'div', 'ticket-phone' );
	phoneGroup.hidden = true;
	if ( draft.callback ) {
		contact = h( 'fieldset', 'ticket-contact' );
		contact.append( h( 'legend', 'ticket-label', l( 'contact' ) ) );
		const byEmail = document.createElement( 'input' );
		for ( const [ radio, value, text ] of [
			[ byEmail, 'email', l( 'contactEmail' ) ],
			[ byPhone, 'phone', l( 'contactPhone' ) ],
		] as const ) {
			radio.type = 'radio';
			radio.name = `${ uid }ticket-contact`;
			radio.value = value;
			radio.id = `${ uid }ticket-contact-${ value }`;
			const label = h( 'label', 'ticket-choice' );
			label.append( radio, document.createTextNode( ' ' + text ) );
			contact.append( label );
			radio.addEventListener( 'change', () => {
				phoneGroup.hidden = ! byPhone.checked;
				email.control.setAttribute(
					'aria-required',
					String( ! byPhone.checked )
				);
			} );
		}
		byEmail.checked = true;
		const phone = field( 'phone', l( 'phone' ), input( 'tel', '', 'tel' ) );
		const select = document.createElement( 'select' );
		for ( const [ value, hours ] of Object.entries( draft.windows ) ) {
			const option = document.createElement( 'option' );
			option.value = value;
			option.textContent = `${ l( 'window_' + value ) || value } (${ String(
				hours[ 0 ]
			).padStart( 2, '0' ) }:00–${ String( hours[ 1 ] ).padStart(
				2,
				'0'
			) }:00)`;
			select.append( option );
		}
		const windowField = field( 'window', l( 'window' ), select );
		const zone = h(
			'span',
			'ticket-hint',
			( l( 'timezone' ) || '%s' ).replace(
				'%s',
				options.timezone || l( 'siteTimezone' )
			)
		);
		windowField.wrap.append( zone );
		phoneGroup.append( phone.wrap, windowField.wrap );
	}
	email.control.setAttribute( 'aria-required', 'true' );

	const message = field(
		'message',
		l( 'message' ),
		document.createElement( 'textarea' )
	);
	const area = message.control as HTMLTextAreaElement;
	area.rows = 5;
	area.maxLength = 4000;
	area.value = saved.message ?? draft.message;
	if ( contact && saved.contact === 'phone' ) {
		byPhone.checked = true;
		phoneGroup.hidden = false;
		email.control.setAttribute( 'aria-required', 'false' );
	}
	if ( fields.phone && saved.phone ) {
		fields.phone.control.value = saved.phone;
	}
	if ( fields.window && saved.window ) {
		fields.window.control.value = saved.window;
	}

	// Bots fill in every field; people never see this one.
	const trap = document.createElement( 'input' );
	trap.type = 'text';
	trap.name = 'website';
	trap.tabIndex = -1;
	trap.autocomplete = 'off';
	const trapWrap = h( 'p', 'ticket-trap' );
	trapWrap.setAttribute( 'aria-hidden', 'true' );
	trapWrap.append( trap );
	area.setAttribute( 'aria-required', 'true' );

	const summary = h( 'p', 'ticket-failed' );
	summary.setAttribute( 'role', 'alert' );
	summary.hidden = true;
	const submit = h( 'button', 'ticket-send', l( 'send' ) );
	submit.type = 'submit';
	const later = button( 'ticket-later', l( 'later' ) );
	const actions = h( 'p', 'ticket-actions' );
	actions.append( submit, later );

	form.append(
		title,
		intro,
		name.wrap,
		email.wrap,
		...( contact ? [ contact, phoneGroup ] : [] ),
		message.wrap,
		trapWrap,
		summary,
		actions
	);

	function answers(): Omit<
		TicketAnswers,
		'idempotency_key' | 'elapsed_ms' | 'website'
	> {
		const phoneChosen = byPhone.checked;
		return {
			name: name.control.value.trim(),
			email: email.control.value.trim(),
			contact: phoneChosen ? 'phone' : 'email',
			phone: phoneChosen
				? ( fields.phone?.control.value.trim() ?? '' )
				: '',
			window: phoneChosen ? ( fields.window?.control.value ?? '' ) : '',
			timezone: phoneChosen ? options.timezone : '',
			message: area.value.trim(),
		};
	}

	function forget(): void {
		try {
			store?.removeItem( DRAFT_KEY );
		} catch {
			// Nothing kept, nothing to forget.
		}
	}

	form.addEventListener( 'input', () => {
		changed = true;
		options.active();
		try {
			store?.setItem(
				DRAFT_KEY,
				JSON.stringify( { ...answers(), key } )
			);
		} catch {
			// A full or blocked storage: the form still works, it is only not kept.
		}
	} );

	function showErrors( errors: Record< string, string > ): void {
		let first: Field[ 'control' ] | null = null;
		for ( const [ fieldName, f ] of Object.entries( fields ) ) {
			const text = errors[ fieldName ] ?? '';
			f.error.textContent = text;
			f.error.hidden = ! text;
			if ( text ) {
				f.control.setAttribute( 'aria-invalid', 'true' );
				f.control.setAttribute( 'aria-describedby', f.error.id );
				first ||= f.control;
			} else {
				f.control.removeAttribute( 'aria-invalid' );
				f.control.removeAttribute( 'aria-describedby' );
			}
		}
		// A field the form does not show (a time zone): say it in the summary.
		const other = Object.keys( errors ).filter( ( k ) => ! fields[ k ] );
		summary.textContent = other.length
			? other.map( ( k ) => errors[ k ] ).join( ' ' )
			: l( 'fix' );
		summary.hidden = false;
		( first ?? submit ).focus();
	}

	function hadFocus(): boolean {
		return form.contains( form.ownerDocument.activeElement );
	}

	form.addEventListener( 'submit', async ( event ) => {
		event.preventDefault();
		if ( submit.disabled ) {
			return;
		}
		submit.disabled = true;
		submit.textContent = l( 'sending' ) || l( 'send' );
		summary.hidden = true;
		// A form sent at once is what bots do: a person who is that quick waits a moment.
		const elapsed = now() - opened;
		if ( elapsed < MIN_FILL_MS ) {
			await wait( MIN_FILL_MS - elapsed );
		}
		const result = await options.send( {
			...answers(),
			idempotency_key: key,
			elapsed_ms: Math.max( MIN_FILL_MS, Math.round( now() - opened ) ),
			website: trap.value,
		} );
		submit.disabled = false;
		submit.textContent = l( 'send' );
		if ( result.ok ) {
			forget();
			const focused = hadFocus();
			form.remove();
			options.closed( 'sent', focused );
			return;
		}
		if ( result.code === 'handoff_bot_handoff_taken' ) {
			// A person took the chat: what was typed goes to them through the composer.
			const focused = hadFocus();
			form.remove();
			options.closed( 'taken', focused );
			return;
		}
		if ( result.status === 409 && result.message ) {
			summary.textContent = result.message;
			summary.hidden = false;
			return;
		}
		if ( result.status === 400 && result.fields ) {
			showErrors( result.fields );
			return;
		}
		summary.textContent = l( 'failed' );
		summary.hidden = false;
	} );
	later.addEventListener( 'click', () => {
		const focused = hadFocus();
		form.remove();
		options.closed( 'later', focused );
	} );
	return {
		node: form,
		dirty: () => changed,
		message: () => area.value.trim(),
	};
}
