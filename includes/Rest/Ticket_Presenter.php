<?php
/**
 * Tickets as the Tickets screen reads them.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Handoff\Ticket_Desk;
use HandoffBot\Handoff\Ticket_Service;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * Turns ticket rows into the JSON of docs/REST.md ("Tickets"): the inbox's handoff fields, plus
 * the reference and how to reach the visitor (from the form's answers in the brief); the detail
 * adds the brief, the transcript (replies with where their email stands) and the history.
 *
 * @phpstan-import-type Handoff from Handoff_Repository
 * @phpstan-import-type Message from Message_Repository
 */
final class Ticket_Presenter {

	/**
	 * The inbox's presenter, whose fields a ticket shares.
	 *
	 * @var Handoff_Presenter
	 */
	private Handoff_Presenter $handoffs;

	/**
	 * Builds the presenter.
	 */
	public function __construct() {
		$this->handoffs = new Handoff_Presenter();
	}

	/**
	 * A ticket as a list row.
	 *
	 * @param array                $handoff The ticket.
	 * @phpstan-param Handoff $handoff
	 * @param array<string, mixed> $context Its brief.
	 * @return array<string, mixed>
	 */
	public function row( array $handoff, array $context ): array {
		$form     = is_array( $context['form'] ?? null ) ? $context['form'] : array();
		$user     = is_array( $context['user'] ?? null ) ? $context['user'] : array();
		$text     = static function ( array $from, string $key ): string {
			return isset( $from[ $key ] ) && is_string( $from[ $key ] ) ? $from[ $key ] : '';
		};
		$language = is_string( $context['language'] ?? null ) ? $context['language'] : '';
		$name     = '' !== $text( $form, 'name' ) ? $text( $form, 'name' ) : $text( $user, 'name' );
		return $this->handoffs->summary( $handoff, $language ) + array(
			'reference'  => Ticket_Service::reference( $handoff['id'] ),
			'callback'   => Ticket_Desk::is_callback( $handoff['route'], $form ),
			'name'       => $name,
			'email'      => Ticket_Desk::visitor_email( $context ),
			'contact'    => '' !== $text( $form, 'contact' ) ? $text( $form, 'contact' ) : 'email',
			'phone'      => $text( $form, 'phone' ),
			'window'     => $text( $form, 'window' ),
			'timezone'   => $text( $form, 'timezone' ),
			'created_at' => Handoff_Presenter::iso( $handoff['requested_at'] ),
		);
	}

	/**
	 * A ticket with its brief, transcript and history.
	 *
	 * @param array                $handoff  The ticket.
	 * @phpstan-param Handoff $handoff
	 * @param array<string, mixed> $context  Its brief.
	 * @param array                $messages The conversation, oldest first.
	 * @phpstan-param list<Message> $messages
	 * @param array                $history  Its events, oldest first.
	 * @phpstan-param list<array{id: int, type: string, data: array<string, mixed>, created_at: string}> $history
	 * @return array<string, mixed>
	 */
	public function detail( array $handoff, array $context, array $messages, array $history ): array {
		$out    = array();
		$cursor = 0;
		foreach ( $messages as $message ) {
			$cursor = max( $cursor, $message['id'] );
			$out[]  = $this->message( $message );
		}
		$events = array();
		foreach ( $history as $event ) {
			$agent    = (int) ( $event['data']['agent'] ?? 0 );
			$events[] = array(
				'id'         => $event['id'],
				'type'       => $event['type'],
				'agent'      => $agent > 0 ? $this->handoffs->person( $agent ) : null,
				'data'       => (object) self::event_data( $event['data'] ),
				'created_at' => Handoff_Presenter::iso( $event['created_at'] ),
			);
		}
		$form = is_array( $context['form'] ?? null ) ? $context['form'] : array();
		return $this->row( $handoff, $context ) + array(
			'outcomes' => Ticket_Desk::outcomes( $handoff['route'], $form ),
			'context'  => (object) $context,
			'messages' => $out,
			'cursor'   => $cursor,
			'history'  => $events,
		);
	}

