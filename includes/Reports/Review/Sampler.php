<?php
/**
 * Samples of conversations to read, per reason code.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Review;

use HandoffBot\Reports\Period;
use HandoffBot\Repositories\Sample_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * For each reason code of a period, a seeded random sample of the conversations whose handoff
 * had it: half transfers an agent saved, half transfers that failed (nobody accepted, the visitor
 * left, it expired, or it closed unresolved), topped up from the other group, then from the rest,
 * when one is short. The order is a hash of the period's bounds, the reason and the conversation,
 * so the same period gives the same sample however often it is asked for.
 *
 * @phpstan-import-type Sample_Candidate from Sample_Repository
 * @phpstan-import-type Review_Mark from Sample_Repository
 * @phpstan-type Sampled array{conversation_id: int, handoff_id: int, group: string, status: string, outcome: string, intent: string, topic: string, route: string, requested_at: string, review: array{reviewed: bool, note: string, reviewer: array{id: int, name: string}|null, updated_at: string}|null}
 */
final class Sampler {

	public const DEFAULT_SIZE = 5;
	public const MAX_SIZE     = 20;

	public const SUCCESSFUL = 'successful';
	public const FAILED     = 'failed';
	public const OTHER      = 'other';

	/**
	 * Reads.
	 *
	 * @var Sample_Repository
	 */
	private Sample_Repository $samples;

	/**
	 * Builds the sampler.
	 *
	 * @param Sample_Repository $samples Reads.
	 */
	public function __construct( Sample_Repository $samples ) {
		$this->samples = $samples;
	}

	/**
	 * The samples of a period, reasons with the most handoffs first.
	 *
	 * @param Period $period     The period.
	 * @param int    $per_reason Conversations per reason.
	 * @return list<array{reason: string, handoffs: int, conversations: int, successful: int, failed: int, sample: list<Sampled>}>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function samples( Period $period, int $per_reason ): array {
		$by_reason = array();
		$handoffs  = array();
		foreach ( $this->samples->candidates( $period->start_utc(), $period->end_utc() ) as $candidate ) {
			$reason              = $candidate['reason'];
			$handoffs[ $reason ] = ( $handoffs[ $reason ] ?? 0 ) + 1;
			// A conversation handed off twice for one reason counts once, by its latest handoff.
			$by_reason[ $reason ][ $candidate['conversation_id'] ] = $candidate;
		}
		$out    = array();
		$picked = array();
		foreach ( $by_reason as $reason => $conversations ) {
			$reason = (string) $reason;
			$counts = array(
				self::SUCCESSFUL => 0,
				self::FAILED     => 0,
				self::OTHER      => 0,
			);
			foreach ( $conversations as $candidate ) {
				++$counts[ self::group( $candidate ) ];
			}
			$sample = self::pick( array_values( $conversations ), self::seed( $period, $reason ), $per_reason );
			foreach ( $sample as $candidate ) {
				$picked[] = $candidate['conversation_id'];
			}
			$out[] = array(
				'reason'        => $reason,
				'handoffs'      => $handoffs[ $reason ],
				'conversations' => count( $conversations ),
				'successful'    => $counts[ self::SUCCESSFUL ],
				'failed'        => $counts[ self::FAILED ],
				'sample'        => $sample,
			);
		}//end foreach
		usort(
			$out,
			static fn( array $a, array $b ): int => array( $b['handoffs'], $a['reason'] ) <=> array( $a['handoffs'], $b['reason'] )
		);
		$marks = $this->samples->marks( array_values( array_unique( $picked ) ) );
		foreach ( $out as &$row ) {
			$row['sample'] = array_map(
				static fn( array $candidate ): array => self::present( $candidate, $marks[ $candidate['conversation_id'] ] ?? null ),
				$row['sample']
			);
		}
		unset( $row );
		return $out;
	}

	/**
	 * Whether a handoff was a saved transfer, a failed one, or neither (still open, a ticket,
	 * spam, a duplicate).
	 *
	 * @param array $candidate The handoff.
	 * @phpstan-param Sample_Candidate $candidate
	 */
	public static function group( array $candidate ): string {
		if ( 'resolved' === $candidate['outcome'] && ( $candidate['accepted'] || $candidate['agent_id'] > 0 ) ) {
			return self::SUCCESSFUL;
		}
		if ( $candidate['abandoned'] || in_array( $candidate['status'], array( 'expired', 'abandoned', 'left' ), true )
			|| in_array( $candidate['outcome'], array( 'not_resolved', 'expired', 'abandoned' ), true )
			|| in_array( 'escalation_failed', $candidate['tags'], true ) ) {
			return self::FAILED;
		}
		return self::OTHER;
	}

