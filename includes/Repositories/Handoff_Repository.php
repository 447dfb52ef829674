<?php
/**
 * Handoffs.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the handoffs table: a conversation passed to a person, with why, how and when.
 *
 * @phpstan-type Handoff array{id: int, conversation_id: int, status: string, reason: string, trigger_type: string, route: string, route_reason: string, team: string, intent: string, intent_score: float|null, confidence: float|null, turn: int, agent_id: int, assigned_to: int, outcome: string, tags: list<string>, topic: string, headline: string, config_version: int, requested_at: string, accepted_at: string|null, first_reply_at: string|null, resolved_at: string|null}
 * @phpstan-type New_Handoff array{conversation_id: int, reason: string, trigger_type: string, route?: string, route_reason?: string, team?: string, intent: string, intent_score: float|null, confidence: float|null, turn: int, config_version: int, headline?: string, context?: string}
 * @phpstan-type Handoff_Filter array{view: string, agent_id: int, team?: string, reason?: string, intent?: string, route?: string, closed_since?: string}
 */
final class Handoff_Repository extends Repository {

	/**
	 * Statuses of a handoff nobody has closed.
	 */
	public const OPEN = array( 'requested', 'queued', 'accepted' );

	/**
	 * Statuses of a handoff waiting for an agent.
	 */
	public const WAITING = array( 'requested', 'queued' );

	/**
	 * The columns a list reads (not the context package).
	 */
	private const LIST_COLUMNS = 'id, conversation_id, status, reason, trigger_type, route, route_reason, team, intent, intent_score, confidence, turn, agent_id, assigned_to, outcome, tags, topic, headline, config_version, requested_at, accepted_at, first_reply_at, resolved_at';

	/**
	 * Records a requested handoff, unless the conversation already has an open one: `open_key`
	 * (the conversation's ID while the handoff is open) is unique, so of two requests at once only
	 * one is stored. Whatever closes a handoff must set its `open_key` to NULL, or the
	 * conversation can never be handed off again.
	 *
	 * @param array<string, mixed> $handoff The handoff.
	 * @phpstan-param New_Handoff $handoff
	 * @return int Its ID, or 0 when the conversation already had an open handoff.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function create( array $handoff ): int {
		global $wpdb;
		$stored = $this->execute(
			$this->insert_ignore() . ' INTO %i (conversation_id, open_key, status, reason, trigger_type, route, route_reason, team, intent, intent_score, confidence, turn, headline, context, config_version, requested_at) VALUES (%d, %d, %s, %s, %s, %s, %s, %s, %s, ' . ( null === $handoff['intent_score'] ? 'NULL' : '%f' ) . ', ' . ( null === $handoff['confidence'] ? 'NULL' : '%f' ) . ', %d, %s, %s, %d, %s)',
			...array_values(
				array_filter(
					array(
						$this->table( 'handoffs' ),
						$handoff['conversation_id'],
						$handoff['conversation_id'],
						'requested',
						$handoff['reason'],
						$handoff['trigger_type'],
						$handoff['route'] ?? '',
						$handoff['route_reason'] ?? '',
						$handoff['team'] ?? '',
						$handoff['intent'],
						$handoff['intent_score'],
						$handoff['confidence'],
						$handoff['turn'],
						self::cut( $handoff['headline'] ?? '', 255 ),
						$handoff['context'] ?? '',
						$handoff['config_version'],
						$this->now(),
					),
					static function ( $value ): bool {
						return null !== $value;
					}
				)
			)
		);
		if ( 0 === $stored ) {
			return 0;
		}
		$pdo = self::native_connection();
		return $pdo ? (int) $pdo->lastInsertId() : (int) $wpdb->insert_id;
	}

	/**
	 * Moves a handoff to the private route.
	 *
	 * @param int $id Handoff.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function make_private( int $id ): void {
		$this->update_where(
			'handoffs',
			array(
				'route'        => 'private',
				'route_reason' => 'private',
			),
			array( 'id' => $id )
		);
	}

	/**
	 * How many visitors wait in the live queue (of a team, or of all teams for '').
	 *
	 * @param string $team Team name, or ''.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function count_waiting( string $team ): int {
		if ( '' === $team ) {
			return (int) $this->get_var( "SELECT COUNT(*) FROM %i WHERE route = 'live' AND status IN ('requested', 'queued')", $this->table( 'handoffs' ) );
		}
		return (int) $this->get_var( "SELECT COUNT(*) FROM %i WHERE route = 'live' AND status IN ('requested', 'queued') AND team = %s", $this->table( 'handoffs' ), $team );
	}

	/**
	 * The conversation's handoff nobody has closed yet, or null.
	 *
	 * @param int $conversation_id Conversation.
	 * @return Handoff|null
	 */
	public function open_for( int $conversation_id ): ?array {
		$row = $this->get_row(
			'SELECT ' . self::LIST_COLUMNS . ' FROM %i WHERE conversation_id = %d AND status IN (' . $this->string_placeholders( count( self::OPEN ) ) . ') ORDER BY id DESC LIMIT 1',
			$this->table( 'handoffs' ),
			$conversation_id,
			...self::OPEN
		);
		return $row ? self::hydrate( $row ) : null;
	}

