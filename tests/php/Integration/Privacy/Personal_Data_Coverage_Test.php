<?php
/**
 * Every column of the plugin's tables is known to the exporter and the eraser.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Privacy;

use HandoffBot\Database\Migrator;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Privacy_Fixtures.php';

/**
 * Lists the columns of every table the plugin creates and fails when one is not classified
 * here: a new column that may hold personal data must be covered by the export and the erasure
 * (and added below) before this passes. Then a conversation with a marker in every personal
 * field is exported (each marker is in the export) and erased (no marker is left anywhere).
 */
final class Personal_Data_Coverage_Test extends Test_Case {

	use Privacy_Fixtures;

	/**
	 * Personal columns: exported and erased ('both'), or only erased ('erase', with why).
	 */
	private const PERSONAL = array(
		// A reviewer's note on a sampled conversation may quote the visitor: cleared by an erasure request.
		'review_marks.note'              => 'erase',
		'conversations.page_trail'       => 'both',
		'conversations.user_id'          => 'both',
		'conversations.token_hash'       => 'erase',
		// Links the visitor's browser tab; a hash, meaningless to them.
					'messages.body'      => 'both',
		'messages.meta'                  => 'both',
		// page_url is exported; email_to is the form's email, exported with the request.
					'handoffs.context'   => 'both',
		'handoffs.headline'              => 'both',
		'handoffs.topic'                 => 'both',
		'events.data'                    => 'erase',
		// Only agents' topics and error wording may be free text; the topic is exported with the request.
					'deliveries.payload' => 'both',
		'deliveries.response_excerpt'    => 'erase',
	// The receiving service's reply, not the visitor's data.
	);

	/**
	 * Columns without personal data, and why.
	 */
	private const NOT_PERSONAL = array(
		'conversations'               => array( 'id', 'status', 'language', 'rating', 'config_version', 'handoff_id', 'created_at', 'updated_at', 'ended_at' ),
		// What the reports count.
					'messages'        => array( 'id', 'conversation_id', 'role', 'idempotency_key', 'reply_to', 'feedback', 'author_id', 'created_at' ),
		// Random keys, the agent's ID, helpfulness.
					'handoffs'        => array( 'id', 'conversation_id', 'open_key', 'status', 'reason', 'trigger_type', 'route', 'route_reason', 'intent', 'intent_score', 'confidence', 'turn', 'team', 'agent_id', 'assigned_to', 'outcome', 'tags', 'config_version', 'requested_at', 'accepted_at', 'first_reply_at', 'resolved_at' ),
		// The reports' aggregates.
					'events'          => array( 'id', 'conversation_id', 'handoff_id', 'type', 'config_version', 'created_at' ),
		'deliveries'                  => array( 'id', 'delivery_id', 'dedupe', 'connection_id', 'kind', 'event', 'handoff_id', 'status', 'attempts', 'max_attempts', 'next_attempt_at', 'claimed_until', 'last_attempt_at', 'response_code', 'error', 'created_at' ),
		// Delivery bookkeeping; error is the plugin's own wording.
					'rate_limits'     => array( 'bucket', 'window_start', 'hits' ),
		// A slot picked by a salted hash; never an address.
					'config_versions' => array( 'id', 'area', 'version', 'data', 'note', 'expected_impact', 'author_id', 'config_version', 'created_at' ),
		// The site's configuration, written by staff.
					'passages'        => array( 'id', 'post_id', 'position', 'heading_path', 'anchor', 'content', 'length' ),
		// The site's published content.
					'terms'           => array( 'id', 'term', 'df' ),
		'postings'                    => array( 'term_id', 'passage_id', 'tf', 'dl', 'impact' ),
		// Report alerts: reason codes, intents, connection IDs and the figures measured.
		'report_alerts'               => array( 'id', 'dedupe', 'kind', 'subject', 'direction', 'period_from', 'period_to', 'figures', 'status', 'dismissed_by', 'dismissed_at', 'emailed_at', 'created_at' ),
		// Report facts: turn events' codes and figures (intent, signals, confidence, IDs, ratings), never their free text.
		'report_facts'                => array( 'conversation_id', 'last_event_id', 'turns', 'offers' ),
		'review_marks'                => array( 'id', 'conversation_id', 'reviewed', 'user_id', 'updated_at' ),
		// Staff's review checklists and release checkpoints: the site's own notes on its configuration.
		'review_items'                => array( 'id', 'review', 'item', 'done', 'note', 'user_id', 'updated_at' ),
		'checkpoints'                 => array( 'id', 'config_version', 'area', 'area_version', 'note', 'expected_impact', 'author_id', 'threshold', 'state', 'checked_by', 'checked_at', 'check_note', 'tuned', 'tuned_by', 'tuned_at', 'created_at' ),
	);

