<?php
/**
 * The personal-data exporter (Tools → Export Personal Data).
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Privacy;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Handoff\Ticket_Service;
use HandoffBot\Repositories\Personal_Data_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Exports a person's conversations, found by email address (Subject_Finder): each conversation
 * with its pages and transcript, each handoff with its brief's details (the ticket or callback
 * form's answers among them), and each notification sent about it to the team's connections.
 * Fifty conversations a page; the set does not change between pages, so a page is an offset.
 *
 * @phpstan-import-type Export_Conversation from Personal_Data_Repository
 * @phpstan-import-type Export_Handoff from Personal_Data_Repository
 * @phpstan-import-type Export_Delivery from Personal_Data_Repository
 * @phpstan-type Export_Item array{group_id: string, group_label: string, group_description: string, item_id: string, data: list<array{name: string, value: string}>}
 */
final class Exporter implements Registrable {

	/**
	 * The exporter's key in the Privacy API.
	 */
	public const ID = 'handoff-bot';

	/**
	 * Conversations per page.
	 */
	public const PER_PAGE = 50;

	/**
	 * Storage.
	 *
	 * @var Personal_Data_Repository
	 */
	private Personal_Data_Repository $data;

	/**
	 * Finds the person's conversations.
	 *
	 * @var Subject_Finder
	 */
	private Subject_Finder $finder;

	/**
	 * Conversations per page.
	 *
	 * @var int
	 */
	private int $per_page;

