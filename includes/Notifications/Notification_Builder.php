<?php
/**
 * What a notification says about a handoff, before any channel shapes it.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

use HandoffBot\Privacy\Contact_Mask;
use HandoffBot\Settings;
use HandoffBot\Handoff\Context_Package;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the versioned notification (docs/WEBHOOKS.md) from the stored handoff and its context
 * package. A handoff on the private route says only its reference, its link in wp-admin, its
 * status and times: never the transcript, the summary, the headline, the reason or intent, or
 * anything about the visitor.
 *
 * @phpstan-type Brief_Visitor array{name: string, email: string}
 * @phpstan-type Brief array{headline: string, summary: list<string>, reason: string, reason_text: string, trigger: string, intent: array{name: string, label: string, score: float|null}|null, confidence: float|null, pages: list<array{url: string, title: string, at: string}>, current_url: string, language: string, visitor: Brief_Visitor|null, form: array<string, string>, transcript: list<array{role: string, body: string, created_at: string}>}
 * @phpstan-type Notification array{schema_version: int, id: string, event: string, occurred_at: string, test: bool, site: array{name: string, url: string}, handoff: array{id: int, reference: string, url: string, status: string, route: string, team: string, outcome: string, requested_at: string, accepted_at: string|null, resolved_at: string|null}|null, private: bool, brief: Brief|null}
 */
final class Notification_Builder {

	/**
	 * The schema's version: bumped only for changes a receiver could trip on (fields removed or
	 * retyped); new fields may appear in any version.
	 */
	public const SCHEMA_VERSION = 1;

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Builds the builder.
	 *
	 * @param Handoff_Repository $handoffs Handoffs.
	 */
	public function __construct( Handoff_Repository $handoffs ) {
		$this->handoffs = $handoffs;
	}