	/**
	 * A conversation's handoffs, oldest first.
	 *
	 * @param int $conversation_id Conversation.
	 * @return list<Handoff>
	 */
	public function for_conversation( int $conversation_id ): array {
		$out = array();
		foreach ( $this->get_rows( 'SELECT ' . self::LIST_COLUMNS . ' FROM %i WHERE conversation_id = %d ORDER BY id ASC', $this->table( 'handoffs' ), $conversation_id ) as $row ) {
			$out[] = self::hydrate( $row );
		}
		return $out;
	}

	/**
	 * A handoff row with its columns typed.
	 *
	 * @param array<string, string|null> $row Raw row.
	 * @return Handoff
	 */
	private static function hydrate( array $row ): array {
		$tags = '' === (string) ( $row['tags'] ?? '' ) ? array() : explode( ',', (string) $row['tags'] );
		return array(
			'id'              => (int) $row['id'],
			'conversation_id' => (int) $row['conversation_id'],
			'status'          => (string) $row['status'],
			'reason'          => (string) $row['reason'],
			'trigger_type'    => (string) $row['trigger_type'],
			'route'           => (string) $row['route'],
			'route_reason'    => (string) $row['route_reason'],
			'team'            => (string) $row['team'],
			'intent'          => (string) $row['intent'],
			'intent_score'    => null === $row['intent_score'] ? null : (float) $row['intent_score'],
			'confidence'      => null === $row['confidence'] ? null : (float) $row['confidence'],
			'turn'            => (int) $row['turn'],
			'agent_id'        => (int) ( $row['agent_id'] ?? 0 ),
			'assigned_to'     => (int) ( $row['assigned_to'] ?? 0 ),
			'outcome'         => (string) ( $row['outcome'] ?? '' ),
			'tags'            => array_values( array_map( 'strval', $tags ) ),
			'topic'           => (string) ( $row['topic'] ?? '' ),
			'headline'        => (string) ( $row['headline'] ?? '' ),
			'config_version'  => (int) $row['config_version'],
			'requested_at'    => (string) $row['requested_at'],
			'accepted_at'     => isset( $row['accepted_at'] ) ? (string) $row['accepted_at'] : null,
			'first_reply_at'  => isset( $row['first_reply_at'] ) ? (string) $row['first_reply_at'] : null,
			'resolved_at'     => isset( $row['resolved_at'] ) ? (string) $row['resolved_at'] : null,
		);
	}

