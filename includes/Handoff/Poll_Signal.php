<?php
/**
 * A static file per followed conversation that changes when its chat has news.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * While a visitor follows a handoff, their chat reads a small JSON file in the uploads folder
 * every few seconds instead of asking WordPress: the web server answers it without PHP or the
 * database, so a long queue of waiting visitors costs the site almost nothing.
 *
 * The file holds a version (`v`) that changes whenever a read of the conversation's messages would
 * show something new (an agent's message or notice, the handoff's status or agent, the agent
 * typing), and, while the visitor waits in the live queue, their place and expected wait (`place`,
 * `wait`), rewritten whenever the queue moves. The chat reads the messages route when the version
 * changed, and at least every `check_in` seconds anyway (those reads tell the site the visitor is
 * still there, and a wait too long is noticed on one); a new place it shows from the file.
 *
 * The file's name is a keyed hash of the conversation (unguessable without the site's salts), and
 * it holds nothing the visitor wrote. Changes are noted during a request (in memory) and written
 * on `shutdown`, after every transaction committed, under a lock shared by all writers: a chat that
 * reads the messages after seeing a new version finds what changed. A site that cannot or would
 * not serve the file (the filter `handoff_bot_poll_signal`, an uploads folder that is not
 * writable) gets none, and the chat reads the route every few seconds as before.
 *
 * @phpstan-type Signal_File array{v: string, place?: int|null, wait?: int|null}
 */
final class Poll_Signal {

	/**
	 * The longest a chat goes without reading through REST (seconds).
	 */
	public const HEARTBEAT = 120;

	/**
	 * The events after which visitors' places in the queue may have moved: a handoff left the
	 * waiting ones, or came back to them.
	 */
	public const QUEUE_EVENTS = array( 'agent_joined', 'transferred', 'handed_back', 'resolved', 'left_queue', 'abandoned', 'ticket_created', 'callback_requested' );

	/**
	 * A handoff's steps the visitor's chat never shows (the site's own bookkeeping: deliveries to
	 * connections, confirmation emails, work on a ticket, the rating). They leave the version
	 * alone, so no waiting chat reads the route for them. A ticket's steps matter because a
	 * conversation whose handoff became a ticket may follow a new live handoff meanwhile.
	 */
	public const QUIET_EVENTS = array( 'delivery_succeeded', 'delivery_failed', 'ticket_confirmation_sent', 'ticket_confirmation_failed', 'ticket_confirmation_capped', 'ticket_noted', 'ticket_status', 'ticket_assigned', 'ticket_reply_sent', 'ticket_reply_failed', 'rated' );

	/**
	 * The folder under uploads.
	 */
	public const FOLDER = 'handoff-bot/poll';

	/**
	 * Conversations whose chat has news, noted in this request.
	 *
	 * @var array<int, true>
	 */
	private static array $changed = array();

	/**
	 * Whether the live queue changed (places and waits of every waiting visitor).
	 *
	 * @var bool
	 */
	private static bool $queue = false;

	/**
	 * Notes that a conversation's chat has news (written on shutdown).
	 *
	 * @param int $conversation_id Conversation.
	 */
	public static function changed( int $conversation_id ): void {
		if ( $conversation_id <= 0 ) {
			return;
		}
		self::$changed[ $conversation_id ] = true;
		self::on_shutdown();
	}

	/**
	 * Notes that the live queue changed: every waiting visitor's place or wait may have.
	 */
	public static function queue_changed(): void {
		self::$queue = true;
		self::on_shutdown();
	}

	/**
	 * Writes the noted changes, once per request (WordPress's `shutdown`; tests call it): a new
	 * version for each conversation with news, then every waiting visitor's place and wait when
	 * the queue moved.
	 */
	public static function flush(): void {
		$ids   = self::$changed;
		$queue = self::$queue;

		self::$changed = array();
		self::$queue   = false;
		if ( ! $ids && ! $queue ) {
			return;
		}
		$folder = self::folder( false );
		if ( null === $folder ) {
			return;
		}
		$lock = self::lock( $folder['path'] );
		try {
			foreach ( array_keys( $ids ) as $id ) {
				$file = $folder['path'] . '/' . self::name( $id );
				// Only chats that were given the file follow it.
				if ( is_file( $file ) ) {
					self::write( $file, array( 'v' => self::version() ) );
				}
			}
			// Places are written back under the version read: only under the lock, or a version
			// written meanwhile could be undone. Worked out under it, so the latest write wins.
			if ( $queue && null !== $lock ) {
				try {
					$places = self::places( new Handoff_Repository(), time() );
				} catch ( Storage_Exception $e ) {
					// Their chats read the route at their next check-in.
					$places = array();
				}
				foreach ( $places as $id => $place ) {
					$file    = $folder['path'] . '/' . self::name( $id );
					$current = self::read( $file );
					if ( null !== $current && ( ( $current['place'] ?? false ) !== $place['place'] || ( $current['wait'] ?? false ) !== $place['wait'] ) ) {
						self::write( $file, array( 'v' => $current['v'] ) + $place );
					}
				}
			}
		} finally {
			self::unlock( $lock );
		}//end try
	}

