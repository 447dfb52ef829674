<?php
/**
 * Opens a release checkpoint for every saved configuration change.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Review;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Repositories\Checkpoint_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * A change to the rules, the answer settings (threshold, knowledge sources), the connections or
 * the availability is a new config version; its checkpoint carries the change note and expected
 * impact, and waits for conversations started under it. A small site waits for fewer: at most as
 * many as it had in the 30 days before the change, and never fewer than MIN_THRESHOLD (unless the
 * setting asks for fewer). An area's first version (the defaults or the settings as they were
 * before their first change, stored by the plugin itself) is no change.
 */
final class Checkpoint_Recorder implements Registrable {

	/**
	 * The fewest conversations a small site's checkpoint waits for.
	 */
	public const MIN_THRESHOLD = 20;

	/**
	 * Checkpoints.
	 *
	 * @var callable(): Checkpoint_Repository
	 */
	private $checkpoints;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the recorder.
	 *
	 * @param callable $checkpoints Makes the checkpoints' store.
	 * @phpstan-param callable(): Checkpoint_Repository $checkpoints
	 * @param Settings $settings    Settings.
	 */
	public function __construct( callable $checkpoints, Settings $settings ) {
		$this->checkpoints = $checkpoints;
		$this->settings    = $settings;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'handoff_bot_config_version_added', array( $this, 'record' ) );
	}

	/**
	 * Opens the checkpoint of a stored version.
	 *
	 * @param mixed $saved The version (see `handoff_bot_config_version_added`).
	 */
	public function record( $saved ): void {
		if ( ! is_array( $saved ) || ! isset( $saved['area'], $saved['version'], $saved['config_version'] ) ) {
			return;
		}
		$author = (int) ( $saved['author_id'] ?? 0 );
		if ( (int) $saved['version'] <= 1 && 0 === $author ) {
			return;
		}
		try {
			( $this->checkpoints )()->add(
				(int) $saved['config_version'],
				(string) $saved['area'],
				(int) $saved['version'],
				(string) ( $saved['note'] ?? '' ),
				(string) ( $saved['expected_impact'] ?? '' ),
				$author,
				$this->threshold()
			);
		} catch ( Storage_Exception $e ) {
			// The change itself must not fail for its checkpoint; the report shows it without one.
			return;
		}
	}

	/**
	 * How many conversations a checkpoint opened now waits for.
	 */
	public function threshold(): int {
		$setting = (int) $this->settings->get( 'checkpoint_conversations' );
		$recent  = ( $this->checkpoints )()->conversations_between( gmdate( 'Y-m-d H:i:s', time() - 30 * DAY_IN_SECONDS ), gmdate( 'Y-m-d H:i:s' ) );
		return max( 1, min( $setting, max( self::MIN_THRESHOLD, $recent ) ) );
	}
}
