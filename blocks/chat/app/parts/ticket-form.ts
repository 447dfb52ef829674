/**
 * The ticket form, for when nobody can take the chat now (or the visitor would rather not wait):
 * their name, an email address or a phone callback in a time window, and their message, already
 * holding what is known and what they wrote. Loaded only when needed; its words come with the
 * draft from the server. Each field the server refuses says why, next to it; a failed send keeps
 * everything typed. It sits in the transcript, out of the log's announcements, and takes focus
 * to its heading when it opens.
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
	/** After a send that worked (or found the request taken meanwhile), or "Not now". */
	closed: ( sent: boolean, hadFocus: boolean ) => void;
};

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
 * @return The form element.
 */
export function ticketForm( options: TicketFormOptions ): HTMLFormElement {
	const { draft, uid } = options;
	const l = ( k: string ): string => draft.labels[ k ] ?? '';
	const key = newKey();
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
		input( 'text', draft.name, 'name' )
	);
	name.control.setAttribute( 'aria-required', 'true' );
	const email = field(
		'email',
		l( 'email' ),
		input( 'email', draft.email, 'email' )
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
	area.value = draft.message;
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
		summary,
		actions
	);

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
		const phoneChosen = byPhone.checked;
		const result = await options.send( {
			name: name.control.value.trim(),
			email: email.control.value.trim(),
			contact: phoneChosen ? 'phone' : 'email',
			phone: phoneChosen
				? ( fields.phone?.control.value.trim() ?? '' )
				: '',
			window: phoneChosen ? ( fields.window?.control.value ?? '' ) : '',
			timezone: phoneChosen ? options.timezone : '',
			message: area.value.trim(),
			idempotency_key: key,
		} );
		submit.disabled = false;
		submit.textContent = l( 'send' );
		if ( result.ok || result.status === 409 ) {
			const focused = hadFocus();
			form.remove();
			options.closed( true, focused );
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
		options.closed( false, focused );
	} );
	return form;
}
