<?php
/**
 * A visitor's request turned into a ticket or a callback request.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Jobs\Ticket_Confirmation_Job;
use HandoffBot\Privacy\Redactor;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * When nobody can take the chat now (after hours, no agent, a full queue), or the visitor would
 * rather not wait, they leave their details: the handoff that waits becomes a ticket (or a
 * callback request) with the form's answers in its brief, the visitor reads a confirmation with a
 * reference in the chat and gets it by email, and the support stack hears of it. All of it is
 * stored in one transaction before anything that can fail (the email, the connections) is
 * queued; a resent form (the same key) gets the same answer.
 *
 * @phpstan-import-type Conversation from Conversation_Repository
 * @phpstan-import-type Handoff from Handoff_Repository
 * @phpstan-import-type Ticket_Answers from Ticket_Form
 * @phpstan-type Ticket_Receipt array{reference: string, handoff_id: int, route: string, contact: string, email: string, message: string}
 */
final class Ticket_Service {

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Conversations.
	 *
	 * @var Conversation_Repository
	 */
	private Conversation_Repository $conversations;

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
	 * Builds briefs (for a handoff whose brief could not be built when it opened).
	 *
	 * @var Context_Builder
	 */
	private Context_Builder $context;

	/**
	 * Builds the service.
	 *
	 * @param Handoff_Repository      $handoffs      Handoffs.
	 * @param Conversation_Repository $conversations Conversations.
	 * @param Message_Repository      $messages      Messages.
	 * @param Event_Repository        $events        Events.
	 * @param Context_Builder         $context       Builds briefs.
	 */
	public function __construct( Handoff_Repository $handoffs, Conversation_Repository $conversations, Message_Repository $messages, Event_Repository $events, Context_Builder $context ) {
		$this->handoffs      = $handoffs;
		$this->conversations = $conversations;
		$this->messages      = $messages;
		$this->events        = $events;
		$this->context       = $context;
	}

	/**
	 * A ticket's reference, as the visitor and the team quote it.
	 *
	 * @param int $handoff_id The handoff.
	 */
	public static function reference( int $handoff_id ): string {
		return sprintf( 'HB-%05d', $handoff_id );
	}

	/**
	 * Whether the visitor may ask for a phone callback.
	 */
	public static function callback_offered(): bool {
		return Availability_Store::in_force()->callback();
	}

