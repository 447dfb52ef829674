<?php
/**
 * The checks behind alerts on who is handed to a person: escalation rates, reasons, early requests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

use HandoffBot\Escalation\Reason;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Each method walks the checks of issue item 4 in order, filled in from the alert's window and
 * the one before.
 *
 * @phpstan-import-type Investigation_Step from Investigation_Window
 */
final class Escalation_Investigation {

	/**
	 * Escalation rate up: which intents changed, whether a configuration change came first,
	 * whether users or the system drove it, whether agents resolved these cases. Down: whether
	 * unproductive turns, abandonment, or later and angrier handoffs rose.
	 *
	 * @param Investigation_Window $w The window.
	 * @return list<Investigation_Step>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public static function intent_rate( Investigation_Window $w ): array {
		$intent = $w->alert['subject'];
		$steps  = array( self::intents_step( $w, $intent ) );
		if ( 'down' === $w->alert['direction'] ) {
			return array_merge( $steps, self::down_steps( $w ) );
		}
		$steps[]  = $w->versions_step();
		$triggers = $w->counts( 'trigger_type', array( 'intent' => $intent ) );
		$user     = array( $triggers[ Reason::TRIGGER_USER ][0] ?? 0, $triggers[ Reason::TRIGGER_USER ][1] ?? 0 );
		$total    = array( (int) array_sum( array_column( $triggers, 0 ) ), (int) array_sum( array_column( $triggers, 1 ) ) );
		$rows     = array();
		foreach ( $triggers as $trigger => $pair ) {
			$rows[] = array( (string) $trigger, $pair[1], $pair[0] );
		}
		$share   = $total[0] > 0 ? $user[0] / $total[0] : null;
		$steps[] = Investigation_Window::step(
			'who_drove_it',
			__( 'Did visitors or the system drive it?', 'handoff-bot' ),
			sprintf(
				/* translators: 1: share of handoffs the visitor asked for now, 2: before, 3: verdict. */
				__( 'Visitors asked for a person in %1$s of these handoffs (%2$s before): %3$s', 'handoff-bot' ),
				Investigation_Window::percent( $share ),
				Investigation_Window::percent( $total[1] > 0 ? $user[1] / $total[1] : null ),
				null !== $share && $share > 0.5 ? __( 'mostly user-driven; read what they asked before the bot could answer.', 'handoff-bot' ) : __( 'mostly system-driven; check the rules and the answer threshold.', 'handoff-bot' )
			),
			array( __( 'Trigger', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
			array( Investigation_Window::TEXT, Investigation_Window::COUNT, Investigation_Window::COUNT ),
			$rows,
			$w->drill(
				array(
					'intent'  => $intent,
					'trigger' => Reason::TRIGGER_USER,
				)
			)
		);
		$saves = array();
		foreach ( array( $w->now, $w->then ) as $i => $metrics ) {
			foreach ( (array) $metrics['saves']['by_intent'] as $row ) {
				if ( $row['key'] === $intent ) {
					$saves[ $i ] = $row;
				}
			}
		}
		$now     = $saves[0] ?? array(
			'accepted' => 0,
			'resolved' => 0,
			'rate'     => null,
		);
		$then    = $saves[1] ?? array(
			'accepted' => 0,
			'resolved' => 0,
			'rate'     => null,
		);
		$steps[] = Investigation_Window::step(
			'agents_resolved',
			__( 'Did agents resolve these cases?', 'handoff-bot' ),
			sprintf(
				/* translators: 1: handoffs resolved, 2: handoffs accepted, 3: save rate now, 4: before. */
				__( 'Agents resolved %1$d of the %2$d they accepted (%3$s; %4$s before). Cases agents resolve easily are ones the bot could learn to answer.', 'handoff-bot' ),
				$now['resolved'],
				$now['accepted'],
				Investigation_Window::percent( $now['rate'] ),
				Investigation_Window::percent( $then['rate'] )
			),
			array( __( 'Figure', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
			array( Investigation_Window::TEXT, Investigation_Window::BY_ROW, Investigation_Window::BY_ROW ),
			array(
				array( __( 'Accepted', 'handoff-bot' ), $then['accepted'], $now['accepted'] ),
				array( __( 'Resolved', 'handoff-bot' ), $then['resolved'], $now['resolved'] ),
				array( __( 'Save rate', 'handoff-bot' ), $then['rate'], $now['rate'] ),
			),
			$w->drill(
				array(
					'intent'  => $intent,
					'outcome' => 'resolved',
				)
			),
			array( Investigation_Window::COUNT, Investigation_Window::COUNT, Investigation_Window::SHARE )
		);
		return $steps;
	}

	/**
	 * Which intents' rates changed, the alert's first.
	 *
	 * @param Investigation_Window $w      The window.
	 * @param string               $intent The alert's intent.
	 * @return Investigation_Step
	 */
	private static function intents_step( Investigation_Window $w, string $intent ): array {
		$before = array();
		foreach ( (array) $w->then['escalation']['intents'] as $row ) {
			$before[ $row['intent'] ] = $row;
		}
		$rows  = array();
		$moved = array();
		foreach ( (array) $w->now['escalation']['intents'] as $row ) {
			$then   = $before[ $row['intent'] ] ?? null;
			$delta  = null !== $then && null !== $row['rate'] && null !== $then['rate'] ? round( $row['rate'] - $then['rate'], 4 ) : null;
			$rows[] = array( $row['intent'], $row['conversations'], null !== $then ? $then['rate'] : null, $row['rate'], $delta );
			if ( null !== $delta && $row['intent'] !== $intent && '' !== $row['intent'] && abs( $delta ) > 0.05 ) {
				$moved[] = $row['intent'];
			}
		}
		usort(
			$rows,
			static function ( array $a, array $b ) use ( $intent ): int {
				return array( $b[0] === $intent, abs( (float) $b[4] ) ) <=> array( $a[0] === $intent, abs( (float) $a[4] ) );
			}
		);
		$figures = $w->alert['figures'];
		return Investigation_Window::step(
			'intents_changed',
			__( 'Which intents changed?', 'handoff-bot' ),
			sprintf(
				/* translators: 1: intent, 2: rate before, 3: rate now, 4: other intents that moved by more than 5 points, or "none". */
				__( 'The escalation rate of %1$s went from %2$s to %3$s. Other intents that moved by more than 5 points: %4$s.', 'handoff-bot' ),
				$intent,
				Investigation_Window::percent( $figures['previous'] ?? null ),
				Investigation_Window::percent( $figures['current'] ?? null ),
				$moved ? implode( ', ', $moved ) : __( 'none', 'handoff-bot' )
			),
			array( __( 'Intent', 'handoff-bot' ), __( 'Conversations', 'handoff-bot' ), __( 'Rate before', 'handoff-bot' ), __( 'Rate now', 'handoff-bot' ), __( 'Change', 'handoff-bot' ) ),
			array( Investigation_Window::TEXT, Investigation_Window::COUNT, Investigation_Window::SHARE, Investigation_Window::SHARE, Investigation_Window::POINTS ),
			array_slice( $rows, 0, 10 ),
			$w->drill( array( 'intent' => $intent ) )
		);
	}

	/**
	 * Escalation down: did visitors give up on the bot instead?
	 *
	 * @param Investigation_Window $w The window.
	 * @return list<Investigation_Step>
	 */
	private static function down_steps( Investigation_Window $w ): array {
		$checks = array(
			array( 'unproductive_turns', __( 'Did unproductive turns rise?', 'handoff-bot' ), array( array( 'turns', 'unproductive_turns' ), array( 'turns', 'handoffs_after_unproductive' ) ), array( __( 'Unproductive turns before a handoff', 'handoff-bot' ), __( 'Handoffs after an unproductive turn', 'handoff-bot' ) ), null, array( Investigation_Window::COUNT, Investigation_Window::COUNT ) ),
			array( 'abandonment', __( 'Did abandonment rise?', 'handoff-bot' ), array( array( 'queue', 'abandonment_rate' ), array( 'effort', 'offer_drop_rate' ) ), array( __( 'Abandonment while waiting', 'handoff-bot' ), __( 'Offers of a person left unanswered', 'handoff-bot' ) ), array( 'route_reason' => 'live' ), array( Investigation_Window::SHARE, Investigation_Window::SHARE ) ),
			array( 'later_angrier', __( 'Were handoffs later and angrier?', 'handoff-bot' ), array( array( 'turns', 'median' ), array( 'effort', 'negative_before_handoff_share' ) ), array( __( 'Median turn of the handoff', 'handoff-bot' ), __( 'Share with negative sentiment before the handoff', 'handoff-bot' ) ), array( 'reason' => Reason::FRUSTRATION ), array( Investigation_Window::MEAN, Investigation_Window::SHARE ) ),
		);
		$steps  = array();
		foreach ( $checks as list( $key, $title, $paths, $labels, $drill, $row_kinds ) ) {
			$rows = array();
			$rose = array();
			foreach ( $paths as $i => $path ) {
				list( $now, $then ) = $w->pair( $path );
				$rows[]             = array( $labels[ $i ], $then, $now );
				if ( null !== $now && null !== $then && $now > $then ) {
					$rose[] = $labels[ $i ];
				}
			}
			$steps[] = Investigation_Window::step(
				$key,
				$title,
				$rose
					/* translators: %s: the figures that rose. */
					? sprintf( __( 'Yes: %s rose, so fewer handoffs may mean visitors gave up rather than got answers.', 'handoff-bot' ), implode( '; ', $rose ) )
					: __( 'No: these figures did not rise.', 'handoff-bot' ),
				array( __( 'Figure', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
				array( Investigation_Window::TEXT, Investigation_Window::BY_ROW, Investigation_Window::BY_ROW ),
				$rows,
				null === $drill ? null : $w->drill( $drill ),
				$row_kinds
			);
		}//end foreach
		return $steps;
	}

	/**
	 * A reason code entered the top three: the reasons, the intents behind it, who drove it,
	 * and whether a configuration change came first.
	 *
	 * @param Investigation_Window $w The window.
	 * @return list<Investigation_Step>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public static function new_top_reason( Investigation_Window $w ): array {
		$reason  = $w->alert['subject'];
		$reasons = $w->counts( 'reason' );
		$rows    = array();
		foreach ( array_slice( $reasons, 0, 8, true ) as $code => $pair ) {
			$rows[] = array( (string) $code, $pair[1], $pair[0] );
		}
		$steps   = array(
			Investigation_Window::step(
				'reasons',
				__( 'How did the reasons move?', 'handoff-bot' ),
				sprintf(
					/* translators: 1: reason code, 2: handoffs now, 3: handoffs before. */
					__( '%1$s entered the top three with %2$d handoffs (%3$d before).', 'handoff-bot' ),
					$reason,
					$reasons[ $reason ][0] ?? 0,
					$reasons[ $reason ][1] ?? 0
				),
				array( __( 'Reason', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
				array( Investigation_Window::TEXT, Investigation_Window::COUNT, Investigation_Window::COUNT ),
				$rows,
				$w->drill( array( 'reason' => $reason ) )
			),
		);
		$intents = $w->counts( 'intent', array( 'reason' => $reason ) );
		$rows    = array();
		foreach ( array_slice( $intents, 0, 8, true ) as $name => $pair ) {
			$rows[] = array( (string) $name, $pair[1], $pair[0] );
		}
		$top     = (string) array_key_first( $intents );
		$steps[] = Investigation_Window::step(
			'intents',
			__( 'Which intents are behind it?', 'handoff-bot' ),
			! $intents
				? __( 'No handoff with this reason in the window.', 'handoff-bot' )
				: sprintf(
					/* translators: 1: intent, 2: handoffs. */
					__( 'Most come from the intent “%1$s” (%2$d handoffs).', 'handoff-bot' ),
					'' === $top ? __( 'none detected', 'handoff-bot' ) : $top,
					$intents[ $top ][0] ?? 0
				),
			array( __( 'Intent', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
			array( Investigation_Window::TEXT, Investigation_Window::COUNT, Investigation_Window::COUNT ),
			$rows,
			$w->drill(
				array(
					'reason' => $reason,
					'intent' => $top,
				)
			)
		);
		$steps[] = $w->versions_step();
		return $steps;
	}

	/**
	 * Visitors ask for a person earlier: the turns, the bot's opening replies in those
	 * conversations, and whether a configuration change came first.
	 *
	 * @param Investigation_Window $w         The window.
	 * @param float                $threshold The answer threshold.
	 * @return list<Investigation_Step>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public static function earlier_requests( Investigation_Window $w, float $threshold ): array {
		$turns   = array(
			$w->reads->user_request_turns( $w->period->start_utc(), $w->period->end_utc() ),
			$w->reads->user_request_turns( $w->previous->start_utc(), $w->previous->end_utc() ),
		);
		$buckets = array(
			'1'   => array( 1, 1 ),
			'2'   => array( 2, 2 ),
			'3'   => array( 3, 3 ),
			'4-5' => array( 4, 5 ),
			'6+'  => array( 6, PHP_INT_MAX ),
		);
		$rows    = array();
		foreach ( $buckets as $label => $range ) {
			$in     = static fn( int $turn ): bool => $turn >= $range[0] && $turn <= $range[1];
			$rows[] = array( (string) $label, count( array_filter( $turns[1], $in ) ), count( array_filter( $turns[0], $in ) ) );
		}
		$figures = $w->alert['figures'];
		$steps   = array(
			Investigation_Window::step(
				'turns',
				__( 'When do visitors ask for a person?', 'handoff-bot' ),
				sprintf(
					/* translators: 1: median turn now, 2: before, 3: handoffs. */
					__( 'The median turn of user-requested handoffs fell from %2$s to %1$s (%3$d handoffs).', 'handoff-bot' ),
					number_format_i18n( (float) ( $figures['current'] ?? 0 ), 1 ),
					number_format_i18n( (float) ( $figures['previous'] ?? 0 ), 1 ),
					count( $turns[0] )
				),
				array( __( 'Turn', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
				array( Investigation_Window::TEXT, Investigation_Window::COUNT, Investigation_Window::COUNT ),
				$rows,
				$w->drill( array( 'trigger' => Reason::TRIGGER_USER ) )
			),
		);
		$opening = $w->reads->early_request_openings( $w->period->start_utc(), $w->period->end_utc(), 10 );
		$weak    = 0;
		$rows    = array();
		foreach ( $opening as $row ) {
			$unsure = 'dont_know' === $row['kind'] || ( null !== $row['confidence'] && $row['confidence'] < $threshold );
			$weak  += $unsure ? 1 : 0;
			$rows[] = array( $row['conversation_id'], $row['turn'], $row['decision'], $row['kind'], $row['confidence'] );
		}
		$steps[] = Investigation_Window::step(
			'opening_replies',
			__( 'What did the bot open with?', 'handoff-bot' ),
			$opening
				? sprintf(
					/* translators: 1: replies that were unsure, 2: replies read. */
					__( 'In %1$d of the %2$d latest conversations where the visitor asked for a person within two turns, the bot’s first reply was unsure (below the answer threshold, or it did not know): its opening and confidence wording are the place to look.', 'handoff-bot' ),
					$weak,
					count( $opening )
				)
				: __( 'No visitor asked for a person within two turns in this window.', 'handoff-bot' ),
			array( __( 'Conversation', 'handoff-bot' ), __( 'Turn of the request', 'handoff-bot' ), __( 'First decision', 'handoff-bot' ), __( 'Answer kind', 'handoff-bot' ), __( 'Confidence', 'handoff-bot' ) ),
			array( Investigation_Window::TEXT, Investigation_Window::COUNT, Investigation_Window::TEXT, Investigation_Window::TEXT, Investigation_Window::MEAN ),
			$rows,
			$w->drill( array( 'trigger' => Reason::TRIGGER_USER ) )
		);
		$steps[] = $w->versions_step();
		return $steps;
	}
}
