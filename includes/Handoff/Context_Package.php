<?php
/**
 * What an agent starts with: the brief built once when a handoff opens.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Escalation\Reason;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the context package from what the conversation holds: a summary of three to five lines
 * (what the visitor wants, what the bot tried, why it handed off), the transcript, the intent and
 * its score, the confidence, the sources the bot cited or tried, the pages visited and the
 * current URL, the language, the known user, form answers, the reason, trigger, turn and
 * configuration version, and its completeness (DESIGN.md §6: the share of ten fields present,
 * each kept so the report can show which go missing). Pure: the caller reads the inputs.
 *
 * @phpstan-type Package_Message array{role: string, body: string, created_at: string}
 * @phpstan-type Package_Source array{title: string, url: string, cited: bool}
 * @phpstan-type Package_User array{id: int, name: string, email: string, role: string, metadata: array<string, string>}
 * @phpstan-type Package array{summary: list<string>, transcript: list<Package_Message>, intent: array{name: string, label: string, score: float|null}|null, confidence: float|null, sources: list<Package_Source>, pages: list<array{url: string, title: string, at: string}>, current_url: string, language: string, user: Package_User|null, form: array<string, string>, reason: string, trigger: string, turn: int, config_version: int, completeness: array{score: float, fields: array<string, bool>}}
 * @phpstan-type Package_Input array{messages: list<array{role: string, body: string, created_at: string}>, intent: array{name: string, label: string, score: float|null}|null, confidence: float|null, sources: list<Package_Source>, pages: list<array{url: string, title: string, at: string}>, language: string, user: Package_User|null, form: array<string, string>, reason: string, trigger: string, turn: int, config_version: int}
 */
final class Context_Package {

	/**
	 * The fields completeness counts (DESIGN.md §6).
	 */
	public const FIELDS = array( 'transcript', 'intent', 'confidence', 'sources', 'user', 'pages', 'form', 'reason', 'summary', 'language' );

	/**
	 * The longest quote of the visitor in the summary, in characters.
	 */
	private const QUOTE = 160;

	/**
	 * The package.
	 *
	 * @param array $input What the conversation holds (see Package_Input).
	 * @phpstan-param Package_Input $input
	 * @return Package
	 */
	public static function build( array $input ): array {
		$transcript = array();
		foreach ( $input['messages'] as $message ) {
			if ( in_array( $message['role'], array( 'visitor', 'bot', 'agent' ), true ) ) {
				$transcript[] = array(
					'role'       => $message['role'],
					'body'       => $message['body'],
					'created_at' => $message['created_at'],
				);
			}
		}
		$pages                   = $input['pages'];
		$current                 = $pages ? $pages[ count( $pages ) - 1 ]['url'] : '';
		$package                 = array(
			'summary'        => self::summary( $input, $transcript ),
			'transcript'     => $transcript,
			'intent'         => $input['intent'],
			'confidence'     => $input['confidence'],
			'sources'        => $input['sources'],
			'pages'          => $pages,
			'current_url'    => $current,
			'language'       => 'und' === $input['language'] ? '' : $input['language'],
			'user'           => $input['user'],
			'form'           => $input['form'],
			'reason'         => $input['reason'],
			'trigger'        => $input['trigger'],
			'turn'           => $input['turn'],
			'config_version' => $input['config_version'],
		);
		$fields                  = array(
			'transcript' => (bool) $transcript,
			'intent'     => null !== $package['intent'] && '' !== $package['intent']['name'],
			'confidence' => null !== $package['confidence'],
			'sources'    => (bool) $package['sources'],
			'user'       => null !== $package['user'],
			'pages'      => (bool) $pages,
			'form'       => (bool) $package['form'],
			'reason'     => '' !== $package['reason'],
			'summary'    => (bool) $package['summary'],
			'language'   => '' !== $package['language'],
		);
		$package['completeness'] = array(
			'score'  => round( count( array_filter( $fields ) ) / count( self::FIELDS ), 2 ),
			'fields' => $fields,
		);
		return $package;
	}

	/**
	 * A package with the answers of a form the visitor filled in since it was built, its
	 * completeness counted again.
	 *
	 * @param array<string, mixed>  $package The package.
	 * @param array<string, string> $form    The answers.
	 * @return array<string, mixed>
	 */
	public static function with_form( array $package, array $form ): array {
		$fields                  = isset( $package['completeness'] ) && is_array( $package['completeness'] ) && isset( $package['completeness']['fields'] ) && is_array( $package['completeness']['fields'] ) ? $package['completeness']['fields'] : array();
		$fields['form']          = (bool) $form;
		$package['form']         = $form;
		$package['completeness'] = array(
			'score'  => round( count( array_filter( $fields ) ) / count( self::FIELDS ), 2 ),
			'fields' => $fields,
		);
		return $package;
	}