	/**
	 * The notification of an event of a handoff, or null when there is no such handoff.
	 *
	 * @param string $event       Event name.
	 * @param int    $handoff_id  Handoff.
	 * @param string $delivery_id The delivery's ID.
	 * @return Notification|null
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function build( string $event, int $handoff_id, string $delivery_id ): ?array {
		$handoff = $this->handoffs->find( $handoff_id );
		if ( null === $handoff ) {
			return null;
		}
		$private      = 'private' === $handoff['route'];
		$notification = self::envelope( $event, $delivery_id, false );

		$notification['handoff'] = array(
			'id'           => $handoff['id'],
			'reference'    => self::reference( $handoff['id'] ),
			'url'          => self::link( $handoff['id'] ),
			'status'       => $handoff['status'],
			'route'        => $handoff['route'],
			'team'         => $handoff['team'],
			'outcome'      => $handoff['outcome'],
			'requested_at' => self::iso( $handoff['requested_at'] ),
			'accepted_at'  => null === $handoff['accepted_at'] ? null : self::iso( $handoff['accepted_at'] ),
			'resolved_at'  => null === $handoff['resolved_at'] ? null : self::iso( $handoff['resolved_at'] ),
		);
		$notification['private'] = $private;
		if ( $private ) {
			return $notification;
		}
		$context               = $this->handoffs->context( $handoff['id'] );
		$notification['brief'] = array(
			'headline'    => $handoff['headline'],
			'summary'     => self::strings( $context['summary'] ?? array() ),
			'reason'      => $handoff['reason'],
			'reason_text' => Context_Package::reason_text( $handoff['reason'] ),
			'trigger'     => $handoff['trigger_type'],
			'intent'      => self::intent( $context['intent'] ?? null, $handoff['intent'], $handoff['intent_score'] ),
			'confidence'  => $handoff['confidence'],
			'pages'       => self::pages( $context['pages'] ?? array() ),
			'current_url' => is_string( $context['current_url'] ?? null ) ? $context['current_url'] : '',
			'language'    => is_string( $context['language'] ?? null ) ? $context['language'] : '',
			'visitor'     => self::visitor( $context ),
			'form'        => self::form( $context['form'] ?? array() ),
			'transcript'  => self::transcript( $context['transcript'] ?? array() ),
		);
		if ( ( new Settings() )->get( 'mask_contact_outbound' ) ) {
			// The site keeps contact details inside WordPress: what goes out shows them masked
			// (and the help desk's Reply-To is then left out, as no address is whole).
			/** The same shape, strings masked. @var Brief $masked */
			$masked                = Contact_Mask::deep( $notification['brief'] );
			$notification['brief'] = $masked;
		}
		return $notification;
	}

	/**
	 * The notification of a test delivery: no handoff, and a flag that says so.
	 *
	 * @param string $delivery_id The delivery's ID.
	 * @return Notification
	 */
	public function test( string $delivery_id ): array {
		return self::envelope( Connection_Store::TEST_EVENT, $delivery_id, true );
	}

	/**
	 * How a handoff is named to people outside the site.
	 *
	 * @param int $handoff_id Handoff.
	 */
	public static function reference( int $handoff_id ): string {
		return \HandoffBot\Handoff\Ticket_Service::reference( $handoff_id );
	}

	/**
	 * The handoff in the wp-admin inbox.
	 *
	 * @param int $handoff_id Handoff.
	 */
	public static function link( int $handoff_id ): string {
		return admin_url( 'admin.php?page=handoff-bot-inbox&handoff=' . $handoff_id );
	}

	/**
	 * The fields every notification has.
	 *
	 * @param string $event       Event name.
	 * @param string $delivery_id The delivery's ID.
	 * @param bool   $test        Whether it is a test.
	 * @return Notification
	 */
	private static function envelope( string $event, string $delivery_id, bool $test ): array {
		return array(
			'schema_version' => self::SCHEMA_VERSION,
			'id'             => $delivery_id,
			'event'          => $event,
			'occurred_at'    => gmdate( 'c' ),
			'test'           => $test,
			'site'           => array(
				'name' => wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES ),
				'url'  => home_url( '/' ),
			),
			'handoff'        => null,
			'private'        => false,
			'brief'          => null,
		);
	}

	/**
	 * A stored UTC time in ISO 8601.
	 *
	 * @param string $mysql Y-m-d H:i:s in UTC.
	 */
	private static function iso( string $mysql ): string {
		$time = strtotime( $mysql . ' UTC' );
		return false === $time ? '' : gmdate( 'c', $time );
	}

	/**
	 * A list of strings.
	 *
	 * @param mixed $value Stored value.
	 * @return list<string>
	 */
	private static function strings( $value ): array {
		return is_array( $value ) ? array_values( array_map( 'strval', array_filter( $value, 'is_scalar' ) ) ) : array();
	}

	/**
	 * The intent, from the package or else the handoff row.
	 *
	 * @param mixed      $stored The package's intent.
	 * @param string     $name   The row's intent.
	 * @param float|null $score  The row's score.
	 * @return array{name: string, label: string, score: float|null}|null
	 */
	private static function intent( $stored, string $name, ?float $score ): ?array {
		if ( is_array( $stored ) && is_string( $stored['name'] ?? null ) && '' !== $stored['name'] ) {
			return array(
				'name'  => $stored['name'],
				'label' => is_string( $stored['label'] ?? null ) ? $stored['label'] : $stored['name'],
				'score' => is_numeric( $stored['score'] ?? null ) ? (float) $stored['score'] : null,
			);
		}
		return '' === $name ? null : array(
			'name'  => $name,
			'label' => $name,
			'score' => $score,
		);
	}

	/**
	 * The pages visited.
	 *
	 * @param mixed $value Stored value.
	 * @return list<array{url: string, title: string, at: string}>
	 */
	private static function pages( $value ): array {
		$pages = array();
		foreach ( is_array( $value ) ? $value : array() as $page ) {
			if ( is_array( $page ) && is_string( $page['url'] ?? null ) ) {
				$pages[] = array(
					'url'   => $page['url'],
					'title' => is_string( $page['title'] ?? null ) ? $page['title'] : '',
					'at'    => is_string( $page['at'] ?? null ) ? $page['at'] : '',
				);
			}
		}
		return $pages;
	}

	/**
	 * The visitor, when known: a signed-in user, or the name and email a form asked for.
	 *
	 * @param array<string, mixed> $context The context package.
	 * @return Brief_Visitor|null
	 */
	private static function visitor( array $context ): ?array {
		$user  = is_array( $context['user'] ?? null ) ? $context['user'] : array();
		$form  = is_array( $context['form'] ?? null ) ? $context['form'] : array();
		$name  = is_string( $user['name'] ?? null ) && '' !== $user['name'] ? $user['name'] : ( is_string( $form['name'] ?? null ) ? $form['name'] : '' );
		$email = is_string( $user['email'] ?? null ) && '' !== $user['email'] ? $user['email'] : ( is_string( $form['email'] ?? null ) ? $form['email'] : '' );
		if ( '' === $name && '' === $email ) {
			return null;
		}
		return array(
			'name'  => $name,
			'email' => is_email( $email ) ? $email : '',
		);
	}

	/**
	 * The form's answers.
	 *
	 * @param mixed $value Stored value.
	 * @return array<string, string>
	 */
	private static function form( $value ): array {
		$form = array();
		foreach ( is_array( $value ) ? $value : array() as $key => $answer ) {
			if ( is_scalar( $answer ) ) {
				$form[ (string) $key ] = (string) $answer;
			}
		}
		return $form;
	}

	/**
	 * The transcript.
	 *
	 * @param mixed $value Stored value.
	 * @return list<array{role: string, body: string, created_at: string}>
	 */
	private static function transcript( $value ): array {
		$messages = array();
		foreach ( is_array( $value ) ? $value : array() as $message ) {
			if ( is_array( $message ) && is_string( $message['body'] ?? null ) ) {
				$messages[] = array(
					'role'       => is_string( $message['role'] ?? null ) ? $message['role'] : '',
					'body'       => $message['body'],
					'created_at' => is_string( $message['created_at'] ?? null ) ? $message['created_at'] : '',
				);
			}
		}
		return $messages;
	}
}