	/**
	 * The seed of a reason's sample in a period.
	 *
	 * @param Period $period The period.
	 * @param string $reason Reason code.
	 */
	public static function seed( Period $period, string $reason ): string {
		return $period->start_utc() . '|' . $period->end_utc() . '|' . $reason;
	}

	/**
	 * A seeded sample: half saved, half failed (the odd one saved), topped up from the other
	 * group and then from the rest; each group in the order of its hash under the seed.
	 *
	 * @param array  $candidates One handoff per conversation.
	 * @phpstan-param list<Sample_Candidate> $candidates
	 * @param string $seed       Seed.
	 * @param int    $size       How many.
	 * @return list<Sample_Candidate>
	 */
	public static function pick( array $candidates, string $seed, int $size ): array {
		$groups = array(
			self::SUCCESSFUL => array(),
			self::FAILED     => array(),
			self::OTHER      => array(),
		);
		foreach ( $candidates as $candidate ) {
			$groups[ self::group( $candidate ) ][ hash( 'sha256', $seed . '|' . $candidate['conversation_id'] ) ] = $candidate;
		}
		$ordered = array();
		foreach ( $groups as $name => $group ) {
			ksort( $group, SORT_STRING );
			$ordered[ $name ] = array_values( $group );
		}
		$saved  = min( count( $ordered[ self::SUCCESSFUL ] ), (int) ceil( $size / 2 ) );
		$failed = min( count( $ordered[ self::FAILED ] ), $size - $saved );
		$saved  = min( count( $ordered[ self::SUCCESSFUL ] ), $size - $failed );
		$rest   = max( 0, $size - $saved - $failed );
		return array_values(
			array_merge(
				array_slice( $ordered[ self::SUCCESSFUL ], 0, $saved ),
				array_slice( $ordered[ self::FAILED ], 0, $failed ),
				array_slice( $ordered[ self::OTHER ], 0, $rest )
			)
		);
	}

	/**
	 * A sampled conversation as REST shows it.
	 *
	 * @param array      $candidate The handoff.
	 * @phpstan-param Sample_Candidate $candidate
	 * @param array|null $mark      Its review mark.
	 * @phpstan-param Review_Mark|null $mark
	 * @return Sampled
	 */
	private static function present( array $candidate, ?array $mark ): array {
		return array(
			'conversation_id' => $candidate['conversation_id'],
			'handoff_id'      => $candidate['id'],
			'group'           => self::group( $candidate ),
			'status'          => $candidate['status'],
			'outcome'         => $candidate['outcome'],
			'intent'          => $candidate['intent'],
			'topic'           => $candidate['topic'],
			'route'           => $candidate['route'],
			'requested_at'    => $candidate['requested_at'],
			'review'          => null === $mark ? null : self::review( $mark ),
		);
	}

	/**
	 * A review mark as REST shows it.
	 *
	 * @param array $mark The mark.
	 * @phpstan-param Review_Mark $mark
	 * @return array{reviewed: bool, note: string, reviewer: array{id: int, name: string}|null, updated_at: string}
	 */
	public static function review( array $mark ): array {
		return array(
			'reviewed'   => $mark['reviewed'],
			'note'       => $mark['note'],
			'reviewer'   => People::person( $mark['user_id'] ),
			'updated_at' => $mark['updated_at'],
		);
	}
}
