<?php
/**
 * Tests for the per-address rate limits.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Repositories\Rate_Limit_Repository;
use HandoffBot\Rest\Rate_Limiter;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Which address a request counts against (IPv6 networks, trusted proxies), and a counter table
 * that stays small whatever arrives.
 */
final class Rate_Limiter_Test extends Test_Case {

	/**
	 * $_SERVER before the test.
	 *
	 * @var array<string, mixed>
	 */
	private array $server = array();

	/**
	 * Saves $_SERVER; starting a conversation is limited to two an hour per address.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->server = $_SERVER;
		( new Settings() )->update(
			array(
				'rate_limit_ip_per_minute'              => 1000,
				'rate_limit_new_conversations_per_hour' => 2,
			)
		);
	}

	/**
	 * Restores $_SERVER and the filters.
	 */
	protected function tearDown(): void {
		$_SERVER = $this->server;
		remove_all_filters( 'handoff_bot_client_ip_header' );
		remove_all_filters( 'handoff_bot_trusted_proxies' );
		remove_all_filters( 'handoff_bot_rate_limit_slots' );
		parent::tearDown();
	}

	/**
	 * Starts a conversation from an address; returns the status.
	 *
	 * @param string                $remote_addr REMOTE_ADDR.
	 * @param array<string, string> $server      Other $_SERVER entries (request headers).
	 */
	private function start_from( string $remote_addr, array $server = array() ): int {
		$_SERVER['REMOTE_ADDR'] = $remote_addr;
		foreach ( array( 'HTTP_X_FORWARDED_FOR', 'HTTP_CF_CONNECTING_IP', 'HTTP_FORWARDED' ) as $header ) {
			unset( $_SERVER[ $header ] );
		}
		foreach ( $server as $key => $value ) {
			$_SERVER[ $key ] = $value;
		}
		return $this->rest( 'POST', '/handoff-bot/v1/conversations', array( 'page_url' => home_url( '/help/' ) ) )->get_status();
	}

	/**
	 * Rows in the counter table.
	 *
	 * @param int $before Only windows that started before this time.
	 */
	private function counter_rows( int $before = PHP_INT_MAX ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE window_start < %d', $wpdb->prefix . 'handoff_bot_rate_limits', $before ) );
	}

	/**
	 * An IPv6 client that changes its address inside its /64 keeps its count; another /64 has
	 * its own.
	 */
	public function test_ipv6_addresses_count_by_their_64(): void {
		$this->assertSame( 201, $this->start_from( '2001:db8:aa:1::1' ) );
		$this->assertSame( 201, $this->start_from( '2001:db8:aa:1:ffff:ffff:ffff:fffe' ) );
		$this->assertSame( 429, $this->start_from( '2001:0db8:00aa:0001:1234::9' ), 'a third address of the same /64' );
		$this->assertSame( 201, $this->start_from( '2001:db8:aa:2::1' ), 'the next /64' );
	}

	/**
	 * An IPv4-mapped IPv6 address counts as its IPv4 address.
	 */
	public function test_ipv4_mapped_addresses_count_as_ipv4(): void {
		$this->assertSame( 201, $this->start_from( '198.51.100.23' ) );
		$this->assertSame( 201, $this->start_from( '::ffff:198.51.100.23' ) );
		$this->assertSame( 429, $this->start_from( '::FFFF:c633:6417' ) );
		$this->assertSame( 201, $this->start_from( '198.51.100.24' ) );
	}

	/**
	 * Clients behind a NAT64 gateway count by the IPv4 address in their last 32 bits, not all
	 * together as the gateway's /64.
	 */
	public function test_nat64_addresses_count_by_their_ipv4_client(): void {
		$this->assertSame( 201, $this->start_from( '64:ff9b::c633:6419' ) );
		$this->assertSame( 201, $this->start_from( '64:ff9b::198.51.100.25' ) );
		$this->assertSame( 429, $this->start_from( '198.51.100.25' ), 'the same client' );
		$this->assertSame( 201, $this->start_from( '64:ff9b::c633:641a' ), 'another client behind the gateway' );
	}