	/**
	 * Every waiting visitor's place in the live queue and expected wait, as the messages route
	 * shows them (Visitor_Handoff).
	 *
	 * @param Handoff_Repository $handoffs Handoffs.
	 * @param int                $now      Unix time.
	 * @return array<int, array{place: int, wait: int|null}> By conversation.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private static function places( Handoff_Repository $handoffs, int $now ): array {
		$ahead   = array();
		$medians = array();
		$out     = array();
		foreach ( $handoffs->waiting_in_line() as $handoff ) {
			$line           = $handoff['route'] . '|' . $handoff['team'];
			$ahead[ $line ] = ( $ahead[ $line ] ?? 0 ) + 1;
			if ( Router::ROUTE_LIVE !== $handoff['route'] ) {
				continue;
			}
			if ( ! array_key_exists( $handoff['team'], $medians ) ) {
				$medians[ $handoff['team'] ] = Wait_Medians::get( $handoffs, $handoff['team'], $now );
			}
			$out[ $handoff['conversation_id'] ] = array(
				'place' => $ahead[ $line ],
				'wait'  => Wait_Estimate::minutes_at( $medians[ $handoff['team'] ], $ahead[ $line ] ),
			);
		}
		return $out;
	}

	/**
	 * The file a chat follows for a conversation, created if need be, with its current version:
	 * read before the chat's view of the conversation is, so that any later change shows.
	 *
	 * @param int $conversation_id Conversation.
	 * @return array{url: string, version: string}|null Null where the site serves no file.
	 */
	public static function watch( int $conversation_id ): ?array {
		// What this request changed so far is in the state read after this: no new version for it.
		unset( self::$changed[ $conversation_id ] );
		$folder = self::folder( true );
		if ( null === $folder ) {
			return null;
		}
		$name    = self::name( $conversation_id );
		$file    = $folder['path'] . '/' . $name;
		$current = self::read( $file );
		if ( null === $current ) {
			$lock    = self::lock( $folder['path'] );
			$current = self::read( $file );
			if ( null === $current ) {
				$current = array( 'v' => self::version() );
				$current = self::write( $file, $current ) ? $current : null;
			}
			self::unlock( $lock );
		}
		if ( null === $current ) {
			return null;
		}
		return array(
			'url'     => $folder['url'] . '/' . $name,
			'version' => $current['v'],
		);
	}

	/**
	 * Deletes the files no change touched for a while (a chat that still follows one reads
	 * through REST on the next miss, which makes it again).
	 *
	 * @param int $before Unix time: files last written before it go.
	 * @return int How many went.
	 */
	public static function sweep( int $before ): int {
		$folder = self::folder( false );
		if ( null === $folder ) {
			return 0;
		}
		$gone = 0;
		foreach ( array_merge( (array) glob( $folder['path'] . '/*.json' ), (array) glob( $folder['path'] . '/*.tmp' ) ) as $file ) {
			$time = is_string( $file ) ? filemtime( $file ) : false;
			if ( false !== $time && $time < $before && wp_delete_file_from_directory( (string) $file, $folder['path'] ) ) {
				++$gone;
			}
		}
		return $gone;
	}

