<?php
/**
 * REST: the visitor's ticket form.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Handoff\Ticket_Form;
use HandoffBot\Handoff\Ticket_Service;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /conversations/{id}/handoff/ticket`: what the form starts with (known details, what the
 * visitor wrote, whether a callback may be asked for). `POST` the same: leaves the ticket or asks
 * for the callback, for the conversation's handoff that waits. Both with the visitor's token.
 */
final class Visitor_Ticket_Controller extends Controller {

	/**
	 * Tickets.
	 *
	 * @var Ticket_Service
	 */
	private Ticket_Service $tickets;

	/**
	 * The visitor routes' guard.
	 *
	 * @var Visitor_Guard
	 */
	private Visitor_Guard $guard;

	/**
	 * Rate limits.
	 *
	 * @var Rate_Limiter
	 */
	private Rate_Limiter $limiter;

	/**
	 * Forms an address may send in an hour (each can mean an email and a ticket).
	 */
	public const PER_HOUR = 10;

	/**
	 * The least time, in milliseconds, between the form opening and its sending (the chat waits
	 * that long before it sends; a script posting at once is a bot).
	 */
	public const MIN_FILL_MS = 1200;

	/**
	 * Builds the controller.
	 *
	 * @param Ticket_Service $tickets Tickets.
	 * @param Visitor_Guard  $guard   The visitor routes' guard.
	 * @param Rate_Limiter   $limiter Rate limits.
	 */
	public function __construct( Ticket_Service $tickets, Visitor_Guard $guard, Rate_Limiter $limiter ) {
		$this->rest_base = 'conversations';
		$this->tickets   = $tickets;
		$this->guard     = $guard;
		$this->limiter   = $limiter;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		$text = static function ( string $description ): array {
			return array(
				'type'        => 'string',
				'default'     => '',
				'description' => $description,
			);
		};
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/handoff/ticket',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'draft' ),
					'permission_callback' => array( $this->guard, 'visitor_check' ),
					'args'                => array( 'id' => $this->id_arg() ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'submit' ),
					'permission_callback' => array( $this->guard, 'send_check' ),
					'args'                => array(
						'id'              => $this->id_arg(),
						'name'            => $text( __( 'The visitor’s name.', 'handoff-bot' ) ),
						'email'           => $text( __( 'Their email address (needed unless they ask for a callback).', 'handoff-bot' ) ),
						'contact'         => array(
							'type'        => 'string',
							'enum'        => array( Ticket_Form::CONTACT_EMAIL, Ticket_Form::CONTACT_PHONE ),
							'default'     => Ticket_Form::CONTACT_EMAIL,
							'description' => __( 'How they want to be reached: an email reply, or a phone callback.', 'handoff-bot' ),
						),
						'phone'           => $text( __( 'The number to call back (for a callback).', 'handoff-bot' ) ),
						'window'          => array(
							'type'        => 'string',
							'enum'        => array_merge( array( '' ), array_keys( Ticket_Form::WINDOWS ) ),
							'default'     => '',
							'description' => __( 'When to call: morning (9–12), afternoon (12–17), evening (17–20) or anytime (9–20), in their time zone.', 'handoff-bot' ),
						),
						'timezone'        => $text( __( 'Their time zone (an IANA name such as Europe/Paris); the site’s when empty.', 'handoff-bot' ) ),
						'message'         => $text( __( 'What they need, in their words.', 'handoff-bot' ) ),
						'idempotency_key' => array(
							'type'        => 'string',
							'required'    => true,
							'description' => __( 'A key chosen by the client for this form; sending it again returns the same receipt.', 'handoff-bot' ),
						),
						'elapsed_ms'      => array(
							'type'        => 'integer',
							'default'     => 0,
							'description' => __( 'Milliseconds from the form opening to its sending.', 'handoff-bot' ),
						),
						'website'         => array(
							'type'        => 'string',
							'default'     => '',
							'description' => __( 'A field people never see: a bot fills it in.', 'handoff-bot' ),
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The route's id argument.
	 *
	 * @return array<string, mixed>
	 */
	private function id_arg(): array {
		return array(
			'type'     => 'integer',
			'minimum'  => 1,
			'required' => true,
		);
	}

	/**
	 * GET: what the form starts with.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function draft( $request ) {
		try {
			$draft = $this->tickets->draft( $this->guard->conversation( $request ) );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		return self::no_store(
			new WP_REST_Response(
				$draft + array(
					'windows' => Ticket_Form::WINDOWS,
					'labels'  => self::labels(),
				)
			)
		);
	}

	/**
	 * The form's words (sent with the draft, so that pages with the chat carry none of them).
	 *
	 * @return array<string, string>
	 */
	private static function labels(): array {
		return array(
			'title'            => __( 'Leave your details', 'handoff-bot' ),
			'intro'            => __( 'Nobody from the team can join the chat right now. Leave your details and we will get back to you. Nothing you wrote is lost.', 'handoff-bot' ),
			'name'             => __( 'Your name', 'handoff-bot' ),
			'email'            => __( 'Email address', 'handoff-bot' ),
			'contact'          => __( 'How should we reach you?', 'handoff-bot' ),
			'contactEmail'     => __( 'Reply by email', 'handoff-bot' ),
			'contactPhone'     => __( 'Call me back', 'handoff-bot' ),
			'phone'            => __( 'Phone number', 'handoff-bot' ),
			'window'           => __( 'When should we call?', 'handoff-bot' ),
			'window_morning'   => __( 'Morning', 'handoff-bot' ),
			'window_afternoon' => __( 'Afternoon', 'handoff-bot' ),
			'window_evening'   => __( 'Evening', 'handoff-bot' ),
			'window_anytime'   => __( 'Any time', 'handoff-bot' ),
			/* translators: %s: a time zone such as Europe/Paris. */
			'timezone'         => __( 'Times are in your time zone (%s).', 'handoff-bot' ),
			'siteTimezone'     => wp_timezone_string(),
			'message'          => __( 'Your message', 'handoff-bot' ),
			'send'             => __( 'Send', 'handoff-bot' ),
			'sending'          => __( 'Sending…', 'handoff-bot' ),
			'later'            => __( 'Not now', 'handoff-bot' ),
			'fix'              => __( 'Please check the fields marked above.', 'handoff-bot' ),
			'failed'           => __( 'Your details could not be sent. Please try again: everything you typed is still here.', 'handoff-bot' ),
		);
	}

	/**
	 * POST: leaves the ticket.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function submit( $request ) {
		$key = (string) $request['idempotency_key'];
		if ( ! preg_match( '/^[A-Za-z0-9_-]{8,56}$/', $key ) ) {
			return new WP_Error( 'handoff_bot_invalid_idempotency_key', __( 'The form needs an idempotency key of 8 to 56 letters, digits, dashes or underscores.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		if ( '' !== trim( (string) $request['website'] ) || (int) $request['elapsed_ms'] < self::MIN_FILL_MS ) {
			// A bot: a quiet answer that looks like the others, and nothing stored or sent.
			$quiet = new WP_REST_Response(
				array(
					'reference'  => '',
					'handoff_id' => 0,
					'route'      => 'ticket',
					'contact'    => 'email',
					'email'      => '',
					'message'    => __( 'Thank you.', 'handoff-bot' ),
				)
			);
			$quiet->set_status( 201 );
			return self::no_store( $quiet );
		}
		$input = array();
		foreach ( array( 'name', 'email', 'contact', 'phone', 'window', 'timezone', 'message' ) as $field ) {
			$input[ $field ] = $request[ $field ];
		}
		try {
			$waits = $this->limiter->check_all( array( array( 'ticket', Rate_Limiter::client_key(), self::PER_HOUR, HOUR_IN_SECONDS ) ) );
			if ( null !== $waits[0] ) {
				return Visitor_Guard::rate_limited( $waits[0], 'address' );
			}
			$receipt = $this->tickets->submit( $this->guard->conversation( $request ), $input, $key );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		if ( is_wp_error( $receipt ) ) {
			return $receipt;
		}
		$response = self::no_store( new WP_REST_Response( $receipt ) );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * The 503 of a database that failed: the visitor may send the form again.
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_unavailable', __( 'The chat is unavailable for a moment. Please try again: nothing you wrote is lost.', 'handoff-bot' ), array( 'status' => 503 ) );
	}

	/**
	 * A response no cache keeps.
	 *
	 * @param WP_REST_Response $response The response.
	 */
	private static function no_store( WP_REST_Response $response ): WP_REST_Response {
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'handoff-bot-ticket',
			'type'       => 'object',
			'properties' => array(
				'reference'  => array(
					'type'        => 'string',
					'description' => __( 'The reference the visitor and the team quote, such as HB-00042.', 'handoff-bot' ),
				),
				'handoff_id' => array( 'type' => 'integer' ),
				'route'      => array(
					'type' => 'string',
					'enum' => array( 'ticket', 'callback', 'private' ),
				),
				'contact'    => array( 'type' => 'string' ),
				'email'      => array( 'type' => 'string' ),
				'message'    => array(
					'type'        => 'string',
					'description' => __( 'The confirmation the chat shows.', 'handoff-bot' ),
				),
			),
		);
	}
}
