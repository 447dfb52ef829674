<?php
/**
 * Generates a history of conversations for the handoff report: its benchmark, and end-to-end
 * tests that need a report with something in it.
 *
 * Usage (options as key=value, with or without leading dashes):
 *   php bench/generate-report.php <site-dir> --conversations=100000 --messages=1000000
 *   php bench/generate-report.php .wp/e2e-x conversations=300 days=30 seed=7 end=2026-11-29 reset=1
 *   wp eval-file bench/generate-report.php conversations=300 days=30   (where WP-CLI has its
 *                                                                      eval command)
 *
 * Options:
 *   conversations  how many conversations (default 1000)
 *   messages       messages in all, visitor, bot and agent (default 10 per conversation), or
 *   mean           messages per conversation on average (instead of messages)
 *   days           days the conversations spread over, ending at `end` (default 365)
 *   end            the last day (Y-m-d, UTC; default: now, so the last day ends now)
 *   seed           the random seed (default 42): the same options and seed give the same rows
 *   versions       configuration versions over the days (default 4), each with its change note
 *   reset          1: first delete every conversation, message, handoff and event, the report
 *                  facts and the config versions an earlier run made (default 0)
 *
 * What is written, through Bulk_Repository (explicit IDs, a few hundred rows a statement, a
 * transaction per thousand conversations): conversations with a daily and weekly rhythm, visitor
 * and bot turns with `message_received`, `answered`, `choice_offered` and `handoff_requested`
 * events carrying what the conversation service records (kind, confidence, citations, decision,
 * reason, trigger, rule, intent, signals, message and reply IDs), feedback on answers, offers of
 * a person that the visitor declined or left, handoffs with reason codes and triggers as
 * docs/ARCHITECTURE.md lists them, routed live in staffed hours (weekdays 08:00–18:00 UTC) and to a
 * ticket or callback otherwise (or when no agent or room was left), privately for private
 * intents, accepted by one of four agents in one of four teams or not (escalation failed, left the
 * queue, abandoned), first replies after a delay, outcomes, tags (`bot_could_answer` with a topic),
 * context packages with their completeness, end-of-chat ratings, and configuration versions with
 * change notes and expected impact, each version shifting escalation a little so that drift shows.
 * Prints what it wrote as JSON.
 *
 * @package HandoffBot
 */

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Context_Package;
use HandoffBot\Repositories\Bulk_Repository;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Report_Facts_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Reports\Report_Facts;
use HandoffBot\Settings;

if ( ! defined( 'ABSPATH' ) ) {
	if ( 'cli' !== PHP_SAPI || empty( $argv[1] ) ) {
		exit( 1 );
	}
	$_SERVER['HTTP_HOST']   = 'localhost';
	$_SERVER['REQUEST_URI'] = '/';
	require $argv[1] . '/wp-load.php';
	$handoff_bot_words = array_slice( $argv, 2 );
} else {
	$handoff_bot_words = isset( $args ) && is_array( $args ) ? $args : array();
}

$handoff_bot_opt = array(
	'conversations' => 1000,
	'messages'      => 0,
	'mean'          => 10.0,
	'days'          => 365,
	'end'           => '',
	'seed'          => 42,
	'versions'      => 4,
	'reset'         => 0,
);
foreach ( $handoff_bot_words as $handoff_bot_word ) {
	if ( preg_match( '/^-*([a-z_]+)=(.*)$/', (string) $handoff_bot_word, $handoff_bot_m ) && array_key_exists( $handoff_bot_m[1], $handoff_bot_opt ) ) {
		$handoff_bot_opt[ $handoff_bot_m[1] ] = is_string( $handoff_bot_opt[ $handoff_bot_m[1] ] ) ? $handoff_bot_m[2] : (float) $handoff_bot_m[2];
	} else {
		fwrite( STDERR, "Unknown option: {$handoff_bot_word}\n" );
		exit( 2 );
	}
}

