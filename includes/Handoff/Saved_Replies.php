<?php
/**
 * The replies agents can insert in a chat.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Saved replies live in one option, as a list of `{ id, title, text, team }` (`team` '' for every
 * team). Until an admin saves one, a site has three defaults. Sites may add, change or hide
 * replies with the filter `handoff_bot_saved_replies`; the ones a filter adds are shown but cannot
 * be edited here (`editable` false). An agent sees the shared replies and those of their teams;
 * people who manage the plugin see all. Titles are unique (ignoring case).
 *
 * @phpstan-type Saved_Reply array{id: string, title: string, text: string, team: string}
 * @phpstan-type Shown_Reply array{id: string, title: string, text: string, team: string, editable: bool}
 */
final class Saved_Replies {

	/**
	 * The option holding the replies.
	 */
	public const OPTION = 'handoff_bot_saved_replies';

	/**
	 * The longest title, in characters.
	 */
	public const MAX_TITLE = 80;

	/**
	 * The longest text, in characters.
	 */
	public const MAX_TEXT = 2000;

	/**
	 * The most replies a site keeps.
	 */
	public const MAX_REPLIES = 200;

	/**
	 * The replies as stored (the defaults until an admin saves one).
	 *
	 * @return list<Saved_Reply>
	 */
	public function stored(): array {
		$stored = get_option( self::OPTION, null );
		return is_array( $stored ) ? self::clean( $stored ) : self::defaults();
	}

	/**
	 * Every reply, as sites filter them, each saying whether it can be edited here.
	 *
	 * @return list<Shown_Reply>
	 */
	public function all(): array {
		$stored = $this->stored();
		/**
		 * The replies agents can insert in a chat from the Inbox.
		 *
		 * @since 0.1.0
		 *
		 * @param array $replies Each reply an array with an `id`, a `title`, a `text` (a `body` is
		 *                       read as the text) and a `team` ('' or absent: every team). Replies
		 *                       a filter adds are shown but cannot be edited in the Inbox.
		 */
		$filtered = apply_filters( 'handoff_bot_saved_replies', $stored );
		$ids      = array_column( $stored, 'id' );
		$out      = array();
		foreach ( self::clean( is_array( $filtered ) ? $filtered : array() ) as $reply ) {
			$out[] = $reply + array( 'editable' => in_array( $reply['id'], $ids, true ) );
		}
		return $out;
	}

	/**
	 * The replies an agent may insert: the shared ones and those of the agent's teams.
	 *
	 * @param int $user_id The agent.
	 * @return list<Shown_Reply>
	 */
	public function for_agent( int $user_id ): array {
		$teams = array();
		foreach ( Availability_Store::in_force()->teams() as $team ) {
			if ( in_array( $user_id, $team['agents'], true ) ) {
				$teams[] = $team['name'];
			}
		}
		return array_values(
			array_filter(
				$this->all(),
				static fn( array $reply ): bool => '' === $reply['team'] || in_array( $reply['team'], $teams, true )
			)
		);
	}

	/**
	 * Adds a reply.
	 *
	 * @param array<string, mixed> $input `title`, `text` and optionally `team`.
	 * @return Shown_Reply|WP_Error `handoff_bot_invalid_saved_reply` (400, `errors` by field),
	 *                              `handoff_bot_too_many_saved_replies` (400) or
	 *                              `handoff_bot_storage_unavailable` (503).
	 */
	public function create( array $input ) {
		$replies = $this->stored();
		if ( count( $replies ) >= self::MAX_REPLIES ) {
			return new WP_Error(
				'handoff_bot_too_many_saved_replies',
				/* translators: %d: the most saved replies. */
				sprintf( __( 'A site keeps at most %d saved replies. Delete one first.', 'handoff-bot' ), self::MAX_REPLIES ),
				array( 'status' => 400 )
			);
		}
		$reply = self::read(
			$input,
			array(
				'id'    => wp_generate_uuid4(),
				'title' => '',
				'text'  => '',
				'team'  => '',
			)
		);
		$error = $this->check( $reply );
		if ( null !== $error ) {
			return $error;
		}
		$replies[] = $reply;
		return $this->write( $replies, $reply );
	}

