<?php
/**
 * Gathers what a new handoff's context package is built from.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Escalation\Policy;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the conversation, its messages and the signed-in visitor, and builds the package once,
 * as the handoff opens (inside its transaction, so that a handoff never lacks its brief).
 *
 * @phpstan-import-type Package from Context_Package
 * @phpstan-import-type Package_Source from Context_Package
 * @phpstan-import-type Package_User from Context_Package
 * @phpstan-import-type Handoff from \HandoffBot\Repositories\Handoff_Repository
 * @phpstan-import-type Message from \HandoffBot\Repositories\Message_Repository
 */
final class Context_Builder {

	/**
	 * The most sources listed.
	 */
	private const MAX_SOURCES = 8;

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
	 * Builds the service.
	 *
	 * @param Conversation_Repository $conversations Conversations.
	 * @param Message_Repository      $messages      Messages.
	 */
	public function __construct( Conversation_Repository $conversations, Message_Repository $messages ) {
		$this->conversations = $conversations;
		$this->messages      = $messages;
	}

	/**
	 * The package of a handoff just opened.
	 *
	 * @param array      $handoff   The handoff.
	 * @phpstan-param Handoff $handoff
	 * @param Policy     $policy    The rules in force (for the intent's label).
	 * @param array|null $turn_meta The reply being written with the handoff (its sources), if any.
	 * @phpstan-param array<string, mixed>|null $turn_meta
	 * @return Package
	 * @throws Storage_Exception When the conversation cannot be read.
	 */
	public function build( array $handoff, Policy $policy, ?array $turn_meta = null ): array {
		$conversation = $this->conversations->find( $handoff['conversation_id'] );
		if ( null === $conversation ) {
			throw new Storage_Exception( 'The conversation of the handoff was not found.' );
		}
		// The latest 200: a long conversation's latest question matters most.
		$messages = $this->messages->before( $handoff['conversation_id'], PHP_INT_MAX, 200 );
		$metas    = array();
		foreach ( $messages as $message ) {
			if ( 'bot' === $message['role'] ) {
				$metas[] = $message['meta'];
			}
		}
		if ( null !== $turn_meta ) {
			$metas[] = $turn_meta;
		}
		$intent = null;
		if ( '' !== $handoff['intent'] ) {
			$found  = $policy->intent( $handoff['intent'] );
			$intent = array(
				'name'  => $handoff['intent'],
				'label' => null !== $found ? $found['label'] : $handoff['intent'],
				'score' => $handoff['intent_score'],
			);
		}
		$language = (string) $conversation['language'];
		foreach ( array_reverse( $metas ) as $meta ) {
			if ( '' === $language && is_string( $meta['language'] ?? null ) ) {
				$language = $meta['language'];
			}
		}
		return Context_Package::build(
			array(
				'messages'       => array_map(
					static function ( array $message ): array {
						return array(
							'role'       => $message['role'],
							'body'       => $message['body'],
							'created_at' => $message['created_at'],
						);
					},
					$messages
				),
				'intent'         => $intent,
				'confidence'     => $handoff['confidence'],
				'sources'        => $this->sources( $metas ),
				'pages'          => $conversation['page_trail'],
				'language'       => $language,
				'user'           => $this->user( $conversation['user_id'] ),
				'form'           => array(),
				'reason'         => $handoff['reason'],
				'trigger'        => $handoff['trigger_type'],
				'turn'           => $handoff['turn'],
				'config_version' => $handoff['config_version'],
			)
		);
	}

	/**
	 * The pages the bot cited, then those it looked at without citing, newest answers first.
	 *
	 * @param list<array<string, mixed>> $metas The bot replies' meta, oldest first.
	 * @return list<Package_Source>
	 */
	private function sources( array $metas ): array {
		$cited = array();
		$tried = array();
		foreach ( array_reverse( $metas ) as $meta ) {
			foreach ( (array) ( $meta['citations'] ?? array() ) as $citation ) {
				if ( is_array( $citation ) && is_string( $citation['url'] ?? null ) ) {
					$cited[ $citation['url'] ] = array(
						'title' => (string) ( $citation['title'] ?? '' ),
						'url'   => $citation['url'],
						'cited' => true,
					);
				}
			}
			foreach ( (array) ( $meta['sources_tried'] ?? array() ) as $source ) {
				$post_id = is_array( $source ) ? (int) ( $source['post_id'] ?? 0 ) : 0;
				if ( $post_id > 0 && ! isset( $tried[ $post_id ] ) ) {
					$tried[ $post_id ] = true;
				}
			}
		}
		$out = array_values( $cited );
		// One query for the posts the bot tried, not one each.
		_prime_post_caches( array_keys( $tried ), false, false );
		foreach ( array_keys( $tried ) as $post_id ) {
			$post = get_post( $post_id );
			if ( ! $post || 'publish' !== $post->post_status ) {
				continue;
			}
			$url = (string) get_permalink( $post );
			if ( isset( $cited[ $url ] ) ) {
				continue;
			}
			$out[]         = array(
				'title' => html_entity_decode( wp_strip_all_tags( get_the_title( $post ) ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ),
				'url'   => $url,
				'cited' => false,
			);
			$cited[ $url ] = true;
		}
		return array_slice( $out, 0, self::MAX_SOURCES );
	}

	/**
	 * The signed-in visitor, with what the site adds, or null for an anonymous visitor.
	 *
	 * @param int $user_id User, or 0.
	 * @return Package_User|null
	 */
	private function user( int $user_id ): ?array {
		$user = $user_id > 0 ? get_userdata( $user_id ) : false;
		if ( ! $user ) {
			return null;
		}
		$roles = array_values( (array) $user->roles );
		/**
		 * What the agent should know about a signed-in visitor beyond name, email and role: an
		 * account tier, recent orders, a plan. Keys and values are shown as plain text.
		 *
		 * @since 0.3.0
		 *
		 * @param array<string, string> $metadata Label => value. Default empty.
		 * @param \WP_User              $user     The visitor.
		 */
		$metadata = apply_filters( 'handoff_bot_context_user_metadata', array(), $user );
		$clean    = array();
		foreach ( is_array( $metadata ) ? $metadata : array() as $key => $value ) {
			if ( is_scalar( $value ) ) {
				$clean[ sanitize_text_field( (string) $key ) ] = sanitize_text_field( (string) $value );
			}
		}
		return array(
			'id'       => (int) $user->ID,
			'name'     => (string) $user->display_name,
			'email'    => (string) $user->user_email,
			'role'     => (string) ( $roles[0] ?? '' ),
			'metadata' => $clean,
		);
	}
}
