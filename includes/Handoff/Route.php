<?php
/**
 * A handoff's route and why it took it.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

defined( 'ABSPATH' ) || exit;

/**
 * Immutable: the route (`live`, `ticket`, `callback`, `private`), the routing outcome that
 * explains it (`live`, `after_hours`, `no_agent`, `queue_full`, `private`; DESIGN.md §5), and the
 * forms the visitor may choose from when nobody can take the chat now.
 */
final class Route {

	/**
	 * The route.
	 *
	 * @var string
	 */
	public string $route;

	/**
	 * Why: the routing outcome.
	 *
	 * @var string
	 */
	public string $outcome;

	/**
	 * The forms offered instead of a live chat (`ticket`, `callback`).
	 *
	 * @var list<string>
	 */
	public array $fallbacks;

	/**
	 * Builds the route.
	 *
	 * @param string $route     Route.
	 * @param string $outcome   Routing outcome.
	 * @param array  $fallbacks Forms offered instead.
	 * @phpstan-param list<string> $fallbacks
	 */
	public function __construct( string $route, string $outcome, array $fallbacks ) {
		$this->route     = $route;
		$this->outcome   = $outcome;
		$this->fallbacks = $fallbacks;
	}

	/**
	 * As stored with the handoff and sent in events.
	 *
	 * @return array{route: string, outcome: string, fallbacks: list<string>}
	 */
	public function to_array(): array {
		return array(
			'route'     => $this->route,
			'outcome'   => $this->outcome,
			'fallbacks' => $this->fallbacks,
		);
	}
}