	/**
	 * Forwarded headers are believed by default never, and with only half of the configuration
	 * neither: a client cannot choose its own address.
	 */
	public function test_forwarded_headers_are_ignored_unless_a_proxy_is_trusted(): void {
		$forged = static function ( int $n ): array {
			return array(
				'HTTP_X_FORWARDED_FOR'  => '192.0.2.' . $n,
				'HTTP_CF_CONNECTING_IP' => '192.0.2.' . $n,
				'HTTP_FORWARDED'        => 'for=192.0.2.' . $n,
			);
		};
		$this->assertSame( 201, $this->start_from( '203.0.113.9', $forged( 1 ) ) );
		$this->assertSame( 201, $this->start_from( '203.0.113.9', $forged( 2 ) ) );
		$this->assertSame( 429, $this->start_from( '203.0.113.9', $forged( 3 ) ) );

		add_filter(
			'handoff_bot_client_ip_header',
			static function (): string {
				return 'HTTP_X_FORWARDED_FOR';
			}
		);
		$this->assertSame( 429, $this->start_from( '203.0.113.9', $forged( 4 ) ), 'a header without trusted proxies' );
		add_filter(
			'handoff_bot_trusted_proxies',
			static function (): array {
				return array( '10.0.0.0/8' );
			}
		);
		$this->assertSame( 429, $this->start_from( '203.0.113.9', $forged( 5 ) ), 'a header from an address that is not a trusted proxy' );
	}

	/**
	 * Behind a trusted proxy, each client counts on its own address from the header the site
	 * names; in X-Forwarded-For, the right-most address that is not a trusted proxy.
	 */
	public function test_a_trusted_proxy_passes_the_client_address(): void {
		add_filter(
			'handoff_bot_client_ip_header',
			static function (): string {
				return 'HTTP_X_FORWARDED_FOR';
			}
		);
		add_filter(
			'handoff_bot_trusted_proxies',
			static function (): array {
				return array( '10.0.0.0/8', '2001:db8:ffff::/48', '172.16.5.4' );
			}
		);
		// Two visitors behind the same load balancer.
		$this->assertSame( 201, $this->start_from( '10.1.2.3', array( 'HTTP_X_FORWARDED_FOR' => '198.51.100.7' ) ) );
		$this->assertSame( 201, $this->start_from( '10.1.2.3', array( 'HTTP_X_FORWARDED_FOR' => '198.51.100.7, 172.16.5.4' ) ) );
		$this->assertSame( 201, $this->start_from( '10.9.9.9', array( 'HTTP_X_FORWARDED_FOR' => '198.51.100.8' ) ), 'another visitor has their own limit' );
		// What a client writes to the left of its real address changes nothing.
		$this->assertSame( 429, $this->start_from( '2001:db8:ffff:1::2', array( 'HTTP_X_FORWARDED_FOR' => '192.0.2.1, 198.51.100.7:51234' ) ) );
		// The same header from an untrusted address is not believed.
		$this->assertSame( 201, $this->start_from( '203.0.113.50', array( 'HTTP_X_FORWARDED_FOR' => '198.51.100.99' ) ) );
		$this->assertSame( 201, $this->start_from( '203.0.113.50', array( 'HTTP_X_FORWARDED_FOR' => '198.51.100.98' ) ) );
		$this->assertSame( 429, $this->start_from( '203.0.113.50', array( 'HTTP_X_FORWARDED_FOR' => '198.51.100.97' ) ) );

		// A header with one address, and RFC 7239's Forwarded.
		add_filter(
			'handoff_bot_client_ip_header',
			static function (): string {
				return 'HTTP_CF_CONNECTING_IP';
			},
			11
		);
		$this->assertSame( 201, $this->start_from( '10.1.2.3', array( 'HTTP_CF_CONNECTING_IP' => '2001:db8:77:1::5' ) ) );
		$this->assertSame( 201, $this->start_from( '10.1.2.3', array( 'HTTP_CF_CONNECTING_IP' => '2001:db8:77:1::6' ) ) );
		$this->assertSame( 429, $this->start_from( '10.1.2.3', array( 'HTTP_CF_CONNECTING_IP' => '2001:db8:77:1::7' ) ), 'the /64 of the address in the header' );
		add_filter(
			'handoff_bot_client_ip_header',
			static function (): string {
				return 'HTTP_FORWARDED';
			},
			12
		);
		$this->assertSame( 201, $this->start_from( '10.1.2.3', array( 'HTTP_FORWARDED' => 'for="[2001:db8:78::1]:4711";proto=https, for=10.0.0.2' ) ) );
		$this->assertSame( 201, $this->start_from( '10.1.2.3', array( 'HTTP_FORWARDED' => 'for="[2001:db8:78::2]"' ) ) );
		$this->assertSame( 429, $this->start_from( '10.1.2.3', array( 'HTTP_FORWARDED' => 'For=2001:db8:78::3' ) ) );
	}

