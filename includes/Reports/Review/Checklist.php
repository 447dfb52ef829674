<?php
/**
 * The monthly and quarterly review checklists.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Review;

use HandoffBot\Reports\Period;

defined( 'ABSPATH' ) || exit;

/**
 * The items of each review's cadence (DESIGN.md §6): a month reads what moved and why; a quarter
 * asks whether the configuration still fits. Each item names the report section or the samples
 * it needs (`target`). A review is named by its period: `2026-11` (a month) or `2026-Q4`.
 */
final class Checklist {

	public const MONTHLY   = 'monthly';
	public const QUARTERLY = 'quarterly';

	/**
	 * A review key: a month or a quarter, nothing before or after (`\z`, not `$`, which would let
	 * a trailing newline through and store the same review under a second key).
	 */
	public const KEY_PATTERN = '\A\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])\z';

	/**
	 * The cadence of a review key, or null when it is not one.
	 *
	 * @param string $key Review key.
	 */
	public static function cadence( string $key ): ?string {
		if ( 1 !== preg_match( '/' . self::KEY_PATTERN . '/D', $key ) ) {
			return null;
		}
		return 'Q' === $key[5] ? self::QUARTERLY : self::MONTHLY;
	}

	/**
	 * The period a review covers, in the site's time zone.
	 *
	 * @param string        $key  Review key (valid).
	 * @param \DateTimeZone $zone Time zone.
	 * @throws \InvalidArgumentException With the code bad_review when the key is not one.
	 */
	public static function period( string $key, \DateTimeZone $zone ): Period {
		$cadence = self::cadence( $key );
		if ( null === $cadence ) {
			throw new \InvalidArgumentException( 'bad_review' );
		}
		$year  = substr( $key, 0, 4 );
		$month = self::QUARTERLY === $cadence ? ( (int) $key[6] - 1 ) * 3 + 1 : (int) substr( $key, 5, 2 );
		$day   = sprintf( '%s-%02d-01', $year, $month );
		$now   = new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) );
		return Period::from_preset( self::QUARTERLY === $cadence ? Period::QUARTER : Period::MONTH, $day, '', $zone, $now );
	}

	/**
	 * The items of a cadence, in order.
	 *
	 * @param string $cadence monthly or quarterly.
	 * @return list<array{id: string, label: string, target: string}>
	 */
	public static function items( string $cadence ): array {
		if ( self::QUARTERLY === $cadence ) {
			return array(
				self::item( 'drift', __( 'Compare the figures across configuration versions and read their change notes.', 'handoff-bot' ), 'drift' ),
				self::item( 'intent_policies', __( 'Check each intent’s policy against its escalation rate: healthy for sensitive intents, a warning for FAQ ones.', 'handoff-bot' ), 'escalation' ),
				self::item( 'always_human', __( 'Review the always-human topics and the private handoffs by reason.', 'handoff-bot' ), 'privacy' ),
				self::item( 'staffing', __( 'Set staffed hours and agents against handoff volume, queue delay and after-hours fallbacks.', 'handoff-bot' ), 'queue' ),
				self::item( 'thresholds', __( 'Revisit the answer threshold and the alert thresholds against unproductive turns and low-confidence handoffs.', 'handoff-bot' ), 'turns' ),
				self::item( 'integrations', __( 'List the action-required handoffs that need an integration rather than better answers.', 'handoff-bot' ), 'reasons' ),
				self::item( 'checkpoints', __( 'Re-check the release checkpoints and read what was tuned.', 'handoff-bot' ), 'checkpoints' ),
			);
		}
		return array(
			self::item( 'top_reasons', __( 'Read the top reason codes and how they moved.', 'handoff-bot' ), 'reasons' ),
			self::item( 'samples', __( 'Read the sampled conversations of each reason, saved and failed, and mark them reviewed.', 'handoff-bot' ), 'samples' ),
			self::item( 'escalation_by_intent', __( 'Check the escalation rate by intent.', 'handoff-bot' ), 'escalation' ),
			self::item( 'triggers', __( 'Compare visitor-requested and system-triggered handoffs.', 'handoff-bot' ), 'triggers' ),
			self::item( 'automation', __( 'Pick automation candidates: handoffs the bot could have answered, by topic.', 'handoff-bot' ), 'outcomes' ),
			self::item( 'effort', __( 'Look at customer effort: early requests for a person, drop-off after an offer, negative sentiment.', 'handoff-bot' ), 'effort' ),
			self::item( 'completeness', __( 'Check context package completeness.', 'handoff-bot' ), 'completeness' ),
			self::item( 'queue', __( 'Check the queue: transfer success, delay to the first human reply, abandonment.', 'handoff-bot' ), 'queue' ),
			self::item( 'checkpoints', __( 'Re-check the release checkpoints that are ready and read what was tuned.', 'handoff-bot' ), 'checkpoints' ),
		);
	}

	/**
	 * Whether an item belongs to a cadence.
	 *
	 * @param string $cadence Cadence.
	 * @param string $item    Item ID.
	 */
	public static function has( string $cadence, string $item ): bool {
		return in_array( $item, array_column( self::items( $cadence ), 'id' ), true );
	}

	/**
	 * An item.
	 *
	 * @param string $id     ID.
	 * @param string $label  What to do.
	 * @param string $target The report section or samples it needs.
	 * @return array{id: string, label: string, target: string}
	 */
	private static function item( string $id, string $label, string $target ): array {
		return array(
			'id'     => $id,
			'label'  => $label,
			'target' => $target,
		);
	}
}
