<?php
/**
 * The reads behind the handoff report.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Every read is over the conversations started in a period (`created_at`, UTC, [start, end)),
 * optionally only those started under one config version, and what belongs to them: their
 * handoffs and their events. Columns only, no JSON functions (SQLite and MariaDB differ there):
 * the small JSON of per-turn events is decoded by the caller, and of a handoff's context package
 * only its completeness, the last key, is read (its tail from `"completeness":`), not the transcript.
 *
 * A period's reads start from its conversations (the `created_version` index) and reach their
 * rows by conversation: `CROSS JOIN` keeps that order on SQLite, whose planner, without table
 * statistics, would rather scan every event of a type (the `type_created` index) and take ten
 * times as long; MariaDB reads it as a plain join and orders it by its statistics.
 *
 * @phpstan-type Report_Handoff array{id: int, conversation_id: int, status: string, reason: string, trigger_type: string, route: string, route_reason: string, intent: string, turn: int, team: string, agent_id: int, outcome: string, tags: list<string>, topic: string, config_version: int, requested_at: string, accepted_at: string|null, first_reply_at: string|null, resolved_at: string|null, completeness: array<string, bool>|null, abandoned: bool}
 * @phpstan-type Report_Event array{id: int, conversation_id: int, handoff_id: int, type: string, data: array<string, mixed>}
 */
final class Report_Repository extends Repository {

	/**
	 * The most events written since the facts' watermark for which the report reads the facts
	 * (beyond it, the period's events: the facts job has fallen far behind).
	 */
	public const MAX_UNREAD_EVENTS = 50000;

	/**
	 * The events a turn or a rating leaves, which the report reads.
	 */
	public const TURN_EVENTS = array( 'answered', 'choice_offered', 'handoff_requested', 'feedback', 'rated' );

	/**
	 * The marker of the completeness in a stored context package.
	 */
	private const COMPLETENESS = '"completeness":{';