	/**
	 * Three to five lines: what the visitor wants, what the bot tried, why it handed off, and
	 * (when known) who the visitor is and where they are.
	 *
	 * @param array $input      The inputs.
	 * @phpstan-param Package_Input $input
	 * @param array $transcript The transcript.
	 * @phpstan-param list<Package_Message> $transcript
	 * @return list<string>
	 */
	private static function summary( array $input, array $transcript ): array {
		$asked = array();
		$bot   = 0;
		foreach ( $transcript as $message ) {
			if ( 'visitor' === $message['role'] ) {
				$asked[] = $message['body'];
			} elseif ( 'bot' === $message['role'] ) {
				++$bot;
			}
		}
		// The first question says what they came for; a short last one ("agent please") does not.
		$want  = '';
		$label = null !== $input['intent'] ? $input['intent']['label'] : '';
		if ( $asked ) {
			$quote = self::quote( self::telling( $asked ) );
			/* translators: 1: the topic (an intent such as "Billing and payments"), 2: the visitor's own words, quoted. */
			$want = '' !== $label ? sprintf( __( 'Wants help with %1$s: “%2$s”', 'handoff-bot' ), $label, $quote ) : sprintf( /* translators: %s: the visitor's own words, quoted. */ __( 'Wants: “%s”', 'handoff-bot' ), $quote );
		} elseif ( '' !== $label ) {
			/* translators: %s: the topic (an intent such as "Billing and payments"). */
			$want = sprintf( __( 'Wants help with %s.', 'handoff-bot' ), $label );
		}
		$lines = '' !== $want ? array( $want ) : array();

		$cited = array();
		foreach ( $input['sources'] as $source ) {
			if ( $source['cited'] ) {
				$cited[] = $source['title'];
			}
		}
		if ( $cited ) {
			/* translators: 1: number of questions, 2: page titles, comma-separated. */
			$lines[] = sprintf( _n( 'The bot answered %1$d question, citing %2$s.', 'The bot answered %1$d questions, citing %2$s.', max( 1, $bot ), 'handoff-bot' ), max( 1, $bot ), implode( ', ', array_slice( array_unique( $cited ), 0, 3 ) ) );
		} elseif ( $input['sources'] ) {
			/* translators: %d: number of the site's pages the bot looked at. */
			$lines[] = sprintf( _n( 'The bot looked at %d page of the site but found no answer it was sure of.', 'The bot looked at %d pages of the site but found no answer it was sure of.', count( $input['sources'] ), 'handoff-bot' ), count( $input['sources'] ) );
		} elseif ( $bot > 0 ) {
			$lines[] = __( 'The bot found nothing in the site’s pages for this.', 'handoff-bot' );
		} else {
			$lines[] = __( 'The bot did not try to answer.', 'handoff-bot' );
		}

		$why = self::reason_text( $input['reason'] );
		if ( '' !== $why ) {
			/* translators: 1: why the bot handed off, 2: the visitor's turn (a number). */
			$lines[] = sprintf( __( 'Handed off because %1$s (turn %2$d).', 'handoff-bot' ), $why, max( 1, $input['turn'] ) );
		}
		if ( null !== $input['user'] ) {
			/* translators: 1: user's name, 2: email address. */
			$lines[] = sprintf( __( 'Signed in as %1$s (%2$s).', 'handoff-bot' ), $input['user']['name'], $input['user']['email'] );
		}
		$pages = $input['pages'];
		if ( count( $pages ) > 1 ) {
			$last = $pages[ count( $pages ) - 1 ];
			/* translators: 1: number of pages, 2: the page the visitor is on now. */
			$lines[] = sprintf( __( 'Visited %1$d pages; now on %2$s.', 'handoff-bot' ), count( $pages ), '' !== $last['title'] ? $last['title'] : $last['url'] );
		}
		return array_slice( $lines, 0, 5 );
	}

	/**
	 * The question that says most of what the visitor wants: the first one of some length,
	 * else the longest.
	 *
	 * @param array<int, string> $asked The visitor's messages.
	 * @phpstan-param list<string> $asked
	 */
	private static function telling( array $asked ): string {
		foreach ( $asked as $text ) {
			if ( str_word_count( $text ) >= 4 || mb_strlen( $text ) >= 24 ) {
				return $text;
			}
		}
		usort(
			$asked,
			static function ( string $a, string $b ): int {
				return mb_strlen( $b ) <=> mb_strlen( $a );
			}
		);
		return $asked[0];
	}

	/**
	 * Words cut to the quote's length, on one line.
	 *
	 * @param string $text Text.
	 */
	private static function quote( string $text ): string {
		$text = trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
		return mb_strlen( $text ) > self::QUOTE ? rtrim( mb_substr( $text, 0, self::QUOTE - 1 ) ) . '…' : $text;
	}

	/**
	 * Why the bot handed off, as a clause ("the visitor asked for a person").
	 *
	 * @param string $reason Reason code.
	 */
	public static function reason_text( string $reason ): string {
		$texts = array(
			Reason::USER_REQUESTED    => __( 'the visitor asked for a person', 'handoff-bot' ),
			Reason::BUSINESS_RULE     => __( 'this topic always goes to a person', 'handoff-bot' ),
			Reason::SENSITIVE_ACCOUNT => __( 'the topic is sensitive (account or personal data)', 'handoff-bot' ),
			Reason::LOW_CONFIDENCE    => __( 'the bot was not confident in its answer', 'handoff-bot' ),
			Reason::MISSING_KNOWLEDGE => __( 'the site’s pages do not cover this', 'handoff-bot' ),
			Reason::REPEATED_FAILURE  => __( 'the bot’s answers kept failing to help', 'handoff-bot' ),
			Reason::FRUSTRATION       => __( 'the visitor seemed frustrated', 'handoff-bot' ),
			Reason::ACTION_REQUIRED   => __( 'it needs an action the bot cannot take', 'handoff-bot' ),
		);
		return $texts[ $reason ] ?? '';
	}
}
