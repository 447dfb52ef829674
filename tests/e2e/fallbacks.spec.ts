/**
 * When nobody can come: after hours a visitor asks for a callback and it appears in the agents'
 * Callbacks list; a signed-in visitor who goes away while waiting in the queue gets a ticket,
 * which appears in the agents' Open list; a visitor who leaves a ticket gets its confirmation and
 * then the agent's reply by email, at a real local SMTP server.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { logIn, sitePhp } from './helpers';

const TICKETS = '/wp-admin/admin.php?page=handoff-bot-tickets';

test.afterEach( () => {
	// Back to the defaults, and the admin offline again (the next specs expect no agent online).
	sitePhp(
		"delete_option( 'handoff_bot_availability' ); delete_user_meta( 1, HandoffBot\\Handoff\\Presence::META );"
	);
} );

/**
 * Sets the hours: closed all week with callbacks offered, or staffed round the clock.
 * @param open Whether the team is in.
 */
function hours( open: boolean ): void {
	sitePhp( `
		$data = HandoffBot\\Handoff\\Availability::defaults()->to_array();
		$data['callback'] = true;
		$data['hours'] = array_fill_keys( HandoffBot\\Handoff\\Availability::DAYS, ${
			open
				? "array( array( 'open' => '00:00', 'close' => '24:00' ) )"
				: 'array()'
		} );
		update_option( 'handoff_bot_availability', array( 'version' => 0, 'data' => $data ) );
	` );
}

/**
 * Asks the chat something, waits for the reply, then asks for a person.
 * @param page The page.
 * @param text What to ask first.
 */
async function askForAPerson( page: Page, text: string ): Promise< void > {
	const replies = page.locator( '.handoff-bot-chat__msg.is-bot' );
	const before = await replies.count();
	const input = page.getByRole( 'textbox', { name: 'Your question' } );
	await input.fill( text );
	await input.press( 'Enter' );
	await expect( replies ).toHaveCount( before + 1 );
	await page.getByRole( 'button', { name: 'Talk to a person' } ).click();
}

/**
 * Opens a tab of the Tickets screen and searches it.
 * @param page  The page (signed in).
 * @param tab   The tab's name.
 * @param words What to search for.
 */
async function findTicket( page: Page, tab: string, words: string ) {
	await page.goto( TICKETS );
	const root = page.locator( '#handoff-bot-tickets-root' );
	await root.getByRole( 'button', { name: tab, exact: true } ).click();
	await root
		.getByRole( 'searchbox', {
			name: 'Search tickets by reference, name, email or words',
		} )
		.fill( words );
	return root;
}

test( 'after hours a visitor asks for a callback, and agents find it among the callbacks', async ( {
	page,
} ) => {
	hours( false );
	const stamp = Date.now();
	await page.goto( '/help/' );
	await askForAPerson( page, `Please call me about order ${ stamp }` );
	const form = page.getByRole( 'form', { name: 'Leave your details' } );
	await expect( form ).toBeVisible();
	await form.getByLabel( 'Your name' ).fill( 'Carla Callback' );
	await form.getByLabel( 'Call me back' ).check();
	await form.getByLabel( 'Phone number' ).fill( '+44 20 7946 0958' );
	await form.getByLabel( 'When should we call?' ).selectOption( 'morning' );
	await form.getByRole( 'button', { name: 'Send', exact: true } ).click();
	const confirmation = page
		.getByText( /Your callback request HB-\d{5} is recorded/ )
		.last();
	await expect( confirmation ).toBeVisible();
	const reference = ( ( await confirmation.textContent() ) ?? '' ).match(
		/HB-\d{5}/
	)?.[ 0 ] as string;

	await logIn( page );
	const root = await findTicket( page, 'Callbacks', reference );
	await expect(
		root.getByRole( 'button', {
			name: `Open ${ reference } from Carla Callback`,
		} )
	).toBeVisible();
	await expect( root.locator( 'tbody' ) ).toContainText( '+442079460958' );
} );

test( 'a signed-in visitor who goes away while waiting gets a ticket the agents see', async ( {
	page,
} ) => {
	hours( true );
	const stamp = Date.now();
	await logIn( page );
	// An agent is online (the admin is one), so the request joins the live queue.
	sitePhp(
		"( new HandoffBot\\Handoff\\Presence( new HandoffBot\\Repositories\\Event_Repository() ) )->beat( 1, 'available', time() );"
	);
	await page.goto( '/help/' );
	await askForAPerson(
		page,
		`My invoice ${ stamp } shows the wrong address`
	);
	await expect(
		page.locator( '.handoff-bot-chat__queue-text' )
	).toContainText( /queue|Connecting/ );

	// The visitor closes the tab; minutes pass without a sign of them, and the sweep runs.
	await page.goto( 'about:blank' );
	sitePhp( `
		global $wpdb;
		$then = gmdate( 'Y-m-d H:i:s', time() - 600 );
		$conversation = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT conversation_id FROM %i WHERE body LIKE %s ORDER BY id DESC LIMIT 1', $wpdb->prefix . 'handoff_bot_messages', '%${ stamp }%' ) );
		$wpdb->update( $wpdb->prefix . 'handoff_bot_conversations', array( 'updated_at' => $then ), array( 'id' => $conversation ) );
		$wpdb->update( $wpdb->prefix . 'handoff_bot_handoffs', array( 'requested_at' => $then ), array( 'conversation_id' => $conversation ) );
		do_action( HandoffBot\\Jobs\\Queue_Sweep_Job::HOOK );
	` );

	const root = await findTicket( page, 'Open', String( stamp ) );
	await expect( root.locator( 'tbody tr' ) ).toHaveCount( 1 );
	await expect( root.locator( 'tbody' ) ).toContainText( 'admin' );
} );

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

