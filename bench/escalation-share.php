<?php
/**
 * Times the parts of a visitor message inside PHP and prints them as JSON (command line only):
 * the signals, the escalation engine (both of its passes) and the answerer, each the median over
 * the questions asked in turn in one conversation, after a warm-up round.
 *
 * Usage: php bench/escalation-share.php <site-dir> <questions.json> [rounds]
 *
 * @package HandoffBot
 */

use HandoffBot\Escalation\Context;
use HandoffBot\Escalation\Engine;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Escalation\Rule_Registry;
use HandoffBot\Knowledge\Extractive_Answerer;
use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Small_Talk;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Settings;
use HandoffBot\Signals\Language_Signal;
use HandoffBot\Signals\Signal_Context;
use HandoffBot\Signals\Signal_Registry;

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

$handoff_bot_questions = json_decode( (string) file_get_contents( $argv[2] ), true );
$handoff_bot_rounds    = max( 2, (int) ( $argv[3] ?? 10 ) );
$handoff_bot_tokenizer = new Tokenizer();
$handoff_bot_answerer  = new Extractive_Answerer( new Retriever( $handoff_bot_tokenizer, new Index_Repository() ), new Small_Talk(), $handoff_bot_tokenizer, new Settings() );
$handoff_bot_policy    = ( new Policy_Store( new Config_Version_Repository(), new Policy_Validator() ) )->active();
$handoff_bot_signals   = ( new Signal_Registry() )->all();
$handoff_bot_rules     = ( new Rule_Registry() )->all();
$handoff_bot_engine    = new Engine();
$handoff_bot_language  = new Language_Signal();
$handoff_bot_times     = array(
	'signals' => array(),
	'engine'  => array(),
	'answer'  => array(),
);
$handoff_bot_history   = array();

for ( $handoff_bot_round = 0; $handoff_bot_round < $handoff_bot_rounds; $handoff_bot_round++ ) {
	foreach ( (array) $handoff_bot_questions as $handoff_bot_text ) {
		$handoff_bot_text     = (string) $handoff_bot_text;
		$handoff_bot_lang     = $handoff_bot_language->detect( $handoff_bot_text );
		$handoff_bot_context  = new Signal_Context( $handoff_bot_text, $handoff_bot_lang, array_slice( $handoff_bot_history, -40 ), $handoff_bot_policy );
		$handoff_bot_started  = hrtime( true );
		$handoff_bot_results  = array();
		foreach ( $handoff_bot_signals as $handoff_bot_signal ) {
			$handoff_bot_results[ $handoff_bot_signal->get_id() ] = $handoff_bot_signal->detect( $handoff_bot_context );
		}
		$handoff_bot_signalled = hrtime( true );
		$handoff_bot_before    = new Context( $handoff_bot_results, null, 1 + intdiv( count( $handoff_bot_history ), 2 ), 0, $handoff_bot_policy );
		$handoff_bot_engine->evaluate( $handoff_bot_before, $handoff_bot_rules );
		$handoff_bot_engined  = hrtime( true );
		$handoff_bot_answer   = $handoff_bot_answerer->answer( $handoff_bot_text, $handoff_bot_lang );
		$handoff_bot_answered = hrtime( true );
		$handoff_bot_engine->evaluate( $handoff_bot_before->with_answer( $handoff_bot_answer ), $handoff_bot_rules );
		$handoff_bot_done = hrtime( true );
		if ( $handoff_bot_round > 0 ) {
			$handoff_bot_times['signals'][] = ( $handoff_bot_signalled - $handoff_bot_started ) / 1e6;
			$handoff_bot_times['engine'][]  = ( $handoff_bot_engined - $handoff_bot_signalled + $handoff_bot_done - $handoff_bot_answered ) / 1e6;
			$handoff_bot_times['answer'][]  = ( $handoff_bot_answered - $handoff_bot_engined ) / 1e6;
		}
		$handoff_bot_history[] = array(
			'role' => 'visitor',
			'body' => $handoff_bot_text,
		);
		$handoff_bot_history[] = array(
			'role'         => 'bot',
			'body'         => $handoff_bot_answer->body,
			'kind'         => $handoff_bot_answer->kind,
			'unproductive' => false,
		);
	}
}

$handoff_bot_median = static function ( array $values ): float {
	sort( $values );
	$count = count( $values );
	if ( 0 === $count ) {
		return 0.0;
	}
	$middle = intdiv( $count, 2 );
	return round( $count % 2 ? $values[ $middle ] : ( $values[ $middle - 1 ] + $values[ $middle ] ) / 2, 3 );
};
echo wp_json_encode(
	array(
		'messages'       => count( $handoff_bot_times['signals'] ),
		'signals_p50_ms' => $handoff_bot_median( $handoff_bot_times['signals'] ),
		'engine_p50_ms'  => $handoff_bot_median( $handoff_bot_times['engine'] ),
		'answer_p50_ms'  => $handoff_bot_median( $handoff_bot_times['answer'] ),
	)
);
