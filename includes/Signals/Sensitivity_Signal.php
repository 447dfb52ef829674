<?php
/**
 * Notices personal data and sensitive account topics.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Contracts\Signal;

defined( 'ABSPATH' ) || exit;

/**
 * Fires on personal data typed into the chat (a card number, an IBAN, a national ID number, a
 * password: see Personal_Data) and on topics that belong with a person, privately: someone else
 * in the visitor's account ("hacked", "a login I didn't make", phishing), proving who they are or
 * changing the name or date of birth on the account, personal details on file, and employment
 * matters. The label is the most sensitive kind found: card, iban, national_id, password,
 * account_security, identity, personal_data, hr. Evidence is masked: "Visa card ending 1111".
 *
 * How to reset a password or change an email address is not sensitive: the account intent
 * answers it.
 */
final class Sensitivity_Signal implements Signal {

	/**
	 * The score when personal data is typed into the message.
	 */
	public const DATA_SCORE = 1.0;

	/**
	 * The score when only a sensitive topic is recognised.
	 */
	public const TOPIC_SCORE = 0.8;

	/**
	 * Topics, most sensitive first: label => patterns (on lowercase text, curly apostrophes
	 * made straight).
	 *
	 * @var array<string, list<string>>
	 */
	private const TOPICS = array(
		'account_security' => array(
			'\b(?:hacked|hacker|hacking|compromised|account takeover|phishing|phished|identity theft|fraud\w*|scam(?:med)?)\b',
			'\b(?:someone|somebody|a stranger|they)(?: else)?(?: has| have)?(?: been)? (?:logged|logging|signed|signing|got|gotten|getting|broken|broke) in(?:to| to)?\b',
			'\b(?:someone|somebody|a stranger|hackers?|scammers?)(?: else)? (?:is |has been |have been |was |were )?(?:using|used|accessing|accessed|changed|changing|ordering|ordered|buying|bought|spending|spent|shopping|placing orders|placed orders)\b[^.!?]{0,30}\bmy (?:account|card|identity|details|password|email|login|profile)\b',
			'\b(?:someone|somebody|a stranger|hackers?|scammers?|they)(?: else)? (?:has |have )?(?:got|gotten|get|broke|broken) (?:into|in to|access to) my (?:account|email|profile|login)\b',
			'\b(?:taken|took|take|taking) over my (?:account|email|profile|identity)\b',
			'\b(?:account|identity|card|details|login|password|email)(?: details)? (?:was|were|has been|have been|got|is) (?:stolen|hacked|compromised|leaked|taken|cloned)\b',
			'\b(?:claiming|pretending|claims|pretends|purporting) to be (?:from )?(?:you|your|the company|support)\b',
			'\bunauthori[sz]ed (?:access|login|log-?in|sign-?in|transactions?|charges?|purchases?|payments?|use|orders?)\b',
			'\bsuspicious (?:login|log-?in|sign-?in|activity|transactions?|emails?|messages?)\b',
			'\b(?:stole|stolen|steal) (?:my )?(?:account|identity|card|details|login|password)\b',
			'\b(?:transactions?|purchases?|charges?|payments?|orders?)\b[^.!?]{0,40}\bi (?:didn\'?t|did not|never) (?:make|made|place|placed|authori[sz]e|buy|order)\b',
			'\b(?:wasn\'?t|was not|weren\'?t|were not) me\b',
		),
		'identity'         => array(
			'\b(?:verify|verifying|confirm|prove|proving) (?:my |your |the )?(?:identity|id|age|who i am)\b',
			'\b(?:identity|id|age|kyc) (?:verification|check|document)s?\b',
			'\bproof of (?:identity|id|address|age)\b',
			'\b(?:show|upload|send|provide|present) (?:my |your |a |an )?(?:id|photo id|identification|proof of id|id document)\b',
			'\b(?:my|upload\w*|send\w*|sent|photo of|picture of|copy of|scan of) (?:a |the |my )?(?:passport|driver\'?s licen[cs]e|driving licen[cs]e|id card|identity card|national id)\b',
			'\b(?:change|changing|update|updating|correct|correcting|fix|edit) (?:the |my )?(?:legal |full |first |last )?(?:name|surname|date of birth|birth ?date|birthday|dob|gender) (?:on|in|of|for) (?:my|the) (?:account|profile|order|invoice)\b',
			'\b(?:change|update|correct) my (?:legal |full )?(?:name|surname|date of birth|birth ?date|dob)\b',
			'\b(?:name|date of birth|dob|birthday) on my account\b',
		),
		'personal_data'    => array(
			'\b(?:what|which) (?:\w+ )?(?:address|phone number|email|details|card details|bank details|date of birth) do you have (?:for|on|about) me\b',
			'\b(?:tell|give|show|send|read) me (?:my|the) (?:account details|personal details|address on file|card details|bank details|date of birth)\b',
			'\b(?:address|phone number|email(?: address)?|date of birth|card details|bank details|details) (?:do )?(?:you )?(?:have |hold |keep )?(?:for me |about me )?on file\b',
		),
		'hr'               => array(
			'\b(?:payslip|pay slip|payroll|salary|wages|holiday pay|sick pay|sick leave|maternity leave|paternity leave|parental leave|annual leave|p45|p60|timesheet|disciplinary|grievance|dismissal|unfair dismissal|redundancy|employment contract|contract of employment|human resources|hr department|job application|my shift|the rota)\b',
			'\b(?:my employer|as an employee|i\'?m an employee|i am an employee|i work (?:at|for|in) (?:your|the)|i\'?m a member of staff|i am a member of staff|applied for a job|my job interview)\b',
			'\b(?:harass\w*|bull(?:ied|ying|ies|y)|discriminat\w*)(?: me| us| him| her)? at work\b',
		),
	);

	/**
	 * The personal data finder.
	 *
	 * @var Personal_Data
	 */
	private Personal_Data $data;

	/**
	 * Builds the signal.
	 *
	 * @param Personal_Data|null $data Personal data finder (a new one by default).
	 */
	public function __construct( ?Personal_Data $data = null ) {
		$this->data = $data ?? new Personal_Data();
	}

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'sensitivity';
	}

	/**
	 * Personal data or a sensitive topic in the latest message.
	 *
	 * @param Signal_Context $context The message, the conversation before it, and the rules.
	 */
	public function detect( Signal_Context $context ): Signal_Result {
		$found    = $this->data->find( $context->text );
		$label    = $found ? $found[0]['kind'] : '';
		$evidence = array_column( $found, 'evidence' );
		$folded   = str_replace( '’', '\'', mb_strtolower( $context->text, 'UTF-8' ) );
		foreach ( self::TOPICS as $topic => $patterns ) {
			foreach ( $patterns as $pattern ) {
				if ( preg_match( '/' . $pattern . '/u', $folded, $m ) ) {
					$label      = '' === $label ? $topic : $label;
					$evidence[] = $m[0];
					break;
				}
			}
		}
		if ( '' === $label ) {
			return Signal_Result::none( $this->get_id() );
		}
		// Data typed into the chat is certain; a topic is a reading of the words.
		return new Signal_Result( $this->get_id(), true, $found ? self::DATA_SCORE : self::TOPIC_SCORE, $label, array_values( array_unique( $evidence ) ) );
	}
}