/**
 * The messages the SMTP server received so far, as text.
 * @param dir Its folder.
 */
function mailbox( dir: string ): string[] {
	return fs
		.readdirSync( dir )
		.filter( ( f ) => f.endsWith( '.eml' ) )
		.map( ( f ) => fs.readFileSync( path.join( dir, f ), 'utf8' ) );
}

test( 'a visitor gets the confirmation of their ticket, then the agent’s reply, by email', async ( {
	page,
} ) => {
	hours( false );
	const stamp = Date.now();
	const email = `mail.${ stamp }@example.org`;
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'handoff-bot-smtp-' ) );
	const port = 20000 + Math.floor( Math.random() * 20000 );
	const sink = spawn(
		'php',
		[
			path.resolve( 'tests/php/servers/smtp-sink.php' ),
			String( port ),
			dir,
		],
		{ stdio: 'ignore' }
	);
	// The site sends its mail to that server, from an address of a real domain (as an SMTP
	// plugin would set up; this site's own host, localhost, makes no valid sender).
	sitePhp( `
		wp_mkdir_p( WPMU_PLUGIN_DIR );
		file_put_contents( WPMU_PLUGIN_DIR . '/handoff-bot-e2e-mail.php', '<?php add_action( "phpmailer_init", function ( $m ) { $m->isSMTP(); $m->Host = "127.0.0.1"; $m->Port = ${ port }; $m->SMTPAuth = false; $m->SMTPAutoTLS = false; } ); add_filter( "wp_mail_from", function () { return "support@example.com"; } );' );
	` );
	try {
		await listening( port );
		await page.goto( '/help/' );
		await askForAPerson(
			page,
			`My refund for order ${ stamp } never came`
		);
		const form = page.getByRole( 'form', { name: 'Leave your details' } );
		await form.getByLabel( 'Your name' ).fill( 'Mia Mail' );
		await form.getByLabel( 'Email address' ).fill( email );
		await form.getByRole( 'button', { name: 'Send', exact: true } ).click();
		const confirmation = page
			.getByText( /Your request HB-\d{5} is with our team/ )
			.last();
		await expect( confirmation ).toBeVisible();
		const reference = ( ( await confirmation.textContent() ) ?? '' ).match(
			/HB-\d{5}/
		)?.[ 0 ] as string;

		// The background job (WP-Cron here) sends the confirmation.
		const runJobs = ( hook: string ) =>
			sitePhp( `
				foreach ( (array) _get_cron_array() as $hooks ) {
					foreach ( (array) ( $hooks['${ hook }'] ?? array() ) as $event ) {
						do_action_ref_array( '${ hook }', $event['args'] );
					}
				}
			` );
		runJobs( 'handoff_bot_ticket_confirmation' );
		await expect
			.poll( () =>
				mailbox( dir ).filter(
					( m ) => m.includes( email ) && m.includes( reference )
				)
			)
			.toHaveLength( 1 );

		// The agent replies from the ticket; the reply goes out by email too.
		await logIn( page );
		await page.goto( TICKETS );
		const root = page.locator( '#handoff-bot-tickets-root' );
		await root
			.getByRole( 'searchbox', {
				name: 'Search tickets by reference, name, email or words',
			} )
			.fill( reference );
		await root
			.getByRole( 'button', {
				name: `Open ${ reference } from Mia Mail`,
			} )
			.click();
		const panel = root.getByRole( 'article', {
			name: `${ reference } from Mia Mail`,
		} );
		await panel
			.getByLabel( 'Reply by email' )
			.fill( `Your refund ${ stamp } is on its way.` );
		await panel.getByRole( 'button', { name: 'Send reply' } ).click();
		await expect(
			panel.locator( '[data-role="agent"]' ).last()
		).toContainText( `Your refund ${ stamp } is on its way.` );
		runJobs( 'handoff_bot_ticket_reply' );
		await expect
			.poll( () =>
				mailbox( dir ).filter(
					( m ) =>
						m.includes( email ) &&
						m.includes( `Your refund ${ stamp } is on its way.` )
				)
			)
			.toHaveLength( 1 );
	} finally {
		sink.kill();
		sitePhp(
			"wp_delete_file( WPMU_PLUGIN_DIR . '/handoff-bot-e2e-mail.php' );"
		);
	}
} );