	/**
	 * Deletes the folder and its files (uninstall).
	 */
	public static function remove_all(): void {
		$folder = self::folder( false );
		if ( null === $folder ) {
			return;
		}
		foreach ( array_merge( (array) glob( $folder['path'] . '/*.json' ), (array) glob( $folder['path'] . '/*.tmp' ), array( $folder['path'] . '/index.html', $folder['path'] . '/write.lock' ) ) as $file ) {
			wp_delete_file_from_directory( (string) $file, $folder['path'] );
		}
		@rmdir( $folder['path'] ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- an empty folder of ours; nothing to report if it stays.
	}

	/**
	 * The file's name for a conversation: a keyed hash, so that nobody can guess another's.
	 *
	 * @param int $conversation_id Conversation.
	 */
	public static function name( int $conversation_id ): string {
		return substr( hash_hmac( 'sha256', 'poll-signal|' . $conversation_id, wp_salt( 'auth' ) ), 0, 32 ) . '.json';
	}

	/**
	 * The folder's path and URL, or null where the site serves no file.
	 *
	 * @param bool $create Whether to make the folder when it is missing.
	 * @return array{path: string, url: string}|null
	 */
	private static function folder( bool $create ): ?array {
		// Only handing a file out asks the filter: a file handed out (before a theme turned the
		// files off, say) is kept current, swept and removed whatever it says.
		if ( $create && ! self::enabled() ) {
			return null;
		}
		$uploads = wp_upload_dir( null, false );
		// Stream-wrapped uploads (object storage) have no rename, lock or listing to rely on.
		if ( ! empty( $uploads['error'] ) || '' === (string) $uploads['basedir'] || wp_is_stream( (string) $uploads['basedir'] ) ) {
			return null;
		}
		$path = (string) $uploads['basedir'] . '/' . self::FOLDER;
		if ( ! is_dir( $path ) ) {
			if ( ! $create || ! wp_mkdir_p( $path ) ) {
				return null;
			}
			// No listing of the folder where the server would show one.
			@file_put_contents( $path . '/index.html', '' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_read_file_put_contents -- an empty file beside ours; nothing to report if it cannot be written.
		}
		return array(
			'path' => $path,
			'url'  => set_url_scheme( (string) $uploads['baseurl'] ) . '/' . self::FOLDER,
		);
	}

	/**
	 * Whether files are handed out.
	 */
	private static function enabled(): bool {
		/**
		 * Whether chats following a handoff read a static file in the uploads folder between their
		 * reads through REST. Turn it off where the uploads folder is not served from this site (a
		 * chat falls back to REST by itself when it cannot read the file).
		 *
		 * @since 0.3.0
		 *
		 * @param bool $enabled Default true.
		 */
		return (bool) apply_filters( 'handoff_bot_poll_signal', true );
	}

	/**
	 * What a file holds, or null.
	 *
	 * @param string $file The file.
	 * @return Signal_File|null
	 */
	private static function read( string $file ): ?array {
		$text = is_file( $file ) ? @file_get_contents( $file ) : false; // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file of ours, which a sweep may delete meanwhile.
		$data = false === $text ? null : json_decode( $text, true );
		if ( ! is_array( $data ) || ! isset( $data['v'] ) || ! is_string( $data['v'] ) || '' === $data['v'] ) {
			return null;
		}
		$out = array( 'v' => $data['v'] );
		foreach ( array( 'place', 'wait' ) as $key ) {
			if ( array_key_exists( $key, $data ) ) {
				$out[ $key ] = is_int( $data[ $key ] ) ? $data[ $key ] : null;
			}
		}
		return $out;
	}

	/**
	 * A new version.
	 */
	private static function version(): string {
		return bin2hex( random_bytes( 6 ) );
	}

	/**
	 * Writes a file whole (written aside, then renamed over it: a reader never sees half of it).
	 *
	 * @param string $file The file.
	 * @param array  $data What it holds.
	 * @phpstan-param Signal_File $data
	 * @return bool Whether it was written.
	 */
	private static function write( string $file, array $data ): bool {
		$temp = $file . '.' . bin2hex( random_bytes( 4 ) ) . '.tmp';
		// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors.Discouraged -- a small file of ours, written on every change: the filesystem API would add a request's worth of work; a folder that is not writable means no file.
		if ( false === @file_put_contents( $temp, (string) wp_json_encode( $data ) ) || ! @rename( $temp, $file ) ) {
			@unlink( $temp );
			// A file that cannot be kept current must not be read as current: without it the
			// chat reads the route (its next read of the route tries to make it again).
			@unlink( $file );
			return false;
		}
		@chmod( $file, 0644 );
		// phpcs:enable
		return true;
	}

	/**
	 * Takes the folder's write lock: writers read a file and write it back, and must not undo
	 * each other's change.
	 *
	 * @param string $path The folder.
	 * @return resource|null The lock, or null where none could be taken (written without it).
	 */
	private static function lock( string $path ) {
		$handle = @fopen( $path . '/write.lock', 'c' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_read_fopen -- a lock file of ours.
		if ( false === $handle ) {
			return null;
		}
		flock( $handle, LOCK_EX );
		return $handle;
	}

	/**
	 * Lets the lock go.
	 *
	 * @param resource|null $handle The lock.
	 */
	private static function unlock( $handle ): void {
		if ( is_resource( $handle ) ) {
			flock( $handle, LOCK_UN );
			fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- the lock file.
		}
	}

	/**
	 * Writes the changes on shutdown (added once, when the first change is noted).
	 */
	private static function on_shutdown(): void {
		if ( ! has_action( 'shutdown', array( self::class, 'flush' ) ) ) {
			add_action( 'shutdown', array( self::class, 'flush' ) );
		}
	}
}