	/**
	 * What the form starts with for a waiting handoff: what is known of the visitor (a signed-in
	 * visitor's name and email) and what they already wrote, for them to edit.
	 *
	 * @param array $conversation The conversation.
	 * @phpstan-param Conversation $conversation
	 * @return array{name: string, email: string, message: string, callback: bool}
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function draft( array $conversation ): array {
		$name  = '';
		$email = '';
		// Only to that user: a tab kept after signing out holds the token, not the account.
		if ( $conversation['user_id'] > 0 && get_current_user_id() === $conversation['user_id'] ) {
			$user = get_userdata( $conversation['user_id'] );
			if ( $user ) {
				$name  = (string) $user->display_name;
				$email = (string) $user->user_email;
			}
		}
		$asked = array();
		foreach ( $this->messages->before( $conversation['id'], PHP_INT_MAX, 50 ) as $message ) {
			// What they asked, not "a person please": the messages of some length (in words, or in
			// characters for scripts without spaces), not the button's.
			if ( 'visitor' === $message['role'] && empty( $message['meta']['button'] ) && ( count( (array) preg_split( '/\s+/u', trim( $message['body'] ) ) ) >= 4 || mb_strlen( $message['body'] ) >= 24 || ( mb_strlen( $message['body'] ) >= 8 && ! preg_match( '/\s/u', trim( $message['body'] ) ) && preg_match( '/[^\x00-\x7F]/', $message['body'] ) ) ) ) {
				$asked[] = trim( $message['body'] );
			}
		}
		$text = implode( "\n\n", array_unique( $asked ) );
		return array(
			'name'     => $name,
			'email'    => $email,
			'message'  => mb_strlen( $text ) > Ticket_Form::MESSAGE_MAX ? mb_substr( $text, -Ticket_Form::MESSAGE_MAX ) : $text,
			'callback' => self::callback_offered(),
		);
	}

	/**
	 * Leaves a ticket (or asks for a callback) for the conversation's waiting handoff.
	 *
	 * @param array                $conversation The conversation.
	 * @phpstan-param Conversation $conversation
	 * @param array<string, mixed> $input        The form's answers, as sent.
	 * @param string               $key          The form's idempotency key.
	 * @return Ticket_Receipt|WP_Error The receipt, or why not (400 with the fields, 409).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function submit( array $conversation, array $input, string $key ) {
		$conversation_id = $conversation['id'];
		$sent            = $this->messages->find_by_key( $conversation_id, 'ticket:' . $key );
		if ( null !== $sent ) {
			// Sent before: the same receipt.
			$handoff = $this->handoffs->find( (int) ( $sent['meta']['handoff_id'] ?? 0 ) );
			if ( null !== $handoff && $handoff['conversation_id'] === $conversation_id ) {
				return $this->receipt( $handoff, $this->form_of( $handoff ), $sent['body'] );
			}
		}
		$checked = Ticket_Form::check( $input, self::callback_offered(), wp_timezone_string() );
		if ( null === $checked['answers'] ) {
			return new WP_Error(
				'handoff_bot_invalid_ticket',
				__( 'Some details need another look.', 'handoff-bot' ),
				array(
					'status' => 400,
					'fields' => $checked['errors'],
				)
			);
		}
		$answers = $checked['answers'];
		$handoff = $this->handoffs->open_for( $conversation_id ) ?? $this->left_lately( $conversation_id );
		if ( null === $handoff || 'accepted' === $handoff['status'] ) {
			return null !== $handoff ? self::taken() : new WP_Error( 'handoff_bot_no_handoff', __( 'Ask for a person first: the form is for a request the team has not taken yet.', 'handoff-bot' ), array( 'status' => 409 ) );
		}

		if ( ! $this->convert( $handoff, $answers, $key, false ) ) {
			// The same form sent twice at once: the other one made the ticket.
			$sent = $this->messages->find_by_key( $conversation_id, 'ticket:' . $key );
			$made = null === $sent ? null : $this->handoffs->find( (int) ( $sent['meta']['handoff_id'] ?? 0 ) );
			return null !== $made ? $this->receipt( $made, $this->form_of( $made ), (string) ( null !== $sent ? $sent['body'] : '' ) ) : self::taken();
		}
		$handoff['route'] = self::route_for( $handoff, $answers );
		return $this->receipt( $handoff, $answers, self::confirmation( self::reference( $handoff['id'] ), $answers ) );
	}

	/**
	 * The 409 of a request a person took meanwhile.
	 */
	private static function taken(): WP_Error {
		return new WP_Error( 'handoff_bot_handoff_taken', __( 'A person has joined the chat: you can write to them here.', 'handoff-bot' ), array( 'status' => 409 ) );
	}

