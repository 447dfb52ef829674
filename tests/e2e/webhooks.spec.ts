/**
 * A webhook end to end: a visitor asks for a person; the site's webhook receiver (a real local
 * HTTP server that checks the signature) fails the first delivery with a 500 and accepts the
 * retry, which carries the same delivery id; the delivery log on the Connections screen shows it
 * delivered after two attempts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { logIn, sitePhp } from './helpers';

/**
 * Resolves once a TCP port accepts connections.
 * @param port The port.
 */
async function listening( port: number ): Promise< void > {
	for ( let i = 0; i < 50; i++ ) {
		const open = await new Promise< boolean >( ( resolve ) => {
			const socket = net.connect( port, '127.0.0.1' );
			socket.once( 'connect', () => {
				socket.end();
				resolve( true );
			} );
			socket.once( 'error', () => resolve( false ) );
		} );
		if ( open ) {
			return;
		}
		await new Promise( ( r ) => setTimeout( r, 100 ) );
	}
	throw new Error( `Nothing listens on ${ port }` );
}

test( 'a webhook that fails once is delivered again, signed, with the same delivery id', async ( {
	page,
} ) => {
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'handoff-bot-hook-' ) );
	fs.writeFileSync( path.join( dir, 'plan.json' ), '[500]' );
	const port = 20000 + Math.floor( Math.random() * 20000 );
	const receiver = spawn(
		'php',
		[
			'-S',
			`127.0.0.1:${ port }`,
			path.resolve( 'tests/php/servers/http-receiver.php' ),
		],
		{
			stdio: 'ignore',
			env: { ...process.env, HANDOFF_BOT_RECEIVER_DIR: dir },
		}
	);
	const label = `Our CRM ${ Date.now() }`;
	try {
		await listening( port );
		// The connection (a local target: this is a local site), and the receiver knows its secret.
		const secret = sitePhp( `
			$made = ( new HandoffBot\\Notifications\\Connection_Store() )->create( array( 'kind' => 'webhook', 'label' => '${ label }', 'target' => 'http://localhost:${ port }/hook', 'teams' => array(), 'events' => array( 'handoff.requested' ), 'enabled' => true ) );
			echo $made['secret'];
		` );
		fs.writeFileSync( path.join( dir, 'secret.txt' ), secret.trim() );

		// A visitor asks for a person: the delivery is stored and tried in the background.
		await page.goto( '/help/' );
		const replies = page.locator( '.handoff-bot-chat__msg.is-bot' );
		const before = await replies.count();
		await page.getByRole( 'button', { name: 'Talk to a person' } ).click();
		await expect( replies ).toHaveCount( before + 1 );
		const runDue = () =>
			sitePhp( `
				foreach ( (array) _get_cron_array() as $hooks ) {
					foreach ( (array) ( $hooks['handoff_bot_deliver'] ?? array() ) as $event ) {
						do_action_ref_array( 'handoff_bot_deliver', $event['args'] );
					}
				}
			` );
		const requests = () =>
			fs.existsSync( path.join( dir, 'requests.jsonl' ) )
				? fs
						.readFileSync(
							path.join( dir, 'requests.jsonl' ),
							'utf8'
						)
						.trim()
						.split( '\n' )
						.map( ( line ) => JSON.parse( line ) )
				: [];
		runDue();
		await expect
			.poll( () => requests().length )
			.toBeGreaterThanOrEqual( 1 );
		// A minute passes: the retry is due.
		sitePhp( `
			global $wpdb;
			$wpdb->query( $wpdb->prepare( 'UPDATE %i SET next_attempt_at = %s WHERE status = %s', $wpdb->prefix . 'handoff_bot_deliveries', gmdate( 'Y-m-d H:i:s', time() - 1 ), 'pending' ) );
		` );
		runDue();
		await expect.poll( () => requests().length ).toBe( 2 );
		const [ first, second ] = requests();
		expect( first.answered ).toBe( 500 );
		expect( second.answered ).toBe( 200 );
		expect( first.signature_valid ).toBe( true );
		expect( second.signature_valid ).toBe( true );
		expect( second.headers[ 'x-handoff-bot-delivery' ] ).toBe(
			first.headers[ 'x-handoff-bot-delivery' ]
		);

		// The delivery log says so.
		await logIn( page );
		await page.goto( '/wp-admin/admin.php?page=handoff-bot-connections' );
		const log = page.locator( '#handoff-bot-connections-root' );
		await expect( log ).toContainText( label );
		await expect( log ).toContainText( /Delivered|Sent/ );
	} finally {
		receiver.kill();
		sitePhp( `
			$store = new HandoffBot\\Notifications\\Connection_Store();
			foreach ( $store->all() as $c ) { if ( '${ label }' === $c['label'] ) { $store->delete( $c['id'] ); } }
		` );
	}
} );