	/**
	 * A handoff by ID, or null.
	 *
	 * @param int $id Handoff.
	 * @return Handoff|null
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function find( int $id ): ?array {
		$row = $this->get_row( 'SELECT ' . self::LIST_COLUMNS . ' FROM %i WHERE id = %d', $this->table( 'handoffs' ), $id );
		return $row ? self::hydrate( $row ) : null;
	}

	/**
	 * A handoff's context package, as stored when it opened (empty when none was).
	 *
	 * @param int $id Handoff.
	 * @return array<string, mixed>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function context( int $id ): array {
		$json    = $this->get_var( 'SELECT context FROM %i WHERE id = %d', $this->table( 'handoffs' ), $id );
		$context = null === $json ? null : json_decode( $json, true );
		return is_array( $context ) ? $context : array();
	}

	/**
	 * Handoffs for the inbox, and how many there are in all.
	 *
	 * - `queue`: waiting for an agent, oldest first;
	 * - `mine`: accepted by the agent and still open, oldest first;
	 * - `closed`: closed since `closed_since`, newest first.
	 *
	 * @param array $filter   What to list.
	 * @phpstan-param Handoff_Filter $filter
	 * @param int   $page     Page, from 1.
	 * @param int   $per_page Rows per page.
	 * @return array{rows: list<Handoff>, total: int}
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function list( array $filter, int $page, int $per_page ): array {
		$where = array();
		$args  = array();
		if ( 'mine' === $filter['view'] ) {
			$where[] = "status = 'accepted' AND agent_id = %d";
			$args[]  = $filter['agent_id'];
			$order   = 'requested_at ASC, id ASC';
		} elseif ( 'closed' === $filter['view'] ) {
			// Live handoffs that closed; tickets close on the Tickets screen.
			$not     = array_merge( self::OPEN, self::TICKET );
			$where[] = 'status NOT IN (' . $this->string_placeholders( count( $not ) ) . ') AND resolved_at >= %s';
			array_push( $args, ...$not );
			$args[] = $filter['closed_since'] ?? gmdate( 'Y-m-d H:i:s', time() - WEEK_IN_SECONDS );
			$order  = 'resolved_at DESC, id DESC';
		} else {
			$where[] = "status IN ('requested', 'queued')";
			$order   = 'requested_at ASC, id ASC';
		}
		foreach ( array( 'team', 'reason', 'intent', 'route' ) as $column ) {
			if ( isset( $filter[ $column ] ) && '' !== $filter[ $column ] ) {
				$where[] = $column . ' = %s';
				$args[]  = $filter[ $column ];
			}
		}
		$sql   = ' FROM %i WHERE ' . implode( ' AND ', $where );
		$total = (int) $this->get_var( 'SELECT COUNT(*)' . $sql, $this->table( 'handoffs' ), ...$args );
		$rows  = array();
		if ( $total > 0 ) {
			$found = $this->get_rows( 'SELECT ' . self::LIST_COLUMNS . $sql . ' ORDER BY ' . $order . ' LIMIT %d OFFSET %d', $this->table( 'handoffs' ), ...array_merge( $args, array( $per_page, ( max( 1, $page ) - 1 ) * $per_page ) ) );
			foreach ( $found as $row ) {
				$rows[] = self::hydrate( $row );
			}
		}
		return array(
			'rows'  => $rows,
			'total' => $total,
		);
	}

	/**
	 * How many handoffs wait for an agent (all routes).
	 *
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function count_all_waiting(): int {
		return (int) $this->get_var( "SELECT COUNT(*) FROM %i WHERE status IN ('requested', 'queued')", $this->table( 'handoffs' ) );
	}

	/**
	 * The handoffs waiting for an agent, in the order of their queues (as place() counts), up to
	 * a limit.
	 *
	 * @param int $limit The most to list.
	 * @return list<array{conversation_id: int, route: string, team: string}>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function waiting_in_line( int $limit = 2000 ): array {
		$out = array();
		foreach ( $this->get_rows( "SELECT conversation_id, route, team FROM %i WHERE status IN ('requested', 'queued') ORDER BY id ASC LIMIT %d", $this->table( 'handoffs' ), $limit ) as $row ) {
			$out[] = array(
				'conversation_id' => (int) $row['conversation_id'],
				'route'           => (string) $row['route'],
				'team'            => (string) $row['team'],
			);
		}
		return $out;
	}

	/**
	 * A waiting handoff's place in its queue (1 for the next), or 0 when it does not wait.
	 *
	 * @param array $handoff The handoff.
	 * @phpstan-param Handoff $handoff
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function place( array $handoff ): int {
		if ( ! in_array( $handoff['status'], self::WAITING, true ) ) {
			return 0;
		}
		return 1 + (int) $this->get_var(
			"SELECT COUNT(*) FROM %i WHERE status IN ('requested', 'queued') AND route = %s AND team = %s AND id < %d",
			$this->table( 'handoffs' ),
			$handoff['route'],
			$handoff['team'],
			$handoff['id']
		);
	}

	/**
	 * Gives a waiting handoff to an agent, unless another agent took it first: the update only
	 * matches a handoff still waiting, so of two accepts at once exactly one changes the row.
	 *
	 * @param int                                        $id       Handoff.
	 * @param int                                        $agent_id Agent.
	 * @param array{team: string, assigned_to: int}|null $seen The team and the agent it was
	 *                                                          transferred to, as the caller checked
	 *                                                          them: it is taken only if they are
	 *                                                          still so (null: whatever they are).
	 * @return bool Whether this agent got it.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function accept( int $id, int $agent_id, ?array $seen = null ): bool {
		$sql  = "UPDATE %i SET status = 'accepted', agent_id = %d, assigned_to = 0, accepted_at = COALESCE(accepted_at, %s) WHERE id = %d AND status IN ('requested', 'queued')";
		$args = array( $this->table( 'handoffs' ), $agent_id, $this->now(), $id );
		if ( null !== $seen ) {
			$sql .= ' AND team = %s AND assigned_to = %d';
			array_push( $args, $seen['team'], $seen['assigned_to'] );
		}
		return 1 === $this->execute( $sql, ...$args );
	}

	/**
	 * Notes the first reply a person sent (the first one only).
	 *
	 * @param int $id Handoff.
	 * @return bool Whether this was the first.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function note_first_reply( int $id ): bool {
		return 1 === $this->execute( 'UPDATE %i SET first_reply_at = %s WHERE id = %d AND first_reply_at IS NULL', $this->table( 'handoffs' ), $this->now(), $id );
	}

	/**
	 * Puts an accepted handoff back in a queue (of a team, or for one agent), if the agent still
	 * holds it.
	 *
	 * @param int    $id          Handoff.
	 * @param int    $agent_id    The agent who holds it.
	 * @param string $team        Team of the queue ('' any).
	 * @param int    $assigned_to Agent it is meant for (0 any).
	 * @return bool Whether it moved.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function requeue( int $id, int $agent_id, string $team, int $assigned_to ): bool {
		return 1 === $this->execute(
			"UPDATE %i SET status = 'queued', agent_id = 0, team = %s, assigned_to = %d, route = CASE WHEN route = 'private' THEN 'private' ELSE 'live' END WHERE id = %d AND status = 'accepted' AND agent_id = %d",
			$this->table( 'handoffs' ),
			$team,
			$assigned_to,
			$id,
			$agent_id
		);
	}

	/**
	 * Closes an open handoff: its outcome, when, and the conversation free for a new handoff.
	 *
	 * @param int                $id       Handoff.
	 * @param string             $status   New status (resolved, handed_back, left).
	 * @param string             $outcome  Outcome.
	 * @param array<int, string> $tags Tags.
	 * @phpstan-param list<string> $tags
	 * @param string             $topic    Topic note.
	 * @param int|null           $agent_id Only if this agent holds it (null: whoever does, or nobody).
	 * @param bool               $waiting  Only if it still waits for an agent.
	 * @return bool Whether it closed (false when it was closed already, or held by another).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function close( int $id, string $status, string $outcome, array $tags = array(), string $topic = '', ?int $agent_id = null, bool $waiting = false ): bool {
		$args  = array( $this->table( 'handoffs' ), $status, $outcome, implode( ',', $tags ), self::cut( $topic, 200 ), $this->now(), $id );
		$among = $waiting ? self::WAITING : self::OPEN;
		$sql   = 'UPDATE %i SET status = %s, outcome = %s, tags = %s, topic = %s, resolved_at = %s, open_key = NULL WHERE id = %d AND status IN (' . $this->string_placeholders( count( $among ) ) . ')';
		array_push( $args, ...$among );
		if ( null !== $agent_id ) {
			$sql   .= " AND status = 'accepted' AND agent_id = %d";
			$args[] = $agent_id;
		}
		return 1 === $this->execute( $sql, ...$args );
	}

	/**
	 * Turns a handoff that still waits (or that the visitor left while waiting, whose form came
	 * afterwards) into a ticket (status `ticket`): its route (`ticket`, `callback`, or `private`
	 * kept), its brief with the form's answers, and the conversation free for a new handoff.
	 *
	 * @param int    $id      Handoff.
	 * @param string $route   Its route from now on.
	 * @param string $context The brief, as JSON.
	 * @return bool Whether it changed (false when an agent took it, or it closed, meanwhile).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function to_ticket( int $id, string $route, string $context ): bool {
		return 1 === $this->execute(
			"UPDATE %i SET status = 'ticket', route = %s, context = %s, open_key = NULL, resolved_at = NULL WHERE id = %d AND status IN ('requested', 'queued', 'abandoned', 'left')",
			$this->table( 'handoffs' ),
			$route,
			$context,
			$id
		);
	}

	/**
	 * Waiting handoffs whose visitor has shown no sign since a time (their conversation's
	 * `updated_at`, which the chat's reads keep fresh while they wait), oldest first.
	 *
	 * @param string $before MySQL UTC time.
	 * @param int    $limit  At most this many.
	 * @return list<int> Handoff IDs.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function waiting_unseen_since( string $before, int $limit ): array {
		return array_values(
			array_map(
				'intval',
				$this->get_col(
					"SELECT h.id FROM %i h INNER JOIN %i c ON c.id = h.conversation_id WHERE h.status IN ('requested', 'queued') AND h.requested_at < %s AND c.updated_at < %s ORDER BY h.id ASC LIMIT %d",
					$this->table( 'handoffs' ),
					$this->table( 'conversations' ),
					$before,
					$before,
					$limit
				)
			)
		);
	}

	/**
	 * Stores a handoff's brief, once (a handoff that has one keeps it).
	 *
	 * @param int    $id              Handoff.
	 * @param int    $conversation_id Its conversation (a rolled-back ID reused elsewhere is left alone).
	 * @param string $headline        The summary's first line.
	 * @param string $context         The package, as JSON.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function set_context( int $id, int $conversation_id, string $headline, string $context ): void {
		$this->execute( "UPDATE %i SET headline = %s, context = %s WHERE id = %d AND conversation_id = %d AND context = ''", $this->table( 'handoffs' ), self::cut( $headline, 255 ), $context, $id, $conversation_id );
	}

	/**
	 * How many open handoffs each of some agents holds (agents holding none are left out).
	 *
	 * @param array<int, int> $agents Agents.
	 * @return array<int, int> Agent => handoffs held.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function held_by( array $agents ): array {
		if ( ! $agents ) {
			return array();
		}
		$out = array();
		foreach ( $this->get_rows( "SELECT agent_id, COUNT(*) AS held FROM %i WHERE status = 'accepted' AND agent_id IN (" . $this->int_placeholders( count( $agents ) ) . ') GROUP BY agent_id', $this->table( 'handoffs' ), ...array_values( $agents ) ) as $row ) {
			$out[ (int) $row['agent_id'] ] = (int) $row['held'];
		}
		return $out;
	}

	/**
	 * Marks a waiting handoff as one nobody accepted in time (once: the first caller gets true).
	 *
	 * @param int $id Handoff.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function mark_escalation_failed( int $id ): bool {
		return 1 === $this->execute(
			"UPDATE %i SET tags = %s WHERE id = %d AND status IN ('requested', 'queued') AND tags = ''",
			$this->table( 'handoffs' ),
			'escalation_failed',
			$id
		);
	}

	/**
	 * How long recent handoffs of a team waited until accepted, in seconds, newest first.
	 *
	 * @param string $team  Team ('' for handoffs for any agent).
	 * @param int    $limit At most this many.
	 * @return list<int>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function recent_waits( string $team, int $limit ): array {
		$rows = $this->get_rows(
			"SELECT requested_at, accepted_at FROM %i WHERE team = %s AND route = 'live' AND accepted_at IS NOT NULL AND requested_at >= %s ORDER BY id DESC LIMIT %d",
			$this->table( 'handoffs' ),
			$team,
			gmdate( 'Y-m-d H:i:s', time() - WEEK_IN_SECONDS ),
			$limit
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[] = max( 0, (int) strtotime( $row['accepted_at'] . ' UTC' ) - (int) strtotime( $row['requested_at'] . ' UTC' ) );
		}
		return $out;
	}

	/**
	 * Statuses of a ticket (a handoff left as a ticket or a callback request): open (`ticket`),
	 * replied and waiting on the visitor (`pending`), and `closed`.
	 */
	public const TICKET = array( 'ticket', 'pending', 'closed' );