	/**
	 * A flood of distinct addresses fills each limit's slots and then adds no rows; ended
	 * windows are deleted by the first request of the next minute.
	 */
	public function test_the_counter_table_stays_bounded(): void {
		add_filter(
			'handoff_bot_rate_limit_slots',
			static function (): int {
				return 32;
			}
		);
		// A time long past, so that only this test's counters are counted.
		$now     = 1700000000 - ( 1700000000 % 3600 ) + 90;
		$era     = $now + 2 * DAY_IN_SECONDS;
		$limiter = new Rate_Limiter(
			new Rate_Limit_Repository(),
			static function () use ( &$now ): int {
				return $now;
			}
		);
		$this->assertSame( 0, $this->counter_rows( $era ) );
		for ( $i = 0; $i < 400; $i++ ) {
			$address = '2001:db8:' . dechex( $i ) . ':1::/64';
			$limiter->check_all(
				array(
					array( 'ip', $address, 60, MINUTE_IN_SECONDS ),
					array( 'new', $address, 30, HOUR_IN_SECONDS ),
				)
			);
		}
		// Each limit holds at most 32 counters in its window, plus one for the purge.
		$this->assertLessThanOrEqual( 2 * 32 + 1, $this->counter_rows( $era ) );
		$this->assertGreaterThanOrEqual( 2 * 30, $this->counter_rows( $era ), 'the slots are used' );

		// The next minute: its first request deletes the minute that ended.
		$now += 60;
		$limiter->check_all( array( array( 'ip', '198.51.100.1', 60, MINUTE_IN_SECONDS ) ) );
		$this->assertLessThanOrEqual( 32 + 2, $this->counter_rows( $era ), 'the hour’s counters, and this minute’s' );

		// The next hour: the hour's counters go too.
		$now += 3600;
		$limiter->check_all( array( array( 'ip', '198.51.100.1', 60, MINUTE_IN_SECONDS ) ) );
		$this->assertSame( 2, $this->counter_rows( $era ), 'this minute’s address and purge counters' );
	}

	/**
	 * A flood of distinct addresses through the REST API adds no more rows than the slots allow.
	 */
	public function test_polls_from_many_addresses_add_bounded_rows(): void {
		add_filter(
			'handoff_bot_rate_limit_slots',
			static function (): int {
				return 8;
			}
		);
		list( $id, $token ) = $this->start_conversation();
		$before             = $this->counter_rows();
		for ( $i = 1; $i <= 60; $i++ ) {
			$_SERVER['REMOTE_ADDR'] = '2001:db8:' . dechex( 4096 + $i ) . '::1';
			$this->assertSame( 200, $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array(), array( 'X-Handoff-Bot-Token' => $token ) )->get_status() );
		}
		$this->assertLessThanOrEqual( $before + 8 + 1, $this->counter_rows() );
	}
}
