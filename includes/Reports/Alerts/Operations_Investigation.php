<?php
/**
 * The checks behind alerts on topics, context packages, the queue and connections.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

use HandoffBot\Escalation\Reason;
use HandoffBot\Handoff\Context_Package;
use HandoffBot\Repositories\Delivery_Health_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Each method walks the checks of issue item 4 in order, filled in from the alert's window and
 * the one before.
 *
 * @phpstan-import-type Investigation_Step from Investigation_Window
 */
final class Operations_Investigation {

	/**
	 * The groups of reasons a dominant topic's handoffs are read by: key => reason codes.
	 */
	private const REASON_GROUPS = array(
		'weak_content'     => array( Reason::MISSING_KNOWLEDGE, Reason::LOW_CONFIDENCE ),
		'repeated_failure' => array( Reason::REPEATED_FAILURE ),
		'action_required'  => array( Reason::ACTION_REQUIRED ),
	);

	/**
	 * One topic dominates: its share, then whether its handoffs are mostly missing knowledge or
	 * low confidence (content is weak), repeated failure (ask a clarifying question) or action
	 * required (it needs an integration, not prompt tuning).
	 *
	 * @param Investigation_Window $w The window.
	 * @return list<Investigation_Step>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public static function topic_share( Investigation_Window $w ): array {
		$topic   = $w->alert['subject'];
		$figures = $w->alert['figures'];
		$volume  = (array) ( $figures['volume'] ?? array( 0, 0 ) );
		$counts  = (array) ( $figures['handoffs'] ?? array( 0, 0 ) );
		$steps   = array(
			Investigation_Window::step(
				'share',
				__( 'How much of the handoffs does it take?', 'handoff-bot' ),
				sprintf(
					/* translators: 1: topic, 2: handoffs, 3: all handoffs, 4: share now, 5: before. */
					__( '%1$s took %2$d of %3$d handoffs (%4$s; %5$s before).', 'handoff-bot' ),
					$topic,
					(int) ( $counts[0] ?? 0 ),
					(int) ( $volume[0] ?? 0 ),
					Investigation_Window::percent( $figures['current'] ?? null ),
					Investigation_Window::percent( $figures['previous'] ?? null )
				),
				array( __( 'Figure', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
				array( Investigation_Window::TEXT, Investigation_Window::BY_ROW, Investigation_Window::BY_ROW ),
				array(
					array( __( 'Handoffs of the topic', 'handoff-bot' ), (int) ( $counts[1] ?? 0 ), (int) ( $counts[0] ?? 0 ) ),
					array( __( 'All handoffs', 'handoff-bot' ), (int) ( $volume[1] ?? 0 ), (int) ( $volume[0] ?? 0 ) ),
					array( __( 'Share', 'handoff-bot' ), $figures['previous'] ?? null, $figures['current'] ?? null ),
				),
				$w->drill( array( 'intent' => $topic ) ),
				array( Investigation_Window::COUNT, Investigation_Window::COUNT, Investigation_Window::SHARE )
			),
		);
		$reasons = $w->counts( 'reason', array( 'intent' => $topic ) );
		$total   = (int) array_sum( array_column( $reasons, 0 ) );
		$groups  = array();
		foreach ( self::REASON_GROUPS as $key => $codes ) {
			$groups[ $key ] = 0;
			foreach ( $codes as $code ) {
				$groups[ $key ] += $reasons[ $code ][0] ?? 0;
			}
		}
		$groups['other'] = $total - (int) array_sum( $groups );
		arsort( $groups );
		$main        = (string) array_key_first( $groups );
		$conclusions = array(
			'weak_content'     => __( 'Mostly missing knowledge or low confidence: the content is weak; add or improve the pages this topic is answered from.', 'handoff-bot' ),
			'repeated_failure' => __( 'Mostly repeated failure: the bot should ask a clarifying question on this topic.', 'handoff-bot' ),
			'action_required'  => __( 'Mostly action required: visitors need something done, so this needs an integration, not prompt tuning.', 'handoff-bot' ),
			'other'            => __( 'Mostly other reasons (visitors asking for a person, rules, sensitive cases): look at what those visitors asked.', 'handoff-bot' ),
		);
		$labels      = array(
			'weak_content'     => __( 'Missing knowledge or low confidence', 'handoff-bot' ),
			'repeated_failure' => __( 'Repeated failure', 'handoff-bot' ),
			'action_required'  => __( 'Action required', 'handoff-bot' ),
			'other'            => __( 'Other reasons', 'handoff-bot' ),
		);
		$rows        = array();
		foreach ( $groups as $key => $count ) {
			$rows[] = array( $labels[ $key ], $count, $total > 0 ? round( $count / $total, 4 ) : null );
		}
		$top_reason = '';
		foreach ( array_keys( $reasons ) as $code ) {
			if ( 'other' === $main || in_array( $code, self::REASON_GROUPS[ $main ] ?? array(), true ) ) {
				$top_reason = (string) $code;
				break;
			}
		}
		$steps[] = Investigation_Window::step(
			'why',
			__( 'Why are its visitors handed over?', 'handoff-bot' ),
			$total > 0 ? $conclusions[ $main ] : __( 'No handoff of this topic in the window.', 'handoff-bot' ),
			array( __( 'Reasons', 'handoff-bot' ), __( 'Handoffs', 'handoff-bot' ), __( 'Share', 'handoff-bot' ) ),
			array( Investigation_Window::TEXT, Investigation_Window::COUNT, Investigation_Window::SHARE ),
			$rows,
			$w->drill( '' === $top_reason ? array( 'intent' => $topic ) : array( 'intent' => $topic ) + array( 'reason' => $top_reason ) )
		);
		return $steps;
	}

	/**
	 * Context completeness dropped: which fields went missing, and whether a configuration change
	 * came first.
	 *
	 * @param Investigation_Window $w The window.
	 * @return list<Investigation_Step>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public static function completeness( Investigation_Window $w ): array {
		$rows = array();
		foreach ( Context_Package::FIELDS as $field ) {
			list( $now, $then ) = $w->pair( array( 'completeness', 'fields', $field ) );
			$rows[]             = array( $field, $then, $now, null !== $now && null !== $then ? round( $now - $then, 4 ) : null );
		}
		usort(
			$rows,
			static function ( array $a, array $b ): int {
				return (float) $a[3] <=> (float) $b[3];
			}
		);
		return array(
			Investigation_Window::step(
				'fields',
				__( 'Which fields went missing?', 'handoff-bot' ),
				sprintf(
					/* translators: 1: field, 2: share of packages with it before, 3: now. */
					__( '%1$s fell the most: present in %2$s of packages before, %3$s now.', 'handoff-bot' ),
					(string) $rows[0][0],
					Investigation_Window::percent( $rows[0][1] ),
					Investigation_Window::percent( $rows[0][2] )
				),
				array( __( 'Field', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ), __( 'Change', 'handoff-bot' ) ),
				array( Investigation_Window::TEXT, Investigation_Window::SHARE, Investigation_Window::SHARE, Investigation_Window::POINTS ),
				$rows,
				$w->drill( array() )
			),
			$w->versions_step(),
		);
	}

	/**
	 * Queue waits or abandonment grow: the handoff volume against staffed hours and agents
	 * online, then the figures of the queue.
	 *
	 * @param Investigation_Window $w The window.
	 * @return list<Investigation_Step>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public static function queue( Investigation_Window $w ): array {
		$outcomes = $w->counts( 'route_reason' );
		$total    = array( (int) array_sum( array_column( $outcomes, 0 ) ), (int) array_sum( array_column( $outcomes, 1 ) ) );
		$rows     = array();
		foreach ( array( 'live', 'after_hours', 'no_agent', 'queue_full', 'private' ) as $outcome ) {
			$rows[] = array( $outcome, $outcomes[ $outcome ][1] ?? 0, $outcomes[ $outcome ][0] ?? 0 );
		}
		$days    = max( 1, $w->period->days() );
		$steps   = array(
			Investigation_Window::step(
				'volume',
				__( 'Did handoff volume grow against staffed hours?', 'handoff-bot' ),
				sprintf(
					/* translators: 1: handoffs now, 2: before, 3: live (in staffed hours) now, 4: before, 5: handoffs a day. */
					__( '%1$d handoffs (%2$d before), %3$d of them live in staffed hours (%4$d before): %5$s a day.', 'handoff-bot' ),
					$total[0],
					$total[1],
					$outcomes['live'][0] ?? 0,
					$outcomes['live'][1] ?? 0,
					number_format_i18n( $total[0] / $days, 1 )
				),
				array( __( 'Routing outcome', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
				array( Investigation_Window::TEXT, Investigation_Window::COUNT, Investigation_Window::COUNT ),
				$rows,
				$w->drill( array( 'route_reason' => 'live' ) )
			),
		);
		$agents  = array(
			$w->reads->agents( $w->period->start_utc(), $w->period->end_utc() ),
			$w->reads->agents( $w->previous->start_utc(), $w->previous->end_utc() ),
		);
		$live    = array( $outcomes['live'][0] ?? 0, $outcomes['live'][1] ?? 0 );
		$per     = array( $agents[0] > 0 ? round( $live[0] / $agents[0], 2 ) : null, $agents[1] > 0 ? round( $live[1] / $agents[1], 2 ) : null );
		$steps[] = Investigation_Window::step(
			'agents',
			__( 'Were enough agents online?', 'handoff-bot' ),
			sprintf(
				/* translators: 1: agents who took handoffs now, 2: before, 3: no-agent fallbacks now, 4: before. */
				__( '%1$d agents took handoffs (%2$d before); %3$d handoffs found no agent online (%4$d before).', 'handoff-bot' ),
				$agents[0],
				$agents[1],
				$outcomes['no_agent'][0] ?? 0,
				$outcomes['no_agent'][1] ?? 0
			),
			array( __( 'Figure', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
			array( Investigation_Window::TEXT, Investigation_Window::BY_ROW, Investigation_Window::BY_ROW ),
			array(
				array( __( 'Agents who took handoffs', 'handoff-bot' ), $agents[1], $agents[0] ),
				array( __( 'Live handoffs per agent', 'handoff-bot' ), $per[1], $per[0] ),
				array( __( 'No agent online', 'handoff-bot' ), $outcomes['no_agent'][1] ?? 0, $outcomes['no_agent'][0] ?? 0 ),
			),
			$w->drill( array( 'route_reason' => 'no_agent' ) ),
			array( Investigation_Window::COUNT, Investigation_Window::MEAN, Investigation_Window::COUNT )
		);
		$figures = array(
			array( __( 'Median delay to the first human reply (s)', 'handoff-bot' ), array( 'queue', 'delay_median_seconds' ) ),
			array( __( 'p90 delay (s)', 'handoff-bot' ), array( 'queue', 'delay_p90_seconds' ) ),
			array( __( 'Abandonment while waiting', 'handoff-bot' ), array( 'queue', 'abandonment_rate' ) ),
			array( __( 'Transfer success in staffed hours', 'handoff-bot' ), array( 'queue', 'transfer_success_rate' ) ),
		);
		$rows    = array();
		foreach ( $figures as list( $label, $path ) ) {
			list( $now, $then ) = $w->pair( $path );
			$rows[]             = array( $label, $then, $now );
		}
		$load    = null !== $per[0] && null !== $per[1] && $per[0] > $per[1];
		$steps[] = Investigation_Window::step(
			'queue',
			__( 'How long did visitors wait?', 'handoff-bot' ),
			$load
				? __( 'Each agent carried more live handoffs than before: staff the busy hours, or route some topics to tickets.', 'handoff-bot' )
				: __( 'Agents did not carry more live handoffs than before: look at how quickly handoffs are accepted and at the saved replies.', 'handoff-bot' ),
			array( __( 'Figure', 'handoff-bot' ), __( 'Before', 'handoff-bot' ), __( 'Now', 'handoff-bot' ) ),
			array( Investigation_Window::TEXT, Investigation_Window::BY_ROW, Investigation_Window::BY_ROW ),
			$rows,
			$w->drill( array( 'route_reason' => 'live' ) ),
			array( Investigation_Window::SECONDS, Investigation_Window::SECONDS, Investigation_Window::SHARE, Investigation_Window::SHARE )
		);
		return $steps;
	}

	/**
	 * A connection keeps failing: its latest deliveries.
	 *
	 * @param Investigation_Window       $w          The window.
	 * @param Delivery_Health_Repository $deliveries Delivery outcomes.
	 * @return list<Investigation_Step>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public static function connection( Investigation_Window $w, Delivery_Health_Repository $deliveries ): array {
		$latest = $deliveries->latest( $w->alert['subject'], 10 );
		$rows   = array();
		foreach ( $latest as $row ) {
			$rows[] = array( $row['last_attempt_at'], $row['status'], $row['attempts'], $row['response_code'], $row['error'] );
		}
		$failed = count( array_filter( $latest, static fn( array $row ): bool => 'failed' === $row['status'] || ( 'pending' === $row['status'] && $row['attempts'] > 0 ) ) );
		return array(
			Investigation_Window::step(
				'deliveries',
				__( 'What do its latest deliveries say?', 'handoff-bot' ),
				sprintf(
					/* translators: 1: connection label, 2: failing deliveries, 3: deliveries read, 4: last error. */
					__( '%1$s: %2$d of its latest %3$d deliveries failed. Last error: %4$s. Check its address and secret on the Connections screen, then send a test.', 'handoff-bot' ),
					(string) ( $w->alert['figures']['label'] ?? $w->alert['subject'] ),
					$failed,
					count( $latest ),
					'' !== (string) ( $w->alert['figures']['error'] ?? '' ) ? (string) $w->alert['figures']['error'] : __( 'none recorded', 'handoff-bot' )
				),
				array( __( 'Last attempt (UTC)', 'handoff-bot' ), __( 'Status', 'handoff-bot' ), __( 'Attempts', 'handoff-bot' ), __( 'Response code', 'handoff-bot' ), __( 'Error', 'handoff-bot' ) ),
				array( Investigation_Window::TEXT, Investigation_Window::TEXT, Investigation_Window::COUNT, Investigation_Window::TEXT, Investigation_Window::TEXT ),
				$rows,
				null
			),
		);
	}
}