	/**
	 * The conversations started in the period: ID => config version.
	 *
	 * @param string $start   First instant (UTC, included).
	 * @param string $end     First instant after (UTC).
	 * @param int    $version Only this config version (0: all).
	 * @return array<int, int>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function conversations( string $start, string $end, int $version ): array {
		$rows = $this->get_rows(
			'SELECT id, config_version FROM %i c WHERE created_at >= %s AND created_at < %s' . $this->version_clause( $version ) . ' ORDER BY id',
			...$this->args( array( $this->table( 'conversations' ), $start, $end ), $version )
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[ (int) $row['id'] ] = (int) $row['config_version'];
		}
		return $out;
	}

	/**
	 * The handoffs of those conversations, oldest first, with the completeness of each context
	 * package and whether the visitor left the queue (or was abandoned) while waiting.
	 *
	 * @param string $start   First instant (UTC, included).
	 * @param string $end     First instant after (UTC).
	 * @param int    $version Only conversations of this config version (0: all).
	 * @return list<Report_Handoff>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function handoffs( string $start, string $end, int $version ): array {
		$rows = $this->get_rows(
			'SELECT h.id, h.conversation_id, h.status, h.reason, h.trigger_type, h.route, h.route_reason, h.intent, h.turn, h.team, h.agent_id, h.outcome, h.tags, h.topic, h.config_version, h.requested_at, h.accepted_at, h.first_reply_at, h.resolved_at,'
			. ' CASE WHEN INSTR(h.context, %s) > 0 THEN SUBSTR(h.context, INSTR(h.context, %s)) ELSE %s END AS completeness,'
			. " CASE WHEN EXISTS (SELECT 1 FROM %i e WHERE e.conversation_id = h.conversation_id AND e.handoff_id = h.id AND e.type IN ('abandoned', 'left_queue')) THEN 1 ELSE 0 END AS abandoned"
			. ' FROM %i c CROSS JOIN %i h ON h.conversation_id = c.id WHERE c.created_at >= %s AND c.created_at < %s' . $this->version_clause( $version ) . ' ORDER BY h.id',
			...$this->args( array( self::COMPLETENESS, self::COMPLETENESS, '', $this->table( 'events' ), $this->table( 'conversations' ), $this->table( 'handoffs' ), $start, $end ), $version )
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$tags  = '' === (string) $row['tags'] ? array() : array_values( array_map( 'strval', explode( ',', (string) $row['tags'] ) ) );
			$out[] = array(
				'id'              => (int) $row['id'],
				'conversation_id' => (int) $row['conversation_id'],
				'status'          => (string) $row['status'],
				'reason'          => (string) $row['reason'],
				'trigger_type'    => (string) $row['trigger_type'],
				'route'           => (string) $row['route'],
				'route_reason'    => (string) $row['route_reason'],
				'intent'          => (string) $row['intent'],
				'turn'            => (int) $row['turn'],
				'team'            => (string) $row['team'],
				'agent_id'        => (int) $row['agent_id'],
				'outcome'         => (string) $row['outcome'],
				'tags'            => $tags,
				'topic'           => (string) $row['topic'],
				'config_version'  => (int) $row['config_version'],
				'requested_at'    => (string) $row['requested_at'],
				'accepted_at'     => $row['accepted_at'],
				'first_reply_at'  => $row['first_reply_at'],
				'resolved_at'     => $row['resolved_at'],
				'completeness'    => self::completeness( (string) $row['completeness'] ),
				'abandoned'       => '1' === (string) $row['abandoned'],
			);
		}//end foreach
		return $out;
	}

	/**
	 * The per-turn events (answered, choice_offered, handoff_requested), the feedback on answers
	 * and the ratings of those conversations, oldest first.
	 *
	 * @param string $start   First instant (UTC, included).
	 * @param string $end     First instant after (UTC).
	 * @param int    $version Only conversations of this config version (0: all).
	 * @return list<Report_Event>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function turn_events( string $start, string $end, int $version ): array {
		$rows = $this->get_rows(
			'SELECT e.id, e.conversation_id, e.handoff_id, e.type, e.data FROM %i c CROSS JOIN %i e ON e.conversation_id = c.id WHERE c.created_at >= %s AND c.created_at < %s'
			. ' AND e.type IN (' . $this->string_placeholders( count( self::TURN_EVENTS ) ) . ')' . $this->version_clause( $version ) . ' ORDER BY e.id',
			...$this->args( array_merge( array( $this->table( 'conversations' ), $this->table( 'events' ), $start, $end ), self::TURN_EVENTS ), $version )
		);
		return self::events( $rows );
	}

	/**
	 * The offers of a person made in those conversations: offer event ID => whether the visitor
	 * did anything after it (wrote again, accepted or declined).
	 *
	 * @param string $start   First instant (UTC, included).
	 * @param string $end     First instant after (UTC).
	 * @param int    $version Only conversations of this config version (0: all).
	 * @return array<int, bool>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function offers( string $start, string $end, int $version ): array {
		$rows = $this->get_rows(
			"SELECT o.id, CASE WHEN EXISTS (SELECT 1 FROM %i r WHERE r.conversation_id = o.conversation_id AND r.id > o.id AND r.type IN ('message_received', 'choice_accepted', 'choice_declined')) THEN 1 ELSE 0 END AS followed"
			. " FROM %i c CROSS JOIN %i o ON o.conversation_id = c.id WHERE c.created_at >= %s AND c.created_at < %s AND o.type = 'choice_offered'" . $this->version_clause( $version ) . ' ORDER BY o.id',
			...$this->args( array( $this->table( 'events' ), $this->table( 'conversations' ), $this->table( 'events' ), $start, $end ), $version )
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[ (int) $row['id'] ] = '1' === (string) $row['followed'];
		}
		return $out;
	}

	/**
	 * The events turn_events() gives and the offers offers() gives, read from the report facts
	 * where they are current: a conversation none of whose events is newer than the facts'
	 * watermark (and that has its row) is read from its row, any other from its events, so that
	 * a late refresh makes the read slower, never different. An event read from a row carries,
	 * of its data, the keys the report reads (Report_Facts::DATA_KEYS).
	 *
	 * @param string $start     First instant (UTC, included).
	 * @param string $end       First instant after (UTC).
	 * @param int    $version   Only conversations of this config version (0: all).
	 * @param int    $watermark Events up to this ID are in the facts (0: none; read the events).
	 * @return array{events: list<Report_Event>, offers: array<int, bool>}
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function period_events( string $start, string $end, int $version, int $watermark ): array {
		// Facts far behind the events (the job has not run for long): reading which conversations
		// changed would cost more than reading the period's events.
		if ( $watermark <= 0 || (int) $this->get_var( 'SELECT MAX(id) FROM %i', $this->table( 'events' ) ) - $watermark > self::MAX_UNREAD_EVENTS ) {
			return array(
				'events' => $this->turn_events( $start, $end, $version ),
				'offers' => $this->offers( $start, $end, $version ),
			);
		}
		// Not DISTINCT: SQLite would then walk the conversation_id index whole rather than the
		// few newest rows by ID.
		$changed = array_flip( array_map( 'intval', $this->get_col( 'SELECT conversation_id FROM %i WHERE id > %d', $this->table( 'events' ), $watermark ) ) );
		$rows    = $this->get_rows(
			'SELECT c.id, f.turns, f.offers FROM %i c LEFT JOIN %i f ON f.conversation_id = c.id WHERE c.created_at >= %s AND c.created_at < %s' . $this->version_clause( $version ),
			...$this->args( array( $this->table( 'conversations' ), $this->table( 'report_facts' ), $start, $end ), $version )
		);
		$events  = array();
		$offers  = array();
		$stale   = array();
		foreach ( $rows as $row ) {
			$id = (int) $row['id'];
			if ( null === $row['turns'] || isset( $changed[ $id ] ) ) {
				$stale[] = $id;
				continue;
			}
			foreach ( (array) json_decode( (string) $row['turns'], true ) as $turn ) {
				$events[ (int) $turn[0] ] = array(
					'id'              => (int) $turn[0],
					'conversation_id' => $id,
					'handoff_id'      => (int) $turn[1],
					'type'            => (string) $turn[2],
					'data'            => is_array( $turn[3] ) ? $turn[3] : array(),
				);
			}
			foreach ( (array) json_decode( (string) $row['offers'], true ) as $offer => $followed ) {
				$offers[ (int) $offer ] = 1 === $followed;
			}
		}
		foreach ( array_chunk( $stale, 500 ) as $chunk ) {
			foreach ( $this->events_of( $chunk ) as $event ) {
				$events[ $event['id'] ] = $event;
			}
			$offers += $this->offers_of( $chunk );
		}
		ksort( $events );
		ksort( $offers );
		return array(
			'events' => array_values( $events ),
			'offers' => $offers,
		);
	}

	/**
	 * The per-turn events, feedback and ratings of these conversations, as turn_events() reads them.
	 *
	 * @param array<int, int> $conversations Conversation IDs.
	 * @phpstan-param list<int> $conversations
	 * @return list<Report_Event>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function events_of( array $conversations ): array {
		$rows = $this->get_rows(
			'SELECT e.id, e.conversation_id, e.handoff_id, e.type, e.data FROM %i e WHERE e.conversation_id IN (' . $this->int_placeholders( count( $conversations ) ) . ')'
			. ' AND e.type IN (' . $this->string_placeholders( count( self::TURN_EVENTS ) ) . ') ORDER BY e.id',
			...array_merge( array( $this->table( 'events' ) ), $conversations, self::TURN_EVENTS )
		);
		return self::events( $rows );
	}

	/**
	 * The offers of a person made in these conversations, as offers() reads them.
	 *
	 * @param array<int, int> $conversations Conversation IDs.
	 * @phpstan-param list<int> $conversations
	 * @return array<int, bool>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function offers_of( array $conversations ): array {
		$rows = $this->get_rows(
			"SELECT o.id, CASE WHEN EXISTS (SELECT 1 FROM %i r WHERE r.conversation_id = o.conversation_id AND r.id > o.id AND r.type IN ('message_received', 'choice_accepted', 'choice_declined')) THEN 1 ELSE 0 END AS followed"
			. ' FROM %i o WHERE o.conversation_id IN (' . $this->int_placeholders( count( $conversations ) ) . ") AND o.type = 'choice_offered' ORDER BY o.id",
			...array_merge( array( $this->table( 'events' ), $this->table( 'events' ) ), $conversations )
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[ (int) $row['id'] ] = '1' === (string) $row['followed'];
		}
		return $out;
	}

	/**
	 * Event rows as the report reads them, their data decoded.
	 *
	 * @param array<int, array<string, string|null>> $rows Rows.
	 * @return list<Report_Event>
	 */
	private static function events( array $rows ): array {
		$out = array();
		foreach ( $rows as $row ) {
			$data  = json_decode( (string) $row['data'], true );
			$out[] = array(
				'id'              => (int) $row['id'],
				'conversation_id' => (int) $row['conversation_id'],
				'handoff_id'      => (int) $row['handoff_id'],
				'type'            => (string) $row['type'],
				'data'            => is_array( $data ) ? $data : array(),
			);
		}
		return $out;
	}