	/**
	 * Statuses of a ticket nobody has closed.
	 */
	public const TICKET_OPEN = array( 'ticket', 'pending' );

	/**
	 * Tickets for the Tickets screen, and how many there are in all.
	 *
	 * - `status`: `ticket`, `pending` or `closed` (open ones oldest first, closed ones newest first);
	 * - `route`: `callback` for callback requests only, `ticket` for the others;
	 * - `team`, `assigned_to`: exact matches;
	 * - `search`: words in the reference, the headline or the brief (name, email, message);
	 * - `hidden_teams` and `viewer`: teams the viewer may not see, except tickets assigned to them.
	 *
	 * @param array $filter   What to list.
	 * @phpstan-param array{status: string, route?: string, team?: string, assigned_to?: int, search?: string, hidden_teams?: list<string>, viewer?: int} $filter
	 * @param int   $page     Page, from 1.
	 * @param int   $per_page Rows per page.
	 * @return array{rows: list<array{handoff: Handoff, context: array<string, mixed>}>, total: int}
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function list_tickets( array $filter, int $page, int $per_page ): array {
		$where = array( 'status = %s' );
		$args  = array( $filter['status'] );
		$route = $filter['route'] ?? '';
		if ( 'callback' === $route ) {
			$where[] = "route = 'callback'";
		} elseif ( 'ticket' === $route ) {
			$where[] = "route <> 'callback'";
		}
		if ( isset( $filter['team'] ) && '' !== $filter['team'] ) {
			$where[] = 'team = %s';
			$args[]  = $filter['team'];
		}
		if ( isset( $filter['assigned_to'] ) ) {
			$where[] = 'assigned_to = %d';
			$args[]  = $filter['assigned_to'];
		}
		$hidden = $filter['hidden_teams'] ?? array();
		if ( $hidden ) {
			$where[] = '(team NOT IN (' . $this->string_placeholders( count( $hidden ) ) . ') OR assigned_to = %d)';
			array_push( $args, ...$hidden );
			$args[] = $filter['viewer'] ?? 0;
		}
		$search = trim( $filter['search'] ?? '' );
		if ( '' !== $search ) {
			// "!" escapes the wildcards alike in MySQL and SQLite (which has no default escape).
			$like    = '%' . strtr(
				$search,
				array(
					'!' => '!!',
					'%' => '!%',
					'_' => '!_',
				)
			) . '%';
			$matches = array( "headline LIKE %s ESCAPE '!'", "context LIKE %s ESCAPE '!'" );
			array_push( $args, $like, $like );
			if ( preg_match( '/^(?:HB-?)?0*(\d{1,18})$/i', $search, $number ) ) {
				$matches[] = 'id = %d';
				$args[]    = (int) $number[1];
			}
			$where[] = '(' . implode( ' OR ', $matches ) . ')';
		}
		$order = 'closed' === $filter['status'] ? 'resolved_at DESC, id DESC' : 'requested_at ASC, id ASC';
		$sql   = ' FROM %i WHERE ' . implode( ' AND ', $where );
		$total = (int) $this->get_var( 'SELECT COUNT(*)' . $sql, $this->table( 'handoffs' ), ...$args );
		$rows  = array();
		if ( $total > 0 ) {
			$found = $this->get_rows( 'SELECT ' . self::LIST_COLUMNS . ', context' . $sql . ' ORDER BY ' . $order . ' LIMIT %d OFFSET %d', $this->table( 'handoffs' ), ...array_merge( $args, array( $per_page, ( max( 1, $page ) - 1 ) * $per_page ) ) );
			foreach ( $found as $row ) {
				$context = json_decode( (string) ( $row['context'] ?? '' ), true );
				$rows[]  = array(
					'handoff' => self::hydrate( $row ),
					'context' => is_array( $context ) ? $context : array(),
				);
			}
		}
		return array(
			'rows'  => $rows,
			'total' => $total,
		);
	}

	/**
	 * Moves an open ticket to another open status (`ticket` or `pending`).
	 *
	 * @param int    $id     Handoff.
	 * @param string $status `ticket` or `pending`.
	 * @return bool Whether it changed (false when it was closed, or had that status already).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function set_ticket_status( int $id, string $status ): bool {
		return 1 === $this->execute(
			"UPDATE %i SET status = %s WHERE id = %d AND status IN ('ticket', 'pending') AND status <> %s",
			$this->table( 'handoffs' ),
			$status,
			$id,
			$status
		);
	}

	/**
	 * Gives an open ticket to a team and an agent (0: any agent of the team).
	 *
	 * @param int    $id          Handoff.
	 * @param string $team        Team ('' any).
	 * @param int    $assigned_to Agent (0 nobody).
	 * @return bool Whether it is open (and so now has them).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function assign_ticket( int $id, string $team, int $assigned_to ): bool {
		$this->execute(
			"UPDATE %i SET team = %s, assigned_to = %d WHERE id = %d AND status IN ('ticket', 'pending')",
			$this->table( 'handoffs' ),
			$team,
			$assigned_to,
			$id
		);
		return 1 === (int) $this->get_var( "SELECT COUNT(*) FROM %i WHERE id = %d AND status IN ('ticket', 'pending') AND team = %s AND assigned_to = %d", $this->table( 'handoffs' ), $id, $team, $assigned_to );
	}

	/**
	 * Closes an open ticket with an outcome: when, and with what tags. Of two closes at once, one
	 * changes the row.
	 *
	 * @param int    $id      Handoff.
	 * @param string $outcome Outcome.
	 * @param array  $tags    Tags.
	 * @phpstan-param list<string> $tags
	 * @return bool Whether it closed (false when it was closed already).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function close_ticket( int $id, string $outcome, array $tags = array() ): bool {
		return 1 === $this->execute(
			"UPDATE %i SET status = 'closed', outcome = %s, tags = %s, resolved_at = %s, open_key = NULL WHERE id = %d AND status IN ('ticket', 'pending')",
			$this->table( 'handoffs' ),
			$outcome,
			self::cut( implode( ',', $tags ), 100 ),
			$this->now(),
			$id
		);
	}

	/**
	 * Text cut to a column's width, in characters.
	 *
	 * @param string $text  Text.
	 * @param int    $width Characters.
	 */
	private static function cut( string $text, int $width ): string {
		return mb_strlen( $text ) > $width ? mb_substr( $text, 0, $width - 1 ) . '…' : $text;
	}
}
