<?php
/**
 * Handoffs and their messages as the inbox reads them.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Handoff\Inbox_Service;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * Turns rows into the inbox's JSON (docs/REST.md, "Agent inbox"): times in ISO 8601 UTC, people
 * as `{ id, name }`, intents with their labels.
 *
 * @phpstan-import-type Handoff from Handoff_Repository
 * @phpstan-import-type Message from Message_Repository
 */
final class Handoff_Presenter {

	/**
	 * Display names by user, read once per request.
	 *
	 * @var array<int, string>
	 */
	private array $names = array();

	/**
	 * A handoff as a list row.
	 *
	 * @param array  $handoff  The handoff.
	 * @phpstan-param Handoff $handoff
	 * @param string $language The conversation's language.
	 * @param int    $unread   Visitor messages after the agent's last message.
	 * @return array<string, mixed>
	 */
	public function summary( array $handoff, string $language = '', int $unread = 0 ): array {
		$requested = (int) strtotime( $handoff['requested_at'] . ' UTC' );
		$until     = null !== $handoff['accepted_at'] ? (int) strtotime( $handoff['accepted_at'] . ' UTC' ) : ( null !== $handoff['resolved_at'] ? (int) strtotime( $handoff['resolved_at'] . ' UTC' ) : time() );
		$intent    = '' === $handoff['intent'] ? null : Policy_Store::in_force()->intent( $handoff['intent'] );
		return array(
			'id'              => $handoff['id'],
			'conversation_id' => $handoff['conversation_id'],
			'status'          => $handoff['status'],
			'reason'          => $handoff['reason'],
			'trigger'         => $handoff['trigger_type'],
			'route'           => $handoff['route'],
			'route_reason'    => $handoff['route_reason'],
			'team'            => $handoff['team'],
			'intent'          => $handoff['intent'],
			'intent_label'    => null !== $intent ? $intent['label'] : $handoff['intent'],
			'agent'           => $handoff['agent_id'] > 0 ? $this->person( $handoff['agent_id'] ) : null,
			'assigned_to'     => $handoff['assigned_to'] > 0 ? $this->person( $handoff['assigned_to'] ) : null,
			'headline'        => $handoff['headline'],
			'language'        => $language,
			'waiting_seconds' => max( 0, $until - $requested ),
			'requested_at'    => self::iso( $handoff['requested_at'] ),
			'accepted_at'     => null === $handoff['accepted_at'] ? null : self::iso( $handoff['accepted_at'] ),
			'resolved_at'     => null === $handoff['resolved_at'] ? null : self::iso( $handoff['resolved_at'] ),
			'outcome'         => $handoff['outcome'],
			'tags'            => $handoff['tags'],
			'topic'           => $handoff['topic'],
			'unread'          => $unread,
		);
	}

	/**
	 * A message as the inbox shows it (internal notes included, marked by their role).
	 *
	 * @param array $message The message.
	 * @phpstan-param Message $message
	 * @return array<string, mixed>
	 */
	public function message( array $message ): array {
		$out = array(
			'id'         => $message['id'],
			'role'       => $message['role'],
			'body'       => $message['body'],
			'author'     => $message['author_id'] > 0 ? $this->person( $message['author_id'] ) : null,
			'created_at' => self::iso( $message['created_at'] ),
		);
		if ( 'bot' === $message['role'] ) {
			$meta              = $message['meta'];
			$out['kind']       = (string) ( $meta['kind'] ?? 'answer' );
			$out['confidence'] = isset( $meta['confidence'] ) ? (float) $meta['confidence'] : null;
			$out['citations']  = array();
			foreach ( (array) ( $meta['citations'] ?? array() ) as $citation ) {
				if ( is_array( $citation ) ) {
					$out['citations'][] = array(
						'title' => (string) ( $citation['title'] ?? '' ),
						'url'   => (string) ( $citation['url'] ?? '' ),
					);
				}
			}
		} elseif ( 'system' === $message['role'] ) {
			$out['kind'] = (string) ( $message['meta']['kind'] ?? '' );
		}
		return $out;
	}

	/**
	 * A person as `{ id, name }`.
	 *
	 * @param int $user_id User.
	 * @return array{id: int, name: string}
	 */
	public function person( int $user_id ): array {
		if ( ! isset( $this->names[ $user_id ] ) ) {
			$this->names[ $user_id ] = Inbox_Service::name( $user_id );
		}
		return array(
			'id'   => $user_id,
			'name' => $this->names[ $user_id ],
		);
	}

	/**
	 * A stored time ("Y-m-d H:i:s", UTC) in ISO 8601.
	 *
	 * @param string $mysql Stored time.
	 */
	public static function iso( string $mysql ): string {
		$time = strtotime( $mysql . ' UTC' );
		return false === $time ? '' : gmdate( 'Y-m-d\TH:i:s\Z', $time );
	}
}