	/**
	 * The configuration versions saved in the period, oldest first, with their notes.
	 *
	 * @param string $start First instant (UTC, included).
	 * @param string $end   First instant after (UTC).
	 * @return list<array{area: string, version: int, config_version: int, note: string, expected_impact: string, created_at: string}>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function versions_saved( string $start, string $end ): array {
		$rows = $this->get_rows(
			'SELECT area, version, config_version, note, expected_impact, created_at FROM %i WHERE created_at >= %s AND created_at < %s ORDER BY created_at, id',
			$this->table( 'config_versions' ),
			$start,
			$end
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[] = array(
				'area'            => (string) $row['area'],
				'version'         => (int) $row['version'],
				'config_version'  => (int) $row['config_version'],
				'note'            => (string) $row['note'],
				'expected_impact' => (string) $row['expected_impact'],
				'created_at'      => (string) $row['created_at'],
			);
		}
		return $out;
	}

	/**
	 * The handoffs behind a figure, newest first, a page at a time: of conversations started in
	 * the period, matching every filter given (column => value).
	 *
	 * @param string                    $start    First instant (UTC, included).
	 * @param string                    $end      First instant after (UTC).
	 * @param int                       $version  Only conversations of this config version (0: all).
	 * @param array<string, string|int> $filter   Handoff column => value (reason, intent, trigger_type,
	 *                                            route, route_reason, team, outcome, status, topic),
	 *                                            `tag` => a tag the handoff carries, or `accepted` =>
	 *                                            1 (an agent accepted it: accepted_at set) or 0 (not).
	 * @param int                       $page     Page, from 1.
	 * @param int                       $per_page Rows per page.
	 * @return array{rows: list<array{conversation_id: int, handoff_id: int, reason: string, trigger_type: string, intent: string, route: string, route_reason: string, team: string, status: string, outcome: string, tags: list<string>, topic: string, turn: int, config_version: int, requested_at: string, conversation_started_at: string}>, total: int}
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function drill_down( string $start, string $end, int $version, array $filter, int $page, int $per_page ): array {
		$where = ' WHERE c.created_at >= %s AND c.created_at < %s' . $this->version_clause( $version );
		$args  = $this->args( array( $start, $end ), $version );
		foreach ( $filter as $column => $value ) {
			if ( 'tag' === $column ) {
				// Tags are a comma-separated list: match a whole tag. Tags are lower-case words; "_" (any one character to LIKE) only ever meets itself.
				$tag    = (string) $value;
				$where .= ' AND (h.tags = %s OR h.tags LIKE %s OR h.tags LIKE %s OR h.tags LIKE %s)';
				array_push( $args, (string) $value, $tag . ',%', '%,' . $tag, '%,' . $tag . ',%' );
				continue;
			}
			if ( 'accepted' === $column ) {
				$where .= 1 === (int) $value ? ' AND h.accepted_at IS NOT NULL' : ' AND h.accepted_at IS NULL';
				continue;
			}
			$where .= ' AND h.%i = ' . ( is_int( $value ) ? '%d' : '%s' );
			array_push( $args, $column, $value );
		}
		$from  = ' FROM %i c JOIN %i h ON h.conversation_id = c.id';
		$table = array( $this->table( 'conversations' ), $this->table( 'handoffs' ) );
		$total = (int) $this->get_var( 'SELECT COUNT(*)' . $from . $where, ...array_merge( $table, $args ) );
		$rows  = $this->get_rows(
			'SELECT h.id, h.conversation_id, h.reason, h.trigger_type, h.intent, h.route, h.route_reason, h.team, h.status, h.outcome, h.tags, h.topic, h.turn, h.config_version, h.requested_at, c.created_at AS conversation_started_at'
			. $from . $where . ' ORDER BY h.requested_at DESC, h.id DESC LIMIT %d OFFSET %d',
			...array_merge( $table, $args, array( $per_page, ( max( 1, $page ) - 1 ) * $per_page ) )
		);
		$out   = array();
		foreach ( $rows as $row ) {
			$out[] = array(
				'conversation_id'         => (int) $row['conversation_id'],
				'handoff_id'              => (int) $row['id'],
				'reason'                  => (string) $row['reason'],
				'trigger_type'            => (string) $row['trigger_type'],
				'intent'                  => (string) $row['intent'],
				'route'                   => (string) $row['route'],
				'route_reason'            => (string) $row['route_reason'],
				'team'                    => (string) $row['team'],
				'status'                  => (string) $row['status'],
				'outcome'                 => (string) $row['outcome'],
				'tags'                    => '' === (string) $row['tags'] ? array() : array_values( array_map( 'strval', explode( ',', (string) $row['tags'] ) ) ),
				'topic'                   => (string) $row['topic'],
				'turn'                    => (int) $row['turn'],
				'config_version'          => (int) $row['config_version'],
				'requested_at'            => (string) $row['requested_at'],
				'conversation_started_at' => (string) $row['conversation_started_at'],
			);
		}
		return array(
			'rows'  => $out,
			'total' => $total,
		);
	}

	/**
	 * The condition on the conversation's config version, or nothing.
	 *
	 * @param int $version Config version (0: all).
	 */
	private function version_clause( int $version ): string {
		return $version > 0 ? ' AND c.config_version = %d' : '';
	}

	/**
	 * The values of a statement, with the config version when it is filtered on.
	 *
	 * @param array<int, mixed> $args    Values before it.
	 * @param int               $version Config version (0: all).
	 * @return array<int, mixed>
	 */
	private function args( array $args, int $version ): array {
		if ( $version > 0 ) {
			$args[] = $version;
		}
		return $args;
	}

	/**
	 * The fields of a completeness read from the tail of a context package, or null when the
	 * package has none.
	 *
	 * @param string $tail From `"completeness":{` to the end of the package.
	 * @return array<string, bool>|null
	 */
	private static function completeness( string $tail ): ?array {
		if ( ! preg_match( '/"fields":\{([^{}]*)\}/', $tail, $m ) ) {
			return null;
		}
		$fields = json_decode( '{' . $m[1] . '}', true );
		if ( ! is_array( $fields ) ) {
			return null;
		}
		$out = array();
		foreach ( $fields as $name => $present ) {
			$out[ (string) $name ] = true === $present;
		}
		return $out;
	}
}
