<?php
/**
 * Something that answers a visitor's question.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Contracts;

use HandoffBot\Knowledge\Answer;

defined( 'ABSPATH' ) || exit;

/**
 * The conversation flow depends only on this, so an AI-backed answerer can replace the default one.
 */
interface Answerer {

	/**
	 * Answers a question.
	 *
	 * @param string $question The visitor's message.
	 * @param string $language Detected language (BCP 47 primary tag or "und").
	 */
	public function answer( string $question, string $language ): Answer;
}