	/**
	 * Changes a reply; fields left out keep their value.
	 *
	 * @param string               $id    The reply.
	 * @param array<string, mixed> $input `title`, `text`, `team`, each optional.
	 * @return Shown_Reply|WP_Error As create(), or `handoff_bot_saved_reply_not_found` (404).
	 */
	public function update( string $id, array $input ) {
		$replies = $this->stored();
		$at      = self::position( $replies, $id );
		if ( null === $at ) {
			return self::not_found();
		}
		$reply = self::read( $input, $replies[ $at ] );
		$error = $this->check( $reply );
		if ( null !== $error ) {
			return $error;
		}
		$replies[ $at ] = $reply;
		return $this->write( $replies, $reply );
	}

	/**
	 * Deletes a reply.
	 *
	 * @param string $id The reply.
	 * @return Shown_Reply|WP_Error The deleted reply, `handoff_bot_saved_reply_not_found` (404) or
	 *                              `handoff_bot_storage_unavailable` (503).
	 */
	public function delete( string $id ) {
		$replies = $this->stored();
		$at      = self::position( $replies, $id );
		if ( null === $at ) {
			return self::not_found();
		}
		$reply = $replies[ $at ];
		array_splice( $replies, $at, 1 );
		return $this->write( $replies, $reply );
	}

	/**
	 * What is wrong with a reply, by field; empty when nothing is.
	 *
	 * @param array $reply The reply as it would be stored.
	 * @phpstan-param Saved_Reply $reply
	 * @return array<string, string>
	 */
	public function errors( array $reply ): array {
		$errors = array();
		if ( '' === $reply['title'] ) {
			$errors['title'] = __( 'Give the reply a title.', 'handoff-bot' );
		} elseif ( mb_strlen( $reply['title'] ) > self::MAX_TITLE ) {
			/* translators: %d: the most characters. */
			$errors['title'] = sprintf( __( 'Keep the title to %d characters.', 'handoff-bot' ), self::MAX_TITLE );
		} else {
			foreach ( $this->all() as $other ) {
				if ( $other['id'] !== $reply['id'] && mb_strtolower( $other['title'] ) === mb_strtolower( $reply['title'] ) ) {
					$errors['title'] = __( 'Another saved reply has this title.', 'handoff-bot' );
					break;
				}
			}
		}
		if ( '' === $reply['text'] ) {
			$errors['text'] = __( 'Write the reply’s text.', 'handoff-bot' );
		} elseif ( mb_strlen( $reply['text'] ) > self::MAX_TEXT ) {
			/* translators: %d: the most characters. */
			$errors['text'] = sprintf( __( 'Keep the text to %d characters.', 'handoff-bot' ), self::MAX_TEXT );
		}
		if ( '' !== $reply['team'] && null === Availability_Store::in_force()->team( $reply['team'] ) ) {
			$errors['team'] = __( 'There is no such team. Choose one of the teams, or all teams.', 'handoff-bot' );
		}
		return $errors;
	}

	/**
	 * The three replies a site starts with.
	 *
	 * @return list<Saved_Reply>
	 */
	public static function defaults(): array {
		return array(
			array(
				'id'    => 'greeting',
				'title' => __( 'Greeting', 'handoff-bot' ),
				'text'  => __( 'Hi, thanks for waiting. I have read your conversation with our assistant and I am here to help.', 'handoff-bot' ),
				'team'  => '',
			),
			array(
				'id'    => 'checking',
				'title' => __( 'Checking', 'handoff-bot' ),
				'text'  => __( 'Thanks, let me check that for you. It will take a minute or two.', 'handoff-bot' ),
				'team'  => '',
			),
			array(
				'id'    => 'anything-else',
				'title' => __( 'Anything else', 'handoff-bot' ),
				'text'  => __( 'Is there anything else I can help you with today?', 'handoff-bot' ),
				'team'  => '',
			),
		);
	}