	/**
	 * The handoff the visitor left while waiting (by the button, or by going away) in the past
	 * day, which a form sent afterwards still turns into a ticket; null when there is none.
	 *
	 * @param int $conversation_id Conversation.
	 * @return Handoff|null
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function left_lately( int $conversation_id ): ?array {
		$handoffs = $this->handoffs->for_conversation( $conversation_id );
		$last     = end( $handoffs );
		if ( false === $last || ! in_array( $last['status'], array( 'abandoned', 'left' ), true ) || null !== $last['accepted_at'] || null === $last['resolved_at'] ) {
			return null;
		}
		return time() - (int) strtotime( $last['resolved_at'] . ' UTC' ) <= DAY_IN_SECONDS ? $last : null;
	}

	/**
	 * Turns the waiting handoff of a visitor who went away into a ticket, when their email is
	 * known (a signed-in visitor): what they wrote becomes its message, and they are emailed.
	 *
	 * @param array  $handoff The handoff (waiting).
	 * @phpstan-param Handoff $handoff
	 * @param string $name    Their name.
	 * @param string $email   Their email address.
	 * @return bool Whether it became a ticket (false when it no longer waited).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function from_abandoned( array $handoff, string $name, string $email ): bool {
		$conversation = $this->conversations->find( $handoff['conversation_id'] );
		if ( null === $conversation ) {
			return false;
		}
		$draft = $this->draft( $conversation );
		return $this->convert(
			$handoff,
			array(
				'name'     => '' !== $name ? $name : $email,
				'email'    => $email,
				'contact'  => Ticket_Form::CONTACT_EMAIL,
				'phone'    => '',
				'window'   => '',
				'timezone' => '',
				'message'  => '' !== $draft['message'] ? $draft['message'] : (string) $handoff['headline'],
			),
			null,
			true
		);
	}

	/**
	 * The route a ticket takes: a private handoff stays private; a callback, or a ticket.
	 *
	 * @param array $handoff The handoff.
	 * @phpstan-param Handoff $handoff
	 * @param array $answers The answers.
	 * @phpstan-param Ticket_Answers $answers
	 */
	private static function route_for( array $handoff, array $answers ): string {
		if ( Router::ROUTE_PRIVATE === $handoff['route'] ) {
			return Router::ROUTE_PRIVATE;
		}
		return Ticket_Form::CONTACT_PHONE === $answers['contact'] ? Router::ROUTE_CALLBACK : Router::ROUTE_TICKET;
	}

