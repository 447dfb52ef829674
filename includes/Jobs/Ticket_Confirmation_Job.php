<?php
/**
 * Emails visitors the confirmation of the ticket they left.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Jobs;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Handoff\Ticket_Form;
use HandoffBot\Handoff\Ticket_Service;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Never in the visitor's request: the ticket is stored first, then this job (an Action Scheduler
 * action where the site has it, else a WP-Cron event) sends the email with `wp_mail()`, so the
 * site's mail set-up applies. A send that fails is tried again after 1, 2, 4 and 8 minutes, then
 * recorded as failed; a confirmation sent is recorded too, so a job that runs twice sends once.
 */
final class Ticket_Confirmation_Job implements Registrable {

	/**
	 * The action; its arguments are the handoff and the attempt (from 1).
	 */
	public const HOOK = 'handoff_bot_ticket_confirmation';

	/**
	 * Attempts in all.
	 */
	public const ATTEMPTS = 5;

	/**
	 * Confirmations an address gets in a day at most (the form could otherwise send mail to
	 * anyone's address, over and over).
	 */
	public const CAP = 3;

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Events.
	 *
	 * @var Event_Repository
	 */
	private Event_Repository $events;

	/**
	 * Builds the job.
	 *
	 * @param Handoff_Repository $handoffs Handoffs.
	 * @param Event_Repository   $events   Events.
	 */
	public function __construct( Handoff_Repository $handoffs, Event_Repository $events ) {
		$this->handoffs = $handoffs;
		$this->events   = $events;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ), 10, 2 );
	}

	/**
	 * Queues the confirmation of a ticket.
	 *
	 * @param int $handoff_id The ticket's handoff.
	 * @param int $attempt    Which attempt (from 1).
	 * @param int $delay      Seconds from now.
	 * @return bool Whether it was queued.
	 */
	public static function schedule( int $handoff_id, int $attempt = 1, int $delay = 0 ): bool {
		$args = array( $handoff_id, $attempt );
		if ( function_exists( 'as_schedule_single_action' ) ) {
			try {
				if ( as_schedule_single_action( time() + $delay, self::HOOK, $args, Reindex_Job::GROUP ) ) {
					return true;
				}
			} catch ( \Throwable $e ) {
				// WP-Cron, then.
				unset( $e );
			}
		}
		return true === wp_schedule_single_event( time() + $delay, self::HOOK, $args, true );
	}

	/**
	 * Sends the confirmation (once), or queues the next attempt.
	 *
	 * @param mixed $handoff_id The handoff.
	 * @param mixed $attempt    Which attempt.
	 */
	public function run( $handoff_id, $attempt = 1 ): void {
		$handoff_id = (int) $handoff_id;
		$attempt    = max( 1, (int) $attempt );
		try {
			$handoff = $this->handoffs->find( $handoff_id );
			if ( null === $handoff || $this->happened( 'ticket_confirmation_sent', $handoff['conversation_id'], $handoff_id ) ) {
				return;
			}
			$form = $this->handoffs->context( $handoff_id )['form'] ?? array();
			if ( ! is_array( $form ) || empty( $form['email'] ) || ! is_string( $form['email'] ) ) {
				return;
			}
			$cap_key = 'handoff_bot_confirmations_' . substr( hash_hmac( 'sha256', strtolower( trim( $form['email'] ) ), wp_salt( 'nonce' ) ), 0, 32 );
			if ( (int) get_transient( $cap_key ) >= self::CAP ) {
				// An address sent many confirmations in a day: no more today (the ticket stands).
				$this->events->record( 'ticket_confirmation_capped', $handoff['conversation_id'], array(), $handoff_id );
				return;
			}
			$sent = wp_mail( $form['email'], self::subject( $handoff_id, $handoff['route'] ), self::body( $handoff_id, $form, $this->happened( 'abandoned', $handoff['conversation_id'], $handoff_id ) ) );
			if ( $sent ) {
				set_transient( $cap_key, (int) get_transient( $cap_key ) + 1, DAY_IN_SECONDS );
				$this->events->record( 'ticket_confirmation_sent', $handoff['conversation_id'], array( 'attempt' => $attempt ), $handoff_id );
				return;
			}
			if ( $attempt >= self::ATTEMPTS ) {
				$this->events->record( 'ticket_confirmation_failed', $handoff['conversation_id'], array( 'attempts' => $attempt ), $handoff_id );
				return;
			}
		} catch ( Storage_Exception $e ) {
			if ( $attempt >= self::ATTEMPTS ) {
				return;
			}
		}//end try
		self::schedule( $handoff_id, $attempt + 1, MINUTE_IN_SECONDS * ( 2 ** ( $attempt - 1 ) ) );
	}

	/**
	 * Whether an event of the handoff was recorded (the confirmation sent; the visitor gone).
	 *
	 * @param string $type            Event type.
	 * @param int    $conversation_id Conversation.
	 * @param int    $handoff_id      Handoff.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function happened( string $type, int $conversation_id, int $handoff_id ): bool {
		foreach ( $this->events->for_conversation( $conversation_id ) as $event ) {
			if ( $type === $event['type'] && $handoff_id === (int) $event['handoff_id'] ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The email's subject.
	 *
	 * @param int    $handoff_id The handoff.
	 * @param string $route      Its route.
	 */
	public static function subject( int $handoff_id, string $route ): string {
		$site = wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES );
		return 'callback' === $route
			/* translators: 1: site name, 2: reference such as HB-00042. */
			? sprintf( __( '[%1$s] Your callback request %2$s', 'handoff-bot' ), $site, Ticket_Service::reference( $handoff_id ) )
			/* translators: 1: site name, 2: reference such as HB-00042. */
			: sprintf( __( '[%1$s] We received your request %2$s', 'handoff-bot' ), $site, Ticket_Service::reference( $handoff_id ) );
	}

	/**
	 * The email's text.
	 *
	 * @param int                  $handoff_id The handoff.
	 * @param array<string, mixed> $form       The form's answers.
	 * @param bool                 $abandoned  Whether the visitor went away while waiting.
	 */
	public static function body( int $handoff_id, array $form, bool $abandoned = false ): string {
		$get  = static function ( string $key ) use ( $form ): string {
			return isset( $form[ $key ] ) && is_string( $form[ $key ] ) ? $form[ $key ] : '';
		};
		$site = wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES );
		// Nothing the visitor typed is quoted: the address is not verified, and the email must not
		// carry someone's text to a stranger.
		$lines = array( __( 'Hello,', 'handoff-bot' ), '' );
		if ( Ticket_Form::CONTACT_PHONE === $get( 'contact' ) ) {
			$hours = Ticket_Form::WINDOWS[ $get( 'window' ) ] ?? Ticket_Form::WINDOWS['anytime'];
			/* translators: 1: site name, 2: reference such as HB-00042, 3: first hour, 4: last hour, 5: time zone. */
			$lines[] = sprintf( __( 'Thank you for contacting %1$s. Your callback request %2$s is recorded: we will call you between %3$02d:00 and %4$02d:00 (%5$s).', 'handoff-bot' ), $site, Ticket_Service::reference( $handoff_id ), $hours[0], $hours[1], $get( 'timezone' ) );
		} elseif ( $abandoned ) {
			/* translators: 1: site name, 2: reference such as HB-00042. */
			$lines[] = sprintf( __( 'You asked to talk to someone at %1$s, and nobody could join you in the chat in time. Your request is not lost: it is now ticket %2$s, and we will reply to this address.', 'handoff-bot' ), $site, Ticket_Service::reference( $handoff_id ) );
		} else {
			/* translators: 1: site name, 2: reference such as HB-00042. */
			$lines[] = sprintf( __( 'Thank you for contacting %1$s. Your request %2$s is with our team, and we will reply to this address.', 'handoff-bot' ), $site, Ticket_Service::reference( $handoff_id ) );
		}
		$lines[] = '';
		/* translators: %s: reference such as HB-00042. */
		$lines[] = sprintf( __( 'Please quote %s if you write to us about it.', 'handoff-bot' ), Ticket_Service::reference( $handoff_id ) );
		$lines[] = __( 'If you did not ask us for help, you can ignore this email.', 'handoff-bot' );
		return implode( "\n", $lines ) . "\n";
	}
}