	/**
	 * A message as the screen shows it; a reply carries where its email stands.
	 *
	 * @param array $message The message.
	 * @phpstan-param Message $message
	 * @return array<string, mixed>
	 */
	public function message( array $message ): array {
		$out  = $this->handoffs->message( $message );
		$meta = $message['meta'];
		if ( 'agent' === $message['role'] && 'ticket_reply' === ( $meta['kind'] ?? '' ) ) {
			$out['kind']  = 'ticket_reply';
			$out['email'] = array(
				'to'       => (string) ( $meta['email_to'] ?? '' ),
				'status'   => (string) ( $meta['email_status'] ?? '' ),
				'attempts' => (int) ( $meta['email_attempts'] ?? 0 ),
				'sent_at'  => isset( $meta['email_sent_at'] ) && is_string( $meta['email_sent_at'] ) ? $meta['email_sent_at'] : null,
				'error'    => (string) ( $meta['email_error'] ?? '' ),
			);
		}
		return $out;
	}

	/**
	 * The details of an event the history shows (scalars only: who, what it became).
	 *
	 * @param array<string, mixed> $data The event's data.
	 * @return array<string, string|int|float|bool>
	 */
	private static function event_data( array $data ): array {
		$out = array();
		foreach ( array( 'outcome', 'route', 'route_reason', 'contact', 'from', 'to', 'from_team', 'team', 'attempt', 'attempts' ) as $key ) {
			if ( isset( $data[ $key ] ) && is_scalar( $data[ $key ] ) ) {
				$out[ $key ] = $data[ $key ];
			}
		}
		return $out;
	}

	/**
	 * The JSON schema of a ticket (a list row; the detail adds the brief, messages and history).
	 *
	 * @return array<string, mixed>
	 */
	public static function schema(): array {
		$string   = array( 'type' => 'string' );
		$nullable = array( 'type' => array( 'string', 'null' ) );
		$person   = array(
			'type'       => array( 'object', 'null' ),
			'properties' => array(
				'id'   => array( 'type' => 'integer' ),
				'name' => $string,
			),
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'handoff-bot-ticket',
			'type'       => 'object',
			'properties' => array(
				'id'              => array(
					'description' => __( 'The handoff the ticket is.', 'handoff-bot' ),
					'type'        => 'integer',
					'readonly'    => true,
				),
				'reference'       => array(
					'description' => __( 'The reference the visitor quotes, such as HB-00042.', 'handoff-bot' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'conversation_id' => array( 'type' => 'integer' ),
				'status'          => array(
					'description' => __( 'ticket (open), pending (replied, waiting on the visitor) or closed.', 'handoff-bot' ),
					'type'        => 'string',
					'enum'        => Handoff_Repository::TICKET,
				),
				'route'           => array(
					'description' => __( 'ticket, callback or private.', 'handoff-bot' ),
					'type'        => 'string',
				),
				'callback'        => array(
					'description' => __( 'Whether the visitor asked for a phone callback.', 'handoff-bot' ),
					'type'        => 'boolean',
				),
				'name'            => $string,
				'email'           => $string,
				'contact'         => array(
					'type' => 'string',
					'enum' => array( 'email', 'phone' ),
				),
				'phone'           => $string,
				'window'          => array(
					'description' => __( 'The callback window: morning, afternoon, evening or anytime.', 'handoff-bot' ),
					'type'        => 'string',
				),
				'timezone'        => $string,
				'team'            => $string,
				'assigned_to'     => $person,
				'agent'           => $person,
				'headline'        => $string,
				'reason'          => $string,
				'trigger'         => $string,
				'route_reason'    => $string,
				'intent'          => $string,
				'intent_label'    => $string,
				'language'        => $string,
				'outcome'         => array(
					'description' => __( 'For a closed ticket: resolved, not_resolved, duplicate, spam or called_back.', 'handoff-bot' ),
					'type'        => 'string',
				),
				'tags'            => array(
					'type'  => 'array',
					'items' => $string,
				),
				'created_at'      => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
				'requested_at'    => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
				'resolved_at'     => $nullable,
				'outcomes'        => array(
					'description' => __( 'Detail only: the outcomes the ticket may close with.', 'handoff-bot' ),
					'type'        => 'array',
					'items'       => $string,
				),
				'context'         => array(
					'description' => __( 'Detail only: the brief (the context package), with the form’s answers under form.', 'handoff-bot' ),
					'type'        => 'object',
				),
				'messages'        => array(
					'description' => __( 'Detail only: the conversation, oldest first; notes are internal; a reply carries its email (to, status, attempts, sent_at, error).', 'handoff-bot' ),
					'type'        => 'array',
					'items'       => array( 'type' => 'object' ),
				),
				'history'         => array(
					'description' => __( 'Detail only: the ticket’s events, oldest first.', 'handoff-bot' ),
					'type'        => 'array',
					'items'       => array( 'type' => 'object' ),
				),
			),
		);
	}
}