	/**
	 * Builds the exporter.
	 *
	 * @param Personal_Data_Repository $data     Storage.
	 * @param Subject_Finder           $finder   Finds the person's conversations.
	 * @param int                      $per_page Conversations per page.
	 */
	public function __construct( Personal_Data_Repository $data, Subject_Finder $finder, int $per_page = self::PER_PAGE ) {
		$this->data     = $data;
		$this->finder   = $finder;
		$this->per_page = max( 1, $per_page );
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'wp_privacy_personal_data_exporters', array( $this, 'add' ) );
	}

	/**
	 * Adds the exporter.
	 *
	 * @param mixed $exporters Registered exporters.
	 * @return mixed
	 */
	public function add( $exporters ) {
		if ( is_array( $exporters ) ) {
			$exporters[ self::ID ] = array(
				'exporter_friendly_name' => __( 'Handoff Bot conversations', 'handoff-bot' ),
				'callback'               => array( $this, 'export' ),
			);
		}
		return $exporters;
	}

	/**
	 * One page of the export.
	 *
	 * @param string $email Email address.
	 * @param int    $page  Page, from 1.
	 * @return array{data: list<Export_Item>, done: bool}|WP_Error
	 */
	public function export( $email, $page = 1 ) {
		try {
			$found         = $this->finder->page( (string) $email, 0, $this->per_page, ( max( 1, (int) $page ) - 1 ) * $this->per_page );
			$conversations = $this->data->conversations( $found['ids'] );
			$handoffs      = $this->data->handoffs( $found['ids'] );
			$deliveries    = $this->data->deliveries( array_column( $handoffs, 'id' ) );
			$items         = array();
			foreach ( $conversations as $conversation ) {
				$items[] = $this->conversation_item( $conversation );
			}
			foreach ( $handoffs as $handoff ) {
				$items[] = self::handoff_item( $handoff );
			}
			foreach ( $deliveries as $delivery ) {
				$items[] = self::delivery_item( $delivery );
			}
		} catch ( Storage_Exception $e ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The conversations could not be read just now. Please try again.', 'handoff-bot' ) );
		}
		return array(
			'data' => $items,
			'done' => $found['done'],
		);
	}

	/**
	 * A conversation, its pages and its transcript.
	 *
	 * @param array $conversation The conversation.
	 * @phpstan-param Export_Conversation $conversation
	 * @return Export_Item
	 * @throws Storage_Exception When the messages cannot be read.
	 */
	private function conversation_item( array $conversation ): array {
		$pages = array();
		$trail = json_decode( $conversation['page_trail'], true );
		foreach ( is_array( $trail ) ? $trail : array() as $entry ) {
			if ( is_array( $entry ) && isset( $entry['url'] ) ) {
				$pages[] = trim( ( isset( $entry['at'] ) ? $entry['at'] . ' ' : '' ) . ( isset( $entry['title'] ) && '' !== $entry['title'] ? $entry['title'] . ' — ' : '' ) . $entry['url'] );
			}
		}
		$lines = array();
		foreach ( $this->data->messages( $conversation['id'] ) as $message ) {
			$meta    = json_decode( $message['meta'], true );
			$page    = is_array( $meta ) && isset( $meta['page_url'] ) && is_string( $meta['page_url'] ) && '' !== $meta['page_url'] ? ' (' . $meta['page_url'] . ')' : '';
			$lines[] = $message['created_at'] . ' ' . self::role_label( $message['role'] ) . $page . ': ' . $message['body'];
		}
		$data = array(
			self::field( __( 'Conversation', 'handoff-bot' ), '#' . $conversation['id'] ),
			self::field( __( 'Started (UTC)', 'handoff-bot' ), $conversation['created_at'] ),
			self::field( __( 'Last activity (UTC)', 'handoff-bot' ), $conversation['updated_at'] ),
			self::field( __( 'Status', 'handoff-bot' ), $conversation['status'] ),
		);
		if ( null !== $conversation['ended_at'] ) {
			$data[] = self::field( __( 'Ended (UTC)', 'handoff-bot' ), $conversation['ended_at'] );
		}
		if ( '' !== $conversation['language'] ) {
			$data[] = self::field( __( 'Language', 'handoff-bot' ), $conversation['language'] );
		}
		if ( null !== $conversation['rating'] ) {
			$data[] = self::field( __( 'Rating', 'handoff-bot' ), (string) $conversation['rating'] );
		}
		if ( $conversation['user_id'] > 0 ) {
			$data[] = self::field( __( 'Signed in as user', 'handoff-bot' ), '#' . $conversation['user_id'] );
		}
		if ( $pages ) {
			$data[] = self::field( __( 'Pages visited', 'handoff-bot' ), ...$pages );
		}
		if ( $lines ) {
			$data[] = self::field( __( 'Transcript', 'handoff-bot' ), ...$lines );
		}
		return array(
			'group_id'          => 'handoff-bot-conversations',
			'group_label'       => __( 'Chat conversations', 'handoff-bot' ),
			'group_description' => __( 'Conversations in the site’s chat, with the pages visited and every message (team notes included).', 'handoff-bot' ),
			'item_id'           => 'handoff-bot-conversation-' . $conversation['id'],
			'data'              => $data,
		);
	}

	/**
	 * A handoff to a person (a live chat, a ticket or a callback request) and its brief.
	 *
	 * @param array $handoff The handoff.
	 * @phpstan-param Export_Handoff $handoff
	 * @return Export_Item
	 */
	private static function handoff_item( array $handoff ): array {
		$brief = json_decode( $handoff['context'], true );
		$brief = is_array( $brief ) ? $brief : array();
		$data  = array(
			self::field( __( 'Reference', 'handoff-bot' ), Ticket_Service::reference( $handoff['id'] ) ),
			self::field( __( 'Conversation', 'handoff-bot' ), '#' . $handoff['conversation_id'] ),
			self::field( __( 'Requested (UTC)', 'handoff-bot' ), $handoff['requested_at'] ),
			self::field( __( 'Status', 'handoff-bot' ), $handoff['status'] ),
			self::field( __( 'Reason', 'handoff-bot' ), $handoff['reason'] ),
			self::field( __( 'Route', 'handoff-bot' ), $handoff['route'] ),
		);
		if ( null !== $handoff['resolved_at'] ) {
			$data[] = self::field( __( 'Closed (UTC)', 'handoff-bot' ), $handoff['resolved_at'] );
		}
		if ( '' !== $handoff['headline'] ) {
			$data[] = self::field( __( 'Summary', 'handoff-bot' ), $handoff['headline'] );
		}
		if ( '' !== $handoff['topic'] ) {
			$data[] = self::field( __( 'Topic', 'handoff-bot' ), $handoff['topic'] );
		}
		$labels = array(
			'name'     => __( 'Name given', 'handoff-bot' ),
			'email'    => __( 'Email given', 'handoff-bot' ),
			'contact'  => __( 'Preferred contact', 'handoff-bot' ),
			'phone'    => __( 'Phone given', 'handoff-bot' ),
			'window'   => __( 'Callback window', 'handoff-bot' ),
			'timezone' => __( 'Time zone', 'handoff-bot' ),
			'message'  => __( 'Message left', 'handoff-bot' ),
		);
		$form   = isset( $brief['form'] ) && is_array( $brief['form'] ) ? $brief['form'] : array();
		foreach ( $labels as $key => $label ) {
			if ( isset( $form[ $key ] ) && is_scalar( $form[ $key ] ) && '' !== (string) $form[ $key ] ) {
				$data[] = self::field( $label, (string) $form[ $key ] );
			}
		}
		$user = isset( $brief['user'] ) && is_array( $brief['user'] ) ? $brief['user'] : array();
		foreach ( $user as $key => $value ) {
			if ( is_scalar( $value ) && '' !== (string) $value ) {
				/* translators: %s: a field of the signed-in visitor's account, such as "email". */
				$data[] = self::field( sprintf( __( 'Account details sent to the team: %s', 'handoff-bot' ), (string) $key ), (string) $value );
			}
		}
		if ( isset( $brief['summary'] ) && is_array( $brief['summary'] ) ) {
			$data[] = self::field( __( 'Brief for the team', 'handoff-bot' ), ...array_map( 'strval', array_filter( $brief['summary'], 'is_scalar' ) ) );
		}
		return array(
			'group_id'          => 'handoff-bot-handoffs',
			'group_label'       => __( 'Requests for a person', 'handoff-bot' ),
			'group_description' => __( 'Each time the chat passed you to the team: live chats, tickets and callback requests, with what you gave in the form and the brief the team received.', 'handoff-bot' ),
			'item_id'           => 'handoff-bot-handoff-' . $handoff['id'],
			'data'              => $data,
		);
	}

	/**
	 * A notification sent about a handoff to one of the team's connections.
	 *
	 * @param array $delivery The delivery.
	 * @phpstan-param Export_Delivery $delivery
	 * @return Export_Item
	 */
	private static function delivery_item( array $delivery ): array {
		$data = array(
			self::field( __( 'About request', 'handoff-bot' ), Ticket_Service::reference( $delivery['handoff_id'] ) ),
			self::field( __( 'Sent through', 'handoff-bot' ), $delivery['kind'] ),
			self::field( __( 'Event', 'handoff-bot' ), $delivery['event'] ),
			self::field( __( 'Status', 'handoff-bot' ), $delivery['status'] ),
			self::field( __( 'Queued (UTC)', 'handoff-bot' ), $delivery['created_at'] ),
		);
		if ( '' !== $delivery['payload'] ) {
			$lines  = preg_split( '/\R/u', $delivery['payload'] );
			$data[] = self::field( __( 'Content', 'handoff-bot' ), ...( is_array( $lines ) ? $lines : array( $delivery['payload'] ) ) );
		}
		return array(
			'group_id'          => 'handoff-bot-deliveries',
			'group_label'       => __( 'Notifications to the support team', 'handoff-bot' ),
			'group_description' => __( 'What the site sent about your requests to the team’s email inbox, webhooks or Slack.', 'handoff-bot' ),
			'item_id'           => 'handoff-bot-delivery-' . $delivery['id'],
			'data'              => $data,
		);
	}

	/**
	 * An export field: its lines escaped (the export keeps only links and line breaks as HTML).
	 *
	 * @param string $name     Label.
	 * @param string ...$lines Lines of the value.
	 * @return array{name: string, value: string}
	 */
	private static function field( string $name, string ...$lines ): array {
		return array(
			'name'  => $name,
			'value' => implode( '<br>', array_map( 'esc_html', $lines ) ),
		);
	}

	/**
	 * Who wrote a message, in words.
	 *
	 * @param string $role Role.
	 */
	private static function role_label( string $role ): string {
		$labels = array(
			'visitor' => __( 'You', 'handoff-bot' ),
			'bot'     => __( 'Bot', 'handoff-bot' ),
			'agent'   => __( 'Support team', 'handoff-bot' ),
			'note'    => __( 'Team note', 'handoff-bot' ),
			'system'  => __( 'Chat', 'handoff-bot' ),
		);
		return $labels[ $role ] ?? $role;
	}
}