	/**
	 * Every column of every table is classified, and nothing classified is gone.
	 */
	public function test_every_column_is_classified(): void {
		$found = array();
		foreach ( ( new Migrator() )->tables() as $table ) {
			preg_match_all( '/^([a-z_]+) [a-z]+(\(\d+\))?/m', $table->schema(), $m );
			foreach ( $m[1] as $column ) {
				if ( in_array( $column, array( 'PRIMARY', 'KEY', 'UNIQUE', 'CREATE' ), true ) ) {
					continue;
				}
				$found[] = $table->short_name() . '.' . $column;
			}
		}
		$known = array_keys( self::PERSONAL );
		foreach ( self::NOT_PERSONAL as $table => $columns ) {
			foreach ( $columns as $column ) {
				$known[] = $table . '.' . $column;
			}
		}
		sort( $found );
		sort( $known );
		$this->assertSame( array(), array_values( array_diff( $found, $known ) ), 'columns nobody has classified: cover them in the exporter and the eraser, then list them here' );
		$this->assertSame( array(), array_values( array_diff( $known, $found ) ), 'columns classified here that no table has' );
	}

	/**
	 * A marker in every personal field is exported, and after the erasure is stored nowhere.
	 */
	public function test_every_personal_field_is_exported_and_erased(): void {
		global $wpdb;
		$user   = $this->create_user( 'subscriber' );
		$mail   = get_userdata( $user )->user_email;
		$seeded = $this->seed(
			array(
				'user_id'  => $user,
				'email'    => $mail,
				'marker'   => 'zetamark',
				'status'   => 'closed',
				'delivery' => true,
			)
		);
		$p      = $wpdb->prefix . 'handoff_bot_';
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET response_excerpt = %s WHERE id = %d', $p . 'deliveries', 'Received zetamark', $seeded['delivery'] ) );
		( new \HandoffBot\Repositories\Event_Repository() )->record( 'context_failed', $seeded['conversation'], array( 'error' => 'Duplicate entry zetamark' ) );
		( new \HandoffBot\Repositories\Sample_Repository() )->mark( $seeded['conversation'], true, 'Reviewed zetamark', 1 );
		$where = $this->stored( 'zetamark' );
		foreach ( self::PERSONAL as $column => $covered ) {
			if ( ! in_array( $column, array( 'conversations.user_id', 'conversations.token_hash' ), true ) ) {
				$this->assertArrayHasKey( $column, $where, 'the fixture fills ' . $column );
			}
		}

		$exporters = apply_filters( 'wp_privacy_personal_data_exporters', array() );
		$export    = '';
		$page      = 1;
		do {
			$response = $exporters['handoff-bot']['callback']( $mail, $page++ );
			foreach ( $response['data'] as $item ) {
				foreach ( $item['data'] as $field ) {
					$export .= $field['name'] . ': ' . $field['value'] . "\n";
				}
			}
		} while ( ! $response['done'] );
		foreach ( array( 'Trail zetamark', '/page-zetamark/', 'My parcel zetamark', 'Name zetamark', 'Call me about zetamark', 'Wants: parcel zetamark', 'Topic zetamark', 'Note about zetamark', '#' . $user ) as $text ) {
			$this->assertStringContainsString( esc_html( $text ), $export );
		}
		$this->assertGreaterThan( 1, substr_count( $export, 'zetamark' ) );

		$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$page    = 1;
		do {
			$response = $erasers['handoff-bot']['callback']( $mail, $page++ );
		} while ( ! $response['done'] );
		$this->assertSame( array(), $this->stored( 'zetamark' ) );
		$this->assertSame( array(), $this->stored( $mail ) );
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT user_id, token_hash FROM %i WHERE id = %d', $p . 'conversations', $seeded['conversation'] ), ARRAY_A );
		$this->assertSame( '0', (string) $row['user_id'] );
		$this->assertNotSame( hash( 'sha256', $seeded['token'] ), $row['token_hash'] );
	}
}
