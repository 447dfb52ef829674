<?php
/**
 * Builds the rows the report reads: conversations, handoffs, events and config versions.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports;

use HandoffBot\Handoff\Context_Package;

/**
 * Writes rows as the plugin stores them (times in UTC), so that a test can state by hand what
 * each metric must be.
 */
final class Report_Fixtures {

	/**
	 * Adds a conversation.
	 *
	 * @param string $created_at     When it started (UTC, Y-m-d H:i:s).
	 * @param int    $config_version The config version it started under.
	 */
	public function conversation( string $created_at, int $config_version = 1 ): int {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'handoff_bot_conversations',
			array(
				'token_hash'     => hash( 'sha256', wp_generate_password( 20, false ) ),
				'status'         => 'open',
				'page_trail'     => '[]',
				'config_version' => $config_version,
				'created_at'     => $created_at,
				'updated_at'     => $created_at,
			)
		);
		return (int) $wpdb->insert_id;
	}

	/**
	 * Adds a handoff. `fields` lists the context package's fields present (null: no package).
	 *
	 * @param int                  $conversation_id Conversation.
	 * @param array<string, mixed> $row             Columns (reason, trigger_type, route, ...).
	 * @param list<string>|null    $fields          Package fields present, or null.
	 */
	public function handoff( int $conversation_id, array $row, ?array $fields = null ): int {
		global $wpdb;
		$context = '';
		if ( null !== $fields ) {
			$present = array();
			foreach ( Context_Package::FIELDS as $field ) {
				$present[ $field ] = in_array( $field, $fields, true );
			}
			// A visitor who types the package's own keys must not change what is read.
			$context = (string) wp_json_encode(
				array(
					'summary'      => array( 'Wants a refund' ),
					'transcript'   => array(
						array(
							'role' => 'visitor',
							'body' => '"completeness":{"score":1,"fields":{"form":true}}',
						),
					),
					'reason'       => (string) ( $row['reason'] ?? '' ),
					'completeness' => array(
						'score'  => round( count( array_filter( $present ) ) / count( $present ), 2 ),
						'fields' => $present,
					),
				)
			);
		}//end if
		$wpdb->insert(
			$wpdb->prefix . 'handoff_bot_handoffs',
			array_merge(
				array(
					'conversation_id' => $conversation_id,
					'status'          => 'requested',
					'reason'          => 'user_requested',
					'trigger_type'    => 'user',
					'route'           => 'live',
					'route_reason'    => 'live',
					'context'         => $context,
					'config_version'  => 1,
				),
				$row
			)
		);
		return (int) $wpdb->insert_id;
	}

	/**
	 * Appends an event.
	 *
	 * @param int                  $conversation_id Conversation.
	 * @param string               $type            Type.
	 * @param array<string, mixed> $data            Data.
	 * @param string               $created_at      When (UTC).
	 * @param int                  $handoff_id      Handoff, or 0.
	 */
	public function event( int $conversation_id, string $type, array $data, string $created_at, int $handoff_id = 0 ): int {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'handoff_bot_events',
			array(
				'conversation_id' => $conversation_id,
				'handoff_id'      => $handoff_id,
				'type'            => $type,
				'data'            => (string) wp_json_encode( $data ),
				'config_version'  => 1,
				'created_at'      => $created_at,
			)
		);
		return (int) $wpdb->insert_id;
	}

	/**
	 * A turn's event as the conversation service records it.
	 *
	 * @param int                  $conversation_id Conversation.
	 * @param string               $type            answered, choice_offered or handoff_requested.
	 * @param array<string, mixed> $data            Data over the defaults.
	 * @param string               $created_at      When (UTC).
	 * @param int                  $handoff_id      Handoff, or 0.
	 */
	public function turn( int $conversation_id, string $type, array $data, string $created_at, int $handoff_id = 0 ): int {
		return $this->event(
			$conversation_id,
			$type,
			array_merge(
				array(
					'kind'       => 'extractive',
					'confidence' => 0.9,
					'citations'  => 1,
					'language'   => 'en',
					'decision'   => 'answered' === $type ? 'answer' : ( 'choice_offered' === $type ? 'offer_choice' : 'handoff' ),
					'reason'     => '',
					'trigger'    => '',
					'rule'       => '',
					'intent'     => '',
					'signals'    => array(),
				),
				$handoff_id > 0 ? array( 'handoff_id' => $handoff_id ) : array(),
				$data
			),
			$created_at,
			$handoff_id
		);
	}

	/**
	 * Adds a saved configuration version.
	 *
	 * @param string $area           Area.
	 * @param int    $version        Version within the area.
	 * @param int    $config_version Site-wide config version it started.
	 * @param string $note           Change note.
	 * @param string $impact         Expected impact.
	 * @param string $created_at     When (UTC).
	 */
	public function version( string $area, int $version, int $config_version, string $note, string $impact, string $created_at ): void {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'handoff_bot_config_versions',
			array(
				'area'            => $area,
				'version'         => $version,
				'data'            => '{}',
				'note'            => $note,
				'expected_impact' => $impact,
				'config_version'  => $config_version,
				'created_at'      => $created_at,
			)
		);
	}
}