	/**
	 * A reply with the sent fields over the current ones, sanitized.
	 *
	 * @param array<string, mixed> $input   Sent fields.
	 * @param array                $current The reply before.
	 * @phpstan-param Saved_Reply $current
	 * @return Saved_Reply
	 */
	private static function read( array $input, array $current ): array {
		$reply = $current;
		if ( isset( $input['title'] ) && is_string( $input['title'] ) ) {
			$reply['title'] = trim( sanitize_text_field( $input['title'] ) );
		}
		if ( isset( $input['text'] ) && is_string( $input['text'] ) ) {
			$reply['text'] = trim( sanitize_textarea_field( $input['text'] ) );
		}
		if ( isset( $input['team'] ) && is_string( $input['team'] ) ) {
			$reply['team'] = trim( $input['team'] );
		}
		return $reply;
	}

	/**
	 * The 400 for a reply with errors, or null.
	 *
	 * @param array $reply The reply.
	 * @phpstan-param Saved_Reply $reply
	 */
	private function check( array $reply ): ?WP_Error {
		$errors = $this->errors( $reply );
		if ( ! $errors ) {
			return null;
		}
		return new WP_Error(
			'handoff_bot_invalid_saved_reply',
			/* translators: %s: list of field names. */
			sprintf( __( 'The saved reply was not saved. Check: %s', 'handoff-bot' ), implode( ', ', array_keys( $errors ) ) ),
			array(
				'status' => 400,
				'errors' => $errors,
			)
		);
	}

	/**
	 * Stores the list; answers with the reply the change was about.
	 *
	 * @param array $replies The new list.
	 * @param array $reply   The reply changed.
	 * @phpstan-param list<Saved_Reply> $replies
	 * @phpstan-param Saved_Reply $reply
	 * @return Shown_Reply|WP_Error
	 */
	private function write( array $replies, array $reply ) {
		// update_option() is false both when it fails and when nothing changed: read back to tell.
		if ( ! update_option( self::OPTION, $replies, false ) && get_option( self::OPTION, null ) !== $replies ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The saved replies could not be stored. Try again.', 'handoff-bot' ), array( 'status' => 503 ) );
		}
		return $reply + array( 'editable' => true );
	}

	/**
	 * Where a reply is in the list, or null.
	 *
	 * @param array  $replies The list.
	 * @param string $id      The reply.
	 * @phpstan-param list<Saved_Reply> $replies
	 */
	private static function position( array $replies, string $id ): ?int {
		foreach ( $replies as $i => $reply ) {
			if ( $reply['id'] === $id ) {
				return $i;
			}
		}
		return null;
	}

	/**
	 * The 404 for a reply that is not stored.
	 */
	private static function not_found(): WP_Error {
		return new WP_Error( 'handoff_bot_saved_reply_not_found', __( 'There is no such saved reply. It may have been deleted meanwhile.', 'handoff-bot' ), array( 'status' => 404 ) );
	}

	/**
	 * The well-formed replies of a list, sanitized; an entry without an id (saved before replies
	 * had one, or added by a filter) gets one from its title.
	 *
	 * @param array<mixed> $list Replies.
	 * @return list<Saved_Reply>
	 */
	private static function clean( array $list ): array {
		$out  = array();
		$seen = array();
		foreach ( $list as $reply ) {
			if ( ! is_array( $reply ) || ! isset( $reply['title'] ) || ! is_string( $reply['title'] ) ) {
				continue;
			}
			$text  = $reply['text'] ?? $reply['body'] ?? null;
			$title = trim( sanitize_text_field( $reply['title'] ) );
			$text  = is_string( $text ) ? trim( sanitize_textarea_field( $text ) ) : '';
			if ( '' === $title || '' === $text ) {
				continue;
			}
			$id = isset( $reply['id'] ) && is_string( $reply['id'] ) ? sanitize_key( $reply['id'] ) : '';
			if ( '' === $id ) {
				$id = 'r' . substr( md5( $title ), 0, 12 );
			}
			if ( isset( $seen[ $id ] ) ) {
				continue;
			}
			$seen[ $id ] = true;
			$out[]       = array(
				'id'    => $id,
				'title' => $title,
				'text'  => $text,
				'team'  => isset( $reply['team'] ) && is_string( $reply['team'] ) ? $reply['team'] : '',
			);
		}//end foreach
		return $out;
	}
}
