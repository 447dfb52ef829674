<?php
/**
 * A delivery as the REST API shows it.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Repositories\Delivery_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * The delivery log's row: status, attempts, the next attempt, the last response code and the start
 * of its body, and what went wrong. Not the stored message.
 *
 * @phpstan-import-type Delivery from Delivery_Repository
 */
final class Delivery_Presenter {

	/**
	 * The delivery as sent.
	 *
	 * @param array $delivery The delivery.
	 * @phpstan-param Delivery $delivery
	 * @return array<string, mixed>
	 */
	public static function present( array $delivery ): array {
		return array(
			'id'               => $delivery['id'],
			'delivery_id'      => $delivery['delivery_id'],
			'connection_id'    => $delivery['connection_id'],
			'kind'             => $delivery['kind'],
			'event'            => $delivery['event'],
			'handoff_id'       => $delivery['handoff_id'],
			'status'           => $delivery['status'],
			'attempts'         => $delivery['attempts'],
			'max_attempts'     => $delivery['max_attempts'],
			'next_attempt_at'  => Delivery_Repository::PENDING === $delivery['status'] ? self::iso( $delivery['next_attempt_at'] ) : null,
			'last_attempt_at'  => self::iso( $delivery['last_attempt_at'] ),
			'response_code'    => $delivery['response_code'] > 0 ? $delivery['response_code'] : null,
			'response_excerpt' => $delivery['response_excerpt'],
			'error'            => $delivery['error'],
			'created_at'       => self::iso( $delivery['created_at'] ),
		);
	}

	/**
	 * The schema of a delivery.
	 *
	 * @return array<string, mixed>
	 */
	public static function schema(): array {
		$time = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'handoff-bot-delivery',
			'type'       => 'object',
			'properties' => array(
				'id'               => array( 'type' => 'integer' ),
				'delivery_id'      => array(
					'description' => __( 'The ID receivers drop duplicates by; the same on every attempt and redelivery.', 'handoff-bot' ),
					'type'        => 'string',
				),
				'connection_id'    => array( 'type' => 'string' ),
				'kind'             => array( 'type' => 'string' ),
				'event'            => array( 'type' => 'string' ),
				'handoff_id'       => array( 'type' => 'integer' ),
				'status'           => array(
					'type' => 'string',
					'enum' => Delivery_Repository::STATUSES,
				),
				'attempts'         => array( 'type' => 'integer' ),
				'max_attempts'     => array( 'type' => 'integer' ),
				'next_attempt_at'  => $time,
				'last_attempt_at'  => $time,
				'response_code'    => array( 'type' => array( 'integer', 'null' ) ),
				'response_excerpt' => array( 'type' => 'string' ),
				'error'            => array( 'type' => 'string' ),
				'created_at'       => $time,
			),
		);
	}

	/**
	 * A stored UTC time in ISO 8601, or null.
	 *
	 * @param string|null $mysql Y-m-d H:i:s in UTC.
	 */
	private static function iso( ?string $mysql ): ?string {
		if ( null === $mysql || '' === $mysql ) {
			return null;
		}
		$time = strtotime( $mysql . ' UTC' );
		return false === $time ? null : gmdate( 'Y-m-d\TH:i:s\Z', $time );
	}
}
