<?php
/**
 * Who did a review step, as the report shows them.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Review;

defined( 'ABSPATH' ) || exit;

/**
 * A user ID with the name to show: the display name, or '' when the account is gone.
 */
final class People {

	/**
	 * A person.
	 *
	 * @param int $user_id User ID (0: nobody).
	 * @return array{id: int, name: string}|null Null for nobody.
	 */
	public static function person( int $user_id ): ?array {
		if ( $user_id <= 0 ) {
			return null;
		}
		$user = get_userdata( $user_id );
		return array(
			'id'   => $user_id,
			'name' => $user ? (string) $user->display_name : '',
		);
	}
}