( static function ( array $opt ): void {
	$started       = microtime( true );
	$conversations = max( 0, (int) $opt['conversations'] );
	$days          = max( 1, (int) $opt['days'] );
	$mean          = (float) $opt['messages'] > 0 && $conversations > 0 ? (float) $opt['messages'] / $conversations : (float) $opt['mean'];
	mt_srand( (int) $opt['seed'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.rand_seeding_mt_srand -- a reproducible history.

	$rand   = static function ( int $min, int $max ): int {
		return mt_rand( $min, $max ); // phpcs:ignore WordPress.WP.AlternativeFunctions.rand_mt_rand -- seeded on purpose.
	};
	$chance = static function ( float $p ) use ( $rand ): bool {
		return $rand( 0, 999999 ) < $p * 1000000;
	};
	$pick   = static function ( array $list ) use ( $rand ) {
		return $list[ $rand( 0, count( $list ) - 1 ) ];
	};
	$weighted = static function ( array $weights ) use ( $rand ) {
		$total = array_sum( $weights );
		$at    = $rand( 0, 999999 ) / 1000000 * $total;
		foreach ( $weights as $key => $weight ) {
			$at -= $weight;
			if ( $at < 0 ) {
				return $key;
			}
		}
		return array_key_last( $weights );
	};
	// Delays: a long-tailed spread around a typical value, in seconds.
	$delay = static function ( int $typical ) use ( $rand ): int {
		$u = max( 1, $rand( 1, 1000000 ) ) / 1000000;
		return max( 1, (int) round( $typical * exp( 0.9 * sqrt( -2 * log( $u ) ) * cos( 2 * M_PI * $rand( 0, 1000000 ) / 1000000 ) ) ) );
	};

	$end   = '' !== $opt['end'] ? (int) strtotime( $opt['end'] . ' 00:00:00 UTC' ) + DAY_IN_SECONDS : time();
	$start = $end - $days * DAY_IN_SECONDS;

	// Intent => [weight, policy, team, topics].
	$intents = array(
		'orders'           => array( 18, 'bot', 'support', array( 'order status', 'order changes', 'missing order' ) ),
		'shipping'         => array( 16, 'bot', 'support', array( 'delivery times', 'tracking', 'international shipping' ) ),
		'returns'          => array( 12, 'bot', 'support', array( 'return label', 'refund status', 'exchanges' ) ),
		'billing'          => array( 8, 'bot', 'billing', array( 'invoices', 'payment methods', 'vat' ) ),
		'billing_dispute'  => array( 3, 'human', 'billing', array( 'double charge', 'chargeback' ) ),
		'pricing'          => array( 6, 'bot', 'sales', array( 'discount codes', 'price match' ) ),
		'account'          => array( 7, 'bot', 'support', array( 'password reset', 'email change' ) ),
		'account_recovery' => array( 2, 'human', 'support', array( 'locked account' ) ),
		'troubleshooting'  => array( 9, 'bot', 'support', array( 'pairing', 'charging', 'firmware updates' ) ),
		'cancellation'     => array( 3, 'human', 'billing', array( 'subscription cancel' ) ),
		'complaint'        => array( 3, 'human', 'support', array( 'late delivery', 'damaged item' ) ),
		'legal'            => array( 1, 'human', 'support', array( 'terms' ) ),
		'privacy'          => array( 1, 'private', 'privacy', array( 'data request' ) ),
		'presales'         => array( 6, 'bot', 'sales', array( 'product advice', 'stock' ) ),
		'feedback'         => array( 2, 'bot', 'support', array( 'suggestions' ) ),
		''                 => array( 3, 'bot', 'support', array( 'other' ) ),
	);
	$intent_weights = array_map( static fn( array $i ): int => $i[0], $intents );
	$questions      = array(
		'Where is my order?',
		'How long does delivery take?',
		'Can I return my running shoes?',
		'Why was I charged twice?',
		'How do I reset my password?',
		'My headphones will not pair.',
		'Can I cancel my subscription?',
		'Is the coffee grinder in stock?',
		'This did not help.',
		'Can I talk to a person?',
	);
	$system_reasons = array(
		'low_confidence'    => 30,
		'missing_knowledge' => 25,
		'repeated_failure'  => 15,
		'frustration'       => 15,
		'action_required'   => 15,
	);

	$bulk     = new Bulk_Repository();
	$versions = new Config_Version_Repository();
	if ( $opt['reset'] > 0 ) {
		$bulk->clear( array( 'events', 'handoffs', 'messages', 'conversations' ) );
		// The versions an earlier run made (their data is '{}'), so that config versions
		// number the same again.
		$bulk->delete_where( 'config_versions', 'data', '{}' );
		update_option( Settings::CONFIG_VERSION_OPTION, max( 1, $bulk->max_of( 'config_versions', 'config_version' ) ) );
		try {
			( new Report_Facts( new Report_Facts_Repository() ) )->reset();
		} catch ( Storage_Exception $e ) {
			// A site whose schema has no facts yet has none to empty.
			update_option( Report_Facts::WATERMARK_OPTION, 0, false );
		}
	}

	// Agents (made once), in teams.
	$agents = array();
	$teams  = array( 'support', 'billing', 'sales', 'privacy' );
	for ( $i = 1; $i <= 4; $i++ ) {
		$user = get_user_by( 'login', 'report-agent-' . $i );
		$id   = $user ? $user->ID : wp_insert_user(
			array(
				'user_login'   => 'report-agent-' . $i,
				'user_pass'    => wp_generate_password(),
				'user_email'   => 'report-agent-' . $i . '@example.com',
				'display_name' => 'Agent ' . $i,
				'role'         => Capabilities::ROLE,
			)
		);
		$agents[ $teams[ $i - 1 ] ] = is_wp_error( $id ) ? 0 : (int) $id;
	}

	// Configuration versions: the first in force at the start, the others saved along the way,
	// each in an area, with its note and expected impact, and a small effect on escalation.
	$areas   = array(
		array( 'rules', 'Lower the confidence threshold for shipping questions.', 'Fewer low-confidence handoffs on shipping.', -0.04 ),
		array( 'knowledge', 'Add the returns and refunds pages to the sources.', 'Fewer missing-knowledge handoffs on returns.', -0.03 ),
		array( 'routing', 'Offer a callback after hours instead of a ticket.', 'More callbacks, fewer tickets after hours.', 0.0 ),
		array( 'answer', 'Shorter answers with a link to the source.', 'Slightly more visitors ask for a person.', 0.03 ),
	);
	$base    = max( 1, (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ) );
	$count_v = max( 1, (int) $opt['versions'] );
	$changes = array(); // Starting instant => [config version, escalation shift].
	$rows    = array();
	$next_cv = $bulk->next_id( 'config_versions' );
	$shift   = 0.0;
	for ( $v = 0; $v < $count_v; $v++ ) {
		$at = $start + (int) ( $v * ( $end - $start ) / $count_v );
		if ( $v > 0 ) {
			$area   = $areas[ ( $v - 1 ) % count( $areas ) ];
			$latest = $versions->latest( $area[0] );
			$number = ( null !== $latest ? (int) $latest['version'] : 0 ) + 1;
			foreach ( $rows as $row ) {
				$number = $row[1] === $area[0] ? max( $number, $row[2] + 1 ) : $number;
			}
			$shift += $area[3];
			$rows[] = array( $next_cv++, $area[0], $number, '{}', $area[1], $area[2], 0, $base + $v, gmdate( 'Y-m-d H:i:s', $at ) );
		}
		$changes[] = array( $at, $base + $v, $shift );
	}
	if ( $rows ) {
		$bulk->insert_rows( 'config_versions', array( 'id', 'area', 'version', 'data', 'note', 'expected_impact', 'author_id', 'config_version', 'created_at' ), $rows );
	}
	if ( $base + $count_v - 1 > (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ) ) {
		update_option( Settings::CONFIG_VERSION_OPTION, $base + $count_v - 1 );
	}

	// When each conversation starts: busier on weekdays and in the day, quieter at night.
	$hour_weight = array( 0.2, 0.15, 0.1, 0.1, 0.1, 0.15, 0.3, 0.5, 0.8, 1.0, 1.0, 0.95, 0.9, 0.95, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3 );
	$starts      = array();
	while ( count( $starts ) < $conversations ) {
		$at     = $start + $rand( 0, $end - $start - 1 );
		$day    = (int) gmdate( 'N', $at );
		$weight = $hour_weight[ (int) gmdate( 'G', $at ) ] * ( $day >= 6 ? 0.55 : 1.0 );
		if ( $rand( 0, 999 ) < $weight * 1000 ) {
			$starts[] = $at;
		}
	}
	sort( $starts );

	$ids  = array(
		'conversations' => $bulk->next_id( 'conversations' ),
		'messages'      => $bulk->next_id( 'messages' ),
		'handoffs'      => $bulk->next_id( 'handoffs' ),
		'events'        => $bulk->next_id( 'events' ),
	);
	$cols = array(
		'conversations' => array( 'id', 'token_hash', 'user_id', 'status', 'language', 'page_trail', 'rating', 'config_version', 'handoff_id', 'created_at', 'updated_at', 'ended_at' ),
		'messages'      => array( 'id', 'conversation_id', 'role', 'body', 'idempotency_key', 'reply_to', 'meta', 'feedback', 'author_id', 'created_at' ),
		'handoffs'      => array( 'id', 'conversation_id', 'open_key', 'status', 'reason', 'trigger_type', 'route', 'route_reason', 'intent', 'intent_score', 'confidence', 'turn', 'team', 'agent_id', 'assigned_to', 'outcome', 'tags', 'topic', 'headline', 'context', 'config_version', 'requested_at', 'accepted_at', 'first_reply_at', 'resolved_at' ),
		'events'        => array( 'id', 'conversation_id', 'handoff_id', 'type', 'data', 'config_version', 'created_at' ),
	);
	$buf  = array_fill_keys( array_keys( $cols ), array() );
	$made = array_fill_keys( array_keys( $cols ), 0 );
	$flush = static function () use ( &$buf, &$made, $cols, $bulk ): void {
		$bulk->transaction(
			static function () use ( &$buf, $cols, $bulk ): void {
				foreach ( $cols as $table => $columns ) {
					$bulk->insert_rows( $table, $columns, $buf[ $table ] );
				}
			}
		);
		foreach ( $buf as $table => $list ) {
			$made[ $table ] += count( $list );
			$buf[ $table ]   = array();
		}
	};
	$time = static fn( int $t ): string => gmdate( 'Y-m-d H:i:s', $t );
	$json = static fn( array $data ): string => (string) wp_json_encode( $data );

	foreach ( $starts as $n => $at ) {
		$cid     = $ids['conversations']++;
		$version = $changes[0];
		foreach ( $changes as $change ) {
			$version = $change[0] <= $at ? $change : $version;
		}
		$cv      = (int) $version[1];
		$intent  = (string) $weighted( $intent_weights );
		$policy  = $intents[ $intent ][1];
		$team    = $intents[ $intent ][2];
		$turns   = max( 1, min( 40, 1 + (int) floor( -log( max( 1e-9, $rand( 1, 1000000 ) / 1000000 ) ) * max( 0.1, ( $mean - 1 ) / 1.75 ) ) ) );
		$p_hand  = 'private' === $policy ? 0.9 : ( 'human' === $policy ? 0.65 : 0.14 + $version[2] );
		$hand_at = $chance( $p_hand ) ? $rand( 1, $turns ) : 0;
		$user    = $hand_at > 0 && 'private' !== $policy && $chance( 0.45 + ( $version[2] > 0 ? 0.05 : 0 ) );
		$t       = $at;
		$event   = static function ( string $type, array $data, int $handoff = 0 ) use ( &$buf, &$ids, $cid, $cv, &$t, $time, $json ): int {
			$id               = $ids['events']++;
			$buf['events'][]  = array( $id, $cid, $handoff, $type, $json( $data ), $cv, $time( $t ) );
			return $id;
		};
		$message = static function ( string $role, string $body, array $meta, ?int $reply_to = null, int $author = 0, ?int $feedback = null ) use ( &$buf, &$ids, $cid, &$t, $time, $json ): int {
			$id                = $ids['messages']++;
			$buf['messages'][] = array( $id, $cid, $role, $body, 'visitor' === $role ? 'gen-' . $id : null, $reply_to, $json( $meta ), $feedback, $author, $time( $t ) );
			return $id;
		};
		$event(
			'conversation_started',
			array(
				'user'  => false,
				'pages' => 1,
			)
		);
		$handoff     = null;
		$outcome     = '';
		$rating_who  = 'bot';
		$had_anger   = false;
		$stop        = false;
		for ( $turn = 1; $turn <= $turns && ! $stop; $turn++ ) {
			$t      += $rand( 5, 90 );
			$visitor = $message( 'visitor', $user && $turn === $hand_at ? 'Can I talk to a person?' : $pick( $questions ), array() );
			$event( 'message_received', array( 'message_id' => $visitor ) );
			$t      += $rand( 1, 4 );
			$signals = array();
			if ( $turn > 1 && $chance( 0.06 ) ) {
				$signals[] = 'repetition';
			}
			if ( $chance( 0.02 + 0.02 * $turn ) ) {
				$signals[]  = 'frustration';
				$had_anger = true;
			}
			$roll = $rand( 0, 99 );
			$kind = $roll < 78 ? 'extractive' : ( $roll < 90 ? 'dont_know' : 'small_talk' );
			$conf = 'dont_know' === $kind ? $rand( 0, 30 ) / 100 : ( $chance( 0.15 ) ? $rand( 15, 45 ) / 100 : $rand( 50, 98 ) / 100 );
			$data = array(
				'kind'       => $kind,
				'confidence' => $conf,
				'citations'  => 'extractive' === $kind ? $rand( 1, 3 ) : 0,
				'language'   => 'en',
				'decision'   => 'answer',
				'reason'     => '',
				'trigger'    => '',
				'rule'       => '',
				'intent'     => $intent,
				'signals'    => $signals,
			);
			if ( $turn === $hand_at ) {
				// The handoff: why, who asked, where it went.
				if ( 'private' === $policy ) {
					list( $reason, $trigger ) = array( 'sensitive_account', 'rule' );
				} elseif ( $user ) {
					list( $reason, $trigger ) = array( 'user_requested', 'user' );
					$signals[]                = 'human_request';
				} elseif ( 'human' === $policy ) {
					list( $reason, $trigger ) = array( 'business_rule', 'rule' );
				} else {
					$reason  = $had_anger && $chance( 0.5 ) ? 'frustration' : (string) $weighted( $system_reasons );
					$trigger = 'system';
				}
				$staffed = (int) gmdate( 'N', $t ) <= 5 && (int) gmdate( 'G', $t ) >= 8 && (int) gmdate( 'G', $t ) < 18;
				if ( 'private' === $policy ) {
					list( $route, $route_reason ) = array( 'private', 'private' );
				} elseif ( $staffed ) {
					$route_reason = (string) $weighted(
						array(
							'live'       => 90,
							'no_agent'   => 6,
							'queue_full' => 4,
						)
					);
					$route        = 'live' === $route_reason ? 'live' : ( $chance( 0.7 ) ? 'ticket' : 'callback' );
				} else {
					$route_reason = 'after_hours';
					$route        = $chance( $cv > $base + 2 ? 0.5 : 0.8 ) ? 'ticket' : 'callback';
				}
				$hid     = $ids['handoffs']++;
				$handoff = array(
					'id'             => $hid,
					'reason'         => $reason,
					'trigger'        => $trigger,
					'route'          => $route,
					'route_reason'   => $route_reason,
					'requested_at'   => $t,
					'turn'           => $turn,
					'confidence'     => $conf,
					'signals'        => $signals,
				);
				$data['decision']   = 'private' === $policy ? 'private_handoff' : 'handoff';
				$data['reason']     = $reason;
				$data['trigger']    = $trigger;
				$data['rule']       = 'rule' === $trigger ? ( 'private' === $policy ? 'private_intent' : 'always_human_intent' ) : '';
				$data['signals']    = $signals;
				$data['handoff_id'] = $hid;
				$reply              = $message( 'bot', 'Connecting you with a person.', array( 'kind' => 'handoff' ), $visitor );
				$data['message_id'] = $visitor;
				$data['reply_id']   = $reply;
				$event( 'handoff_requested', $data, $hid );
				$stop = true;
				continue;
			}//end if
			if ( 'bot' === $policy && $conf < 0.35 && $chance( 0.25 ) ) {
				// An offer of a person, which the visitor declines, or leaves without a word.
				$data['decision']   = 'offer_choice';
				$data['reason']     = 'dont_know' === $kind ? 'missing_knowledge' : 'low_confidence';
				$data['trigger']    = 'system';
				$reply              = $message( 'bot', 'Would you like to talk to a person?', array( 'kind' => 'offer' ), $visitor );
				$data['message_id'] = $visitor;
				$data['reply_id']   = $reply;
				$event( 'choice_offered', $data );
				if ( $chance( 0.4 ) ) {
					$stop = true;
					continue;
				}
				$t += $rand( 5, 60 );
				$event(
					'choice_declined',
					array(
						'message_id' => $reply,
						'reason'     => $data['reason'],
					)
				);
				continue;
			}
			$unhelpful          = $chance( $conf < 0.5 ? 0.12 : 0.03 );
			$helpful            = ! $unhelpful && $chance( 0.05 );
			$reply              = $message( 'bot', 'Here is what our help pages say.', array( 'kind' => $kind ), $visitor, 0, $unhelpful ? -1 : ( $helpful ? 1 : null ) );
			$data['message_id'] = $visitor;
			$data['reply_id']   = $reply;
			$event( 'answered', $data );
			if ( $unhelpful || $helpful ) {
				$t += $rand( 2, 20 );
				$event(
					'feedback',
					array(
						'message_id' => $reply,
						'helpful'    => $helpful,
					)
				);
			}
		}//end for

		$status = $end - $t > 2 * HOUR_IN_SECONDS ? 'ended' : 'open';
		if ( null !== $handoff ) {
			$hid          = $handoff['id'];
			$agent        = $agents[ $team ] ?? 0;
			$accepted_at  = null;
			$first_reply  = null;
			$resolved_at  = null;
			$outcome      = '';
			$tags         = array();
			$topic        = '';
			$h_status     = 'requested';
			$req          = $handoff['requested_at'];
			$event(
				'routed',
				array(
					'route'   => $handoff['route'],
					'outcome' => $handoff['route_reason'],
					'team'    => $team,
				),
				$hid
			);
			if ( 'live' === $handoff['route'] || 'private' === $handoff['route'] ) {
				$event( 'queued', array( 'team' => $team ), $hid );
				if ( $chance( 'private' === $handoff['route'] ? 0.95 : 0.82 ) ) {
					$t           = $req + $delay( 45 );
					$accepted_at = $t;
					$event(
						'agent_joined',
						array(
							'agent' => $agent,
							'team'  => $team,
						),
						$hid
					);
					$t          += $delay( 40 );
					$first_reply = $t;
					$message( 'agent', 'Hello, I can help with that.', array(), null, $agent );
					$event(
						'first_agent_reply',
						array(
							'agent'         => $agent,
							'waited_seconds' => $t - $req,
						),
						$hid
					);
					$t += $rand( 20, 200 );
					$message( 'visitor', 'Thank you.', array() );
					$t          += $delay( 300 );
					$resolved_at = $t;
					$outcome     = (string) $weighted(
						array(
							'resolved'     => 72,
							'not_resolved' => 20,
							'duplicate'    => 5,
							'spam'         => 3,
						)
					);
					$h_status    = 'resolved';
					$rating_who  = 'person';
					$event(
						'resolved',
						array(
							'agent'   => $agent,
							'outcome' => $outcome,
						),
						$hid
					);
				} else {
					$t     = $req + $rand( 120, 900 );
					$tags[] = 'escalation_failed';
					if ( $chance( 0.5 ) ) {
						$h_status = 'left';
						$event( 'left_queue', array( 'waited_seconds' => $t - $req ), $hid );
					} else {
						$h_status = 'abandoned';
						$event( 'abandoned', array( 'waited_seconds' => $t - $req ), $hid );
					}
				}//end if
			} else {
				$event( 'ticket_created', array( 'route' => $handoff['route'] ), $hid );
				$reply_in = $handoff['route_reason'] === 'after_hours' ? $rand( 2, 14 ) * HOUR_IN_SECONDS + $delay( 900 ) : $delay( 1800 );
				if ( $req + $reply_in < $end - HOUR_IN_SECONDS ) {
					$first_reply = $req + $reply_in;
					$accepted_at = $first_reply;
					$resolved_at = $first_reply + $delay( 3600 );
					$outcome     = $chance( 0.8 ) ? 'resolved' : 'not_resolved';
					$h_status    = 'closed';
					$rating_who  = 'person';
				} else {
					$h_status = 'ticket';
				}
			}//end if
			if ( 'resolved' === $outcome || 'not_resolved' === $outcome ) {
				if ( 'bot' === $policy && $chance( 0.22 ) ) {
					$tags[] = 'bot_could_answer';
				}
				$topic = $pick( $intents[ $intent ][3] );
			}
			$fields  = array();
			$present = array(
				'transcript' => 0.99,
				'intent'     => '' === $intent ? 0.0 : 0.97,
				'confidence' => 0.95,
				'sources'    => $cv > $base + 1 ? 0.85 : 0.6,
				'user'       => 0.35,
				'pages'      => 0.9,
				'form'       => 'live' === $handoff['route'] ? 0.2 : 0.8,
				'reason'     => 1.0,
				'summary'    => 0.9,
				'language'   => 0.98,
			);
			foreach ( Context_Package::FIELDS as $field ) {
				$fields[ $field ] = $chance( $present[ $field ] );
			}
			$context = $json(
				array(
					'summary'      => array( 'The visitor asked about ' . ( '' === $intent ? 'something else' : $intent ) . '.' ),
					'transcript'   => array(
						array(
							'role' => 'visitor',
							'body' => $user ? 'Can I talk to a person?' : 'I need help with my order.',
						),
					),
					'intent'       => array(
						'name'  => $intent,
						'score' => 0.8,
					),
					'reason'       => $handoff['reason'],
					'trigger'      => $handoff['trigger'],
					'turn'         => $handoff['turn'],
					'completeness' => array(
						'score'  => round( count( array_filter( $fields ) ) / count( $fields ), 2 ),
						'fields' => $fields,
					),
				)
			);
			$buf['handoffs'][] = array(
				$hid,
				$cid,
				null,
				$h_status,
				$handoff['reason'],
				$handoff['trigger'],
				$handoff['route'],
				$handoff['route_reason'],
				$intent,
				'' === $intent ? null : 0.8,
				(float) $handoff['confidence'],
				$handoff['turn'],
				$team,
				null !== $accepted_at ? $agent : 0,
				0,
				$outcome,
				implode( ',', $tags ),
				$topic,
				'The visitor asked about ' . ( '' === $intent ? 'something else' : $intent ),
				$context,
				$cv,
				$time( $req ),
				null !== $accepted_at ? $time( $accepted_at ) : null,
				null !== $first_reply ? $time( $first_reply ) : null,
				null !== $resolved_at ? $time( $resolved_at ) : null,
			);
			$t = max( $t, $resolved_at ?? $t );
		}//end if

		$rating = null;
		if ( 'ended' === $status && $chance( 0.3 ) ) {
			$good   = null === $handoff ? 0.7 : ( 'resolved' === $outcome ? 0.8 : 0.3 );
			$rating = $chance( $good ) ? $rand( 4, 5 ) : $rand( 1, 3 );
			$t     += $rand( 5, 60 );
			$event(
				'rated',
				array(
					'rating'    => $rating,
					'served_by' => 'person' === $rating_who ? 'person' : 'bot',
				),
				'person' === $rating_who && null !== $handoff ? $handoff['id'] : 0
			);
		}
		if ( 'ended' === $status ) {
			$t += $rand( 5, 120 );
			$event( 'conversation_ended', array() );
		}
		$t                      = min( $t, $end );
		$buf['conversations'][] = array( $cid, hash( 'sha256', 'generated-' . $opt['seed'] . '-' . $cid ), 0, $status, 'en', '[]', $rating, $cv, 0, $time( $at ), $time( $t ), 'ended' === $status ? $time( $t ) : null );
		if ( 0 === ( $n + 1 ) % 1000 ) {
			$flush();
		}
	}//end foreach
	$flush();

	echo wp_json_encode(
		array(
			'conversations'   => $made['conversations'],
			'messages'        => $made['messages'],
			'handoffs'        => $made['handoffs'],
			'events'          => $made['events'],
			'config_versions' => count( $changes ),
			'from'            => gmdate( 'Y-m-d H:i:s', $start ),
			'to'              => gmdate( 'Y-m-d H:i:s', $end ),
			'seconds'         => round( microtime( true ) - $started, 1 ),
		)
	) . "\n";
} )( $handoff_bot_opt );
