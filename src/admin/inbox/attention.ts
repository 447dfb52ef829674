/**
 * What draws an agent's attention outside the screen: a short chime, the count in the page title
 * and in the Inbox menu's bubble.
 */
import { _n, sprintf } from '@wordpress/i18n';

type AudioContextClass = typeof AudioContext;

let audio: AudioContext | null = null;

/**
 * Prepares the sound; browsers allow it only from a click, so the "turn on alerts" button calls
 * it.
 */
export function unlockSound(): void {
	const Context: AudioContextClass | undefined =
		typeof window !== 'undefined'
			? ( window.AudioContext ??
				(
					window as unknown as {
						webkitAudioContext?: AudioContextClass;
					}
				 ).webkitAudioContext )
			: undefined;
	if ( ! Context ) {
		return;
	}
	try {
		audio = audio ?? new Context();
		void audio.resume?.();
	} catch {
		audio = null;
	}
}

/**
 * Two short tones.
 */
export function playChime(): void {
	if ( ! audio ) {
		return;
	}
	try {
		const start = audio.currentTime;
		[ 660, 880 ].forEach( ( frequency, index ) => {
			if ( ! audio ) {
				return;
			}
			const oscillator = audio.createOscillator();
			const gain = audio.createGain();
			const at = start + index * 0.16;
			oscillator.frequency.value = frequency;
			gain.gain.setValueAtTime( 0.0001, at );
			gain.gain.exponentialRampToValueAtTime( 0.2, at + 0.02 );
			gain.gain.exponentialRampToValueAtTime( 0.0001, at + 0.15 );
			oscillator.connect( gain );
			gain.connect( audio.destination );
			oscillator.start( at );
			oscillator.stop( at + 0.16 );
		} );
	} catch {
		// No sound is better than a broken screen.
	}
}

const COUNT_PREFIX = /^\(\d+\)\s+/;

/**
 * The page title without a count.
 * @param title A title that may start with "(3) ".
 */
export function baseTitle( title: string ): string {
	return title.replace( COUNT_PREFIX, '' );
}

/**
 * Shows the count in the page title ("(3) Inbox ‹ Site") and in the menu's bubble.
 * @param count What needs the agent: waiting handoffs and own chats with unread messages.
 * @param title The page title without a count.
 */
export function showCount( count: number, title: string ): void {
	document.title = count > 0 ? `(${ count }) ${ title }` : title;
	const menu = document.getElementById( 'toplevel_page_handoff-bot-inbox' );
	const bubble = menu?.querySelector( '.awaiting-mod' );
	if ( bubble ) {
		bubble.className = `awaiting-mod count-${ count }`;
		const number = bubble.querySelector( '.pending-count' );
		if ( number ) {
			number.textContent = count.toLocaleString();
		}
	}
	const spoken = menu?.querySelector( '.handoff-bot-inbox-waiting' );
	if ( spoken ) {
		spoken.textContent = sprintf(
			/* translators: %s: number of handoffs that need an agent. */
			_n( '%s waiting', '%s waiting', count, 'handoff-bot' ),
			count.toLocaleString()
		);
	}
}