	/**
	 * Turns a waiting handoff into a ticket, in one transaction: its route, status and brief,
	 * the conversation free again, the events, and the confirmation in the transcript; then the
	 * confirmation email and the connections are queued.
	 *
	 * @param array       $handoff   The handoff (waiting).
	 * @phpstan-param Handoff $handoff
	 * @param array       $answers   The form's answers.
	 * @phpstan-param Ticket_Answers $answers
	 * @param string|null $key       The form's idempotency key (null when the visitor went away).
	 * @param bool        $abandoned Whether the visitor went away while waiting.
	 * @return bool Whether it changed (false when it no longer waited).
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function convert( array $handoff, array $answers, ?string $key, bool $abandoned ): bool {
		// The message is masked as chat messages are: it goes into the brief and out by email.
		$answers['message'] = Redactor::redact( $answers['message'] )['text'];
		$route              = self::route_for( $handoff, $answers );
		$context            = $this->brief( $handoff, Ticket_Form::for_brief( $answers ) );
		$reference          = self::reference( $handoff['id'] );
		$text               = $abandoned
			/* translators: 1: reference such as HB-00042, 2: email address. */
			? sprintf( __( 'Nobody could join you in the chat in time, so your request became ticket %1$s: we will reply to %2$s.', 'handoff-bot' ), $reference, $answers['email'] )
			: self::confirmation( $reference, $answers );
		$done = $this->handoffs->transaction(
			function () use ( $handoff, $route, $context, $answers, $text, $key, $abandoned, $reference ): bool {
				if ( ! $this->handoffs->to_ticket( $handoff['id'], $route, $context ) ) {
					return false;
				}
				$this->conversations->clear_handoff( $handoff['conversation_id'], $handoff['id'] );
				$waited = max( 0, time() - (int) strtotime( $handoff['requested_at'] . ' UTC' ) );
				if ( $abandoned ) {
					$this->events->record( 'abandoned', $handoff['conversation_id'], array( 'waited_seconds' => $waited ), $handoff['id'] );
				}
				$this->events->record(
					Router::ROUTE_CALLBACK === $route ? 'callback_requested' : 'ticket_created',
					$handoff['conversation_id'],
					array(
						'route'        => $route,
						'from_route'   => $handoff['route'],
						'route_reason' => $handoff['route_reason'],
						'contact'      => $answers['contact'],
						'waited'       => $waited,
						'abandoned'    => $abandoned,
					),
					$handoff['id']
				);
				$this->messages->add(
					$handoff['conversation_id'],
					'system',
					$text,
					array(
						'kind'       => 'ticket',
						'handoff_id' => $handoff['id'],
						'reference'  => $reference,
					),
					null === $key ? null : 'ticket:' . $key
				);
				return true;
			}
		);
		if ( ! $done ) {
			return false;
		}
		if ( '' !== $answers['email'] ) {
			Ticket_Confirmation_Job::schedule( $handoff['id'] );
		}
		/** This action is documented in includes/Conversations/Handoff_Requests.php */
		do_action( 'handoff_bot_notify', Router::ROUTE_CALLBACK === $route ? 'callback.requested' : 'ticket.created', $handoff['id'] );
		return true;
	}

	/**
	 * The handoff's brief with the form's answers in it, as JSON (built now when it could not be
	 * built as the handoff opened).
	 *
	 * @param array                 $handoff The handoff.
	 * @phpstan-param Handoff $handoff
	 * @param array<string, string> $form    The answers for the brief.
	 * @throws Storage_Exception When the conversation cannot be read.
	 */
	private function brief( array $handoff, array $form ): string {
		$package = $this->handoffs->context( $handoff['id'] );
		if ( ! isset( $package['completeness'] ) ) {
			$package = $this->context->build( $handoff, Policy_Store::in_force() );
		}
		return (string) wp_json_encode( Context_Package::with_form( $package, $form ) );
	}

	/**
	 * The answers a ticket's brief holds.
	 *
	 * @param array $handoff The handoff.
	 * @phpstan-param Handoff $handoff
	 * @return Ticket_Answers
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function form_of( array $handoff ): array {
		$form = $this->handoffs->context( $handoff['id'] )['form'] ?? array();
		$get  = static function ( string $key ) use ( $form ): string {
			return is_array( $form ) && isset( $form[ $key ] ) && is_string( $form[ $key ] ) ? $form[ $key ] : '';
		};
		return array(
			'name'     => $get( 'name' ),
			'email'    => $get( 'email' ),
			'contact'  => '' === $get( 'contact' ) ? Ticket_Form::CONTACT_EMAIL : $get( 'contact' ),
			'phone'    => $get( 'phone' ),
			'window'   => $get( 'window' ),
			'timezone' => $get( 'timezone' ),
			'message'  => $get( 'message' ),
		);
	}

	/**
	 * The visitor's confirmation in the chat.
	 *
	 * @param string $reference The reference.
	 * @param array  $answers   The answers.
	 * @phpstan-param Ticket_Answers $answers
	 */
	public static function confirmation( string $reference, array $answers ): string {
		if ( Ticket_Form::CONTACT_PHONE === $answers['contact'] ) {
			$hours = Ticket_Form::WINDOWS[ $answers['window'] ] ?? Ticket_Form::WINDOWS['anytime'];
			/* translators: 1: reference such as HB-00042, 2: phone number, 3: first hour (0-23), 4: last hour (0-23), 5: time zone such as Europe/Paris. */
			return sprintf( __( 'Thank you. Your callback request %1$s is recorded: we will call %2$s between %3$02d:00 and %4$02d:00 (%5$s).', 'handoff-bot' ), $reference, $answers['phone'], $hours[0], $hours[1], $answers['timezone'] );
		}
		/* translators: 1: reference such as HB-00042, 2: email address. */
		return sprintf( __( 'Thank you. Your request %1$s is with our team, and we will reply to %2$s. A confirmation is on its way to that address.', 'handoff-bot' ), $reference, $answers['email'] );
	}

	/**
	 * The answer to a form sent.
	 *
	 * @param array  $handoff The handoff.
	 * @phpstan-param Handoff $handoff
	 * @param array  $answers The answers.
	 * @phpstan-param Ticket_Answers $answers
	 * @param string $text    The confirmation.
	 * @return Ticket_Receipt
	 */
	private function receipt( array $handoff, array $answers, string $text ): array {
		return array(
			'reference'  => self::reference( $handoff['id'] ),
			'handoff_id' => $handoff['id'],
			'route'      => $handoff['route'],
			'contact'    => $answers['contact'],
			'email'      => $answers['email'],
			'message'    => $text,
		);
	}
}
