<?php
/**
 * The personal-data eraser (Tools → Erase Personal Data).
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Privacy;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Anonymises a person's conversations, found by email address (Subject_Finder), a page at a
 * time: message bodies become a placeholder, page trails and briefs (with the form's answers)
 * are emptied, the account link goes, the notifications' copies are removed (one not sent yet
 * is never sent), and agents' topics and events' free text go too. What the reports count stays:
 * the rows of conversations, handoffs and events, with their statuses, reasons, routes, intents,
 * ratings and times; the response says so.
 *
 * WordPress asks for page 1, 2… until `done`. Each page takes the next conversations after a
 * cursor kept for the address (page 1 starts again), so that conversations erased in one page
 * do not shift the next; a conversation done is anonymised, so erasing again finds nothing.
 */
final class Eraser implements Registrable {

	/**
	 * The eraser's key in the Privacy API.
	 */
	public const ID = 'handoff-bot';

	/**
	 * Conversations looked at per page.
	 */
	public const PER_PAGE = 50;

	/**
	 * Prefix of the transient that keeps an erasure's cursor.
	 */
	private const CURSOR = 'handoff_bot_erase_';

	/**
	 * Finds the person's conversations.
	 *
	 * @var Subject_Finder
	 */
	private Subject_Finder $finder;

	/**
	 * Anonymises them.
	 *
	 * @var Anonymiser
	 */
	private Anonymiser $anonymiser;

	/**
	 * Conversations looked at per page.
	 *
	 * @var int
	 */
	private int $per_page;

	/**
	 * Builds the eraser.
	 *
	 * @param Subject_Finder $finder     Finds the person's conversations.
	 * @param Anonymiser     $anonymiser Anonymises them.
	 * @param int            $per_page   Conversations looked at per page.
	 */
	public function __construct( Subject_Finder $finder, Anonymiser $anonymiser, int $per_page = self::PER_PAGE ) {
		$this->finder     = $finder;
		$this->anonymiser = $anonymiser;
		$this->per_page   = max( 1, $per_page );
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'wp_privacy_personal_data_erasers', array( $this, 'add' ) );
	}

	/**
	 * Adds the eraser.
	 *
	 * @param mixed $erasers Registered erasers.
	 * @return mixed
	 */
	public function add( $erasers ) {
		if ( is_array( $erasers ) ) {
			$erasers[ self::ID ] = array(
				'eraser_friendly_name' => __( 'Handoff Bot conversations', 'handoff-bot' ),
				'callback'             => array( $this, 'erase' ),
			);
		}
		return $erasers;
	}

	/**
	 * One page of the erasure.
	 *
	 * @param string $email Email address.
	 * @param int    $page  Page, from 1.
	 * @return array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}|WP_Error
	 */
	public function erase( $email, $page = 1 ) {
		$email  = (string) $email;
		$key    = self::CURSOR . md5( strtolower( trim( $email ) ) );
		$cursor = (int) $page <= 1 ? 0 : (int) get_transient( $key );
		try {
			$found = $this->finder->page( $email, $cursor, $this->per_page );
			$tally = $this->anonymiser->anonymise( $found['ids'], true, Anonymiser::tally() );
		} catch ( Storage_Exception $e ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The conversations could not be erased just now; nothing was left half erased. Please try again.', 'handoff-bot' ) );
		}
		if ( $found['done'] ) {
			delete_transient( $key );
		} else {
			set_transient( $key, $found['cursor'], DAY_IN_SECONDS );
		}
		$messages = array();
		if ( $tally['conversations'] > 0 ) {
			$messages[] = sprintf(
				/* translators: %d: number of conversations. */
				_n(
					'Handoff Bot: %d conversation was anonymised: its messages, pages visited, the brief sent to the team (with the form’s name, email, phone and message) and the copies sent to the team’s connections were removed. Its anonymous statistics (when it happened, why it went to a person, how it ended, its rating) were kept for the support reports.',
					'Handoff Bot: %d conversations were anonymised: their messages, pages visited, the briefs sent to the team (with the form’s name, email, phone and message) and the copies sent to the team’s connections were removed. Their anonymous statistics (when they happened, why they went to a person, how they ended, their ratings) were kept for the support reports.',
					$tally['conversations'],
					'handoff-bot'
				),
				$tally['conversations']
			);
		}
		return array(
			'items_removed'  => $tally['conversations'] > 0,
			'items_retained' => $tally['conversations'] > 0,
			'messages'       => $messages,
			'done'           => $found['done'],
		);
	}
}
