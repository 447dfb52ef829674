<?php
/**
 * Emails an agent's reply on a ticket to the visitor.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Jobs;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Handoff\Inbox_Service;
use HandoffBot\Handoff\Ticket_Service;
use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Never in the agent's request: the reply is stored in the conversation first, then this job (an
 * Action Scheduler action where the site has it, else a WP-Cron event) sends it with `wp_mail()`,
 * with Reply-To the team's inbox (the email connection that serves the ticket's team, else the
 * site's admin address), so the visitor's answer reaches the team. A send that fails is tried again
 * after 1, 2, 4 and 8 minutes, then marked failed. The reply's meta says where it stands
 * (`email_status`: queued, retrying, sent or failed), so the screen can show it, and a job that
 * runs twice sends once.
 */
final class Ticket_Reply_Job implements Registrable {

	/**
	 * The action; its arguments are the handoff, the reply (a message) and the attempt (from 1).
	 */
	public const HOOK = 'handoff_bot_ticket_reply';

	/**
	 * Attempts in all.
	 */
	public const ATTEMPTS = 5;

	/**
	 * The reply's email waits for its first attempt.
	 */
	public const QUEUED = 'queued';

	/**
	 * An attempt failed; another is queued.
	 */
	public const RETRYING = 'retrying';

	/**
	 * The email went out.
	 */
	public const SENT = 'sent';

	/**
	 * Every attempt failed.
	 */
	public const FAILED = 'failed';

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Messages.
	 *
	 * @var Message_Repository
	 */
	private Message_Repository $messages;

	/**
	 * Events.
	 *
	 * @var Event_Repository
	 */
	private Event_Repository $events;

	/**
	 * The connections (for the team's inbox).
	 *
	 * @var Connection_Store
	 */
	private Connection_Store $connections;

	/**
	 * Builds the job.
	 *
	 * @param Handoff_Repository $handoffs    Handoffs.
	 * @param Message_Repository $messages    Messages.
	 * @param Event_Repository   $events      Events.
	 * @param Connection_Store   $connections The connections.
	 */
	public function __construct( Handoff_Repository $handoffs, Message_Repository $messages, Event_Repository $events, Connection_Store $connections ) {
		$this->handoffs    = $handoffs;
		$this->messages    = $messages;
		$this->events      = $events;
		$this->connections = $connections;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ), 10, 3 );
	}

	/**
	 * Queues a reply's email.
	 *
	 * @param int $handoff_id The ticket's handoff.
	 * @param int $message_id The reply.
	 * @param int $attempt    Which attempt (from 1).
	 * @param int $delay      Seconds from now.
	 * @return bool Whether it was queued.
	 */
	public static function schedule( int $handoff_id, int $message_id, int $attempt = 1, int $delay = 0 ): bool {
		$args = array( $handoff_id, $message_id, $attempt );
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
	 * Sends the reply (once), or queues the next attempt.
	 *
	 * @param mixed $handoff_id The handoff.
	 * @param mixed $message_id The reply.
	 * @param mixed $attempt    Which attempt.
	 */
	public function run( $handoff_id, $message_id, $attempt = 1 ): void {
		$handoff_id = (int) $handoff_id;
		$message_id = (int) $message_id;
		$attempt    = max( 1, (int) $attempt );
		try {
			$handoff = $this->handoffs->find( $handoff_id );
			$reply   = null === $handoff ? null : $this->messages->find( $handoff['conversation_id'], $message_id );
			if ( null === $handoff || null === $reply || 'agent' !== $reply['role'] ) {
				return;
			}
			$meta = $reply['meta'];
			$to   = is_string( $meta['email_to'] ?? null ) ? $meta['email_to'] : '';
			if ( self::SENT === ( $meta['email_status'] ?? '' ) || '' === $to ) {
				return;
			}
			$error  = '';
			$failed = static function ( \WP_Error $e ) use ( &$error ): void {
				$error = $e->get_error_message();
			};
			add_action( 'wp_mail_failed', $failed );
			$sent = wp_mail( $to, self::subject( $handoff_id ), self::body( $handoff_id, $reply['body'], $reply['author_id'] ), array( 'Reply-To: ' . $this->reply_to( $handoff['team'] ) ) );
			remove_action( 'wp_mail_failed', $failed );
			if ( $sent ) {
				$this->messages->update_meta(
					$reply['id'],
					$meta,
					array(
						'email_status'   => self::SENT,
						'email_sent_at'  => gmdate( 'Y-m-d\TH:i:s\Z' ),
						'email_attempts' => $attempt,
						'email_error'    => '',
					)
				);
				$this->events->record(
					'ticket_reply_sent',
					$handoff['conversation_id'],
					array(
						'message_id' => $reply['id'],
						'attempt'    => $attempt,
					),
					$handoff_id
				);
				return;
			}//end if
			$last = $attempt >= self::ATTEMPTS;
			$this->messages->update_meta(
				$reply['id'],
				$meta,
				array(
					'email_status'   => $last ? self::FAILED : self::RETRYING,
					'email_attempts' => $attempt,
					'email_error'    => mb_substr( '' === $error ? __( 'The mail server refused the message.', 'handoff-bot' ) : $error, 0, 300 ),
				)
			);
			if ( $last ) {
				$this->events->record(
					'ticket_reply_failed',
					$handoff['conversation_id'],
					array(
						'message_id' => $reply['id'],
						'attempts'   => $attempt,
					),
					$handoff_id
				);
				return;
			}
		} catch ( Storage_Exception $e ) {
			if ( $attempt >= self::ATTEMPTS ) {
				return;
			}
		}//end try
		self::schedule( $handoff_id, $message_id, $attempt + 1, MINUTE_IN_SECONDS * ( 2 ** ( $attempt - 1 ) ) );
	}

	/**
	 * The team's inbox, where the visitor's answer should go: the first enabled email connection
	 * that serves the team (or every team), else the site's admin address.
	 *
	 * @param string $team The ticket's team.
	 */
	public function reply_to( string $team ): string {
		foreach ( $this->connections->all() as $connection ) {
			if ( 'email' === $connection['kind'] && $connection['enabled'] && is_email( $connection['target'] ) && ( ! $connection['teams'] || in_array( $team, $connection['teams'], true ) ) ) {
				return $connection['target'];
			}
		}
		return (string) get_option( 'admin_email' );
	}

	/**
	 * The email's subject.
	 *
	 * @param int $handoff_id The handoff.
	 */
	public static function subject( int $handoff_id ): string {
		$site = wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES );
		/* translators: 1: site name, 2: reference such as HB-00042. */
		return sprintf( __( 'Re: [%1$s] Your request %2$s', 'handoff-bot' ), $site, Ticket_Service::reference( $handoff_id ) );
	}

	/**
	 * The email's text: the reply, who wrote it, and the reference to quote.
	 *
	 * @param int    $handoff_id The handoff.
	 * @param string $text       The reply.
	 * @param int    $agent_id   Who wrote it.
	 */
	public static function body( int $handoff_id, string $text, int $agent_id ): string {
		$site  = wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES );
		$lines = array(
			$text,
			'',
			'— ' . Inbox_Service::name( $agent_id ) . ', ' . $site,
			'',
			/* translators: %s: reference such as HB-00042. */
			sprintf( __( 'Reply to this email to answer. Please quote %s if you write to us about it.', 'handoff-bot' ), Ticket_Service::reference( $handoff_id ) ),
		);
		return implode( "\n", $lines ) . "\n";
	}
}
