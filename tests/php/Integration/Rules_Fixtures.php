<?php
/**
 * Helpers of the escalation policy's tests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration;

use HandoffBot\Contracts\Signal;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Signals\Signal_Context;
use HandoffBot\Signals\Signal_Result;
use WP_REST_Response;

/**
 * Policies to save, a stand-in intent signal that does not depend on the shipped one, and the
 * response as a JSON client decodes it.
 */
trait Rules_Fixtures {

	/**
	 * The filter callback that swaps in the stand-in intent signal, while added.
	 *
	 * @var callable|null
	 */
	private $intent_filter = null;

	/**
	 * The store, as the plugin builds it.
	 */
	protected function store(): Policy_Store {
		return new Policy_Store( new Config_Version_Repository(), new Policy_Validator() );
	}

	/**
	 * The defaults with one more intent, "zebracorn", of the given policy.
	 *
	 * @param string $policy The intent's policy.
	 * @return array<string, mixed>
	 */
	protected function policy_with_zebracorn( string $policy ): array {
		$data              = Policy::defaults()->to_array();
		$data['intents'][] = array(
			'name'     => 'zebracorn',
			'label'    => 'Zebracorn questions',
			'policy'   => $policy,
			'team'     => '',
			'keywords' => array( 'zebracorn' ),
			'phrases'  => array(),
			'examples' => array( 'Where is my zebracorn?' ),
		);
		return $data;
	}

	/**
	 * Replaces the intent signal with one that recognises "zebracorn" in a message as the intent
	 * of that name (when the policy has it), so that tests of intent policies hold whatever the
	 * shipped intent signal makes of the words.
	 */
	protected function use_zebracorn_intent(): void {
		$this->intent_filter = static function ( $signals ): array {
			$kept   = array_values(
				array_filter(
					(array) $signals,
					static function ( $signal ): bool {
						return ! ( $signal instanceof Signal && 'intent' === $signal->get_id() );
					}
				)
			);
			$kept[] = new class() implements Signal {
				/**
				 * {@inheritDoc}
				 */
				public function get_id(): string {
					return 'intent';
				}

				/**
				 * {@inheritDoc}
				 *
				 * @param Signal_Context $context Context.
				 */
				public function detect( Signal_Context $context ): Signal_Result {
					$found = false !== stripos( $context->text, 'zebracorn' ) && null !== $context->policy->intent( 'zebracorn' );
					return $found ? new Signal_Result( 'intent', true, 0.9, 'zebracorn', array( 'zebracorn' ) ) : Signal_Result::none( 'intent' );
				}
			};
			return $kept;
		};
		add_filter( 'handoff_bot_signals', $this->intent_filter, 1000 );
	}

	/**
	 * Removes the stand-in intent signal.
	 */
	protected function drop_zebracorn_intent(): void {
		if ( null !== $this->intent_filter ) {
			remove_filter( 'handoff_bot_signals', $this->intent_filter, 1000 );
			$this->intent_filter = null;
		}
	}

	/**
	 * A response's data as a JSON client sees it.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return mixed
	 */
	protected function json( WP_REST_Response $response ) {
		return json_decode( (string) wp_json_encode( $response->get_data() ), true );
	}

	/**
	 * The active version, read back from the table and the option.
	 *
	 * @return array{0: int, 1: int} The newest stored version, and the version in force.
	 */
	protected function versions_now(): array {
		$latest = ( new Config_Version_Repository() )->latest( Policy_Store::AREA );
		return array( null === $latest ? 0 : $latest['version'], $this->store()->active_version() );
	}
}
