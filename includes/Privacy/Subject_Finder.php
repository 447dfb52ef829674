<?php
/**
 * Finds a person's conversations by their email address.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Privacy;

use HandoffBot\Repositories\Personal_Data_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A person's conversations are those of the account with their email address, and those whose
 * handoff brief holds it: the address given in the ticket or callback form, or the signed-in
 * visitor's address as it was when they asked for a person (it may have changed since). The
 * repository narrows by a LIKE on the brief; each candidate's brief is then decoded and checked.
 *
 * @phpstan-type Found array{ids: list<int>, cursor: int, done: bool}
 */
final class Subject_Finder {

	/**
	 * Storage.
	 *
	 * @var Personal_Data_Repository
	 */
	private Personal_Data_Repository $data;

	/**
	 * Builds the finder.
	 *
	 * @param Personal_Data_Repository $data Storage.
	 */
	public function __construct( Personal_Data_Repository $data ) {
		$this->data = $data;
	}

	/**
	 * The person's conversations after a cursor, up to a limit of candidates looked at.
	 *
	 * @param string $email  Email address.
	 * @param int    $cursor Conversation ID cursor (0 to start).
	 * @param int    $limit  Candidates looked at.
	 * @param int    $offset Candidates skipped after the cursor (for pages of an unchanging set).
	 * @return Found The conversations found, the cursor to go on from, and whether no more remain.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function page( string $email, int $cursor, int $limit, int $offset = 0 ): array {
		$email = trim( $email );
		if ( '' === $email || ! is_email( $email ) ) {
			return array(
				'ids'    => array(),
				'cursor' => $cursor,
				'done'   => true,
			);
		}
		$user       = get_user_by( 'email', $email );
		$user_id    = $user ? (int) $user->ID : 0;
		$candidates = $this->data->candidates( $user_id, $email, $cursor, $limit, $offset );
		$ids        = array();
		if ( $candidates ) {
			$owned = array();
			foreach ( $this->data->conversations( $candidates ) as $conversation ) {
				if ( $user_id > 0 && $conversation['user_id'] === $user_id ) {
					$owned[ $conversation['id'] ] = true;
				}
			}
			foreach ( $this->data->handoffs( $candidates ) as $handoff ) {
				$brief = json_decode( $handoff['context'], true );
				if ( is_array( $brief ) && self::holds( $brief, $email ) ) {
					$owned[ $handoff['conversation_id'] ] = true;
				}
			}
			$ids = array_values( array_filter( $candidates, static fn( int $id ): bool => isset( $owned[ $id ] ) ) );
		}
		return array(
			'ids'    => $ids,
			'cursor' => $candidates ? (int) max( $candidates ) : $cursor,
			'done'   => count( $candidates ) < $limit,
		);
	}

	/**
	 * Whether a brief has the address as the value of an `email` key, at any depth.
	 *
	 * @param array<mixed> $brief The decoded brief.
	 * @param string       $email Email address.
	 */
	public static function holds( array $brief, string $email ): bool {
		foreach ( $brief as $key => $value ) {
			if ( 'email' === $key && is_string( $value ) && 0 === strcasecmp( trim( $value ), $email ) ) {
				return true;
			}
			if ( is_array( $value ) && self::holds( $value, $email ) ) {
				return true;
			}
		}
		return false;
	}
}
