<?php
/**
 * Tests that an accept takes the handoff only as it was checked.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Handoff;

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Inbox_Refusal;
use HandoffBot\Handoff\Inbox_Service;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * The inbox checks that an agent may take a handoff (its team, or a transfer to them), then
 * accepts it: a transfer that lands between the two makes the accept refused as changed (409),
 * and the handoff keeps waiting for the agent it was sent to.
 */
final class Accept_Checked_Test extends Test_Case {

	/**
	 * A transfer between the check and the accept wins over the accept.
	 */
	public function test_an_accept_after_a_transfer_the_check_did_not_see_is_refused(): void {
		$first              = $this->staff_the_site();
		$second             = $this->create_user( Capabilities::ROLE );
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$handoffs = new Handoff_Repository();
		$checked  = $handoffs->open_for( $id );
		$this->assertNotNull( $checked );
		$inbox = new Inbox_Service( $handoffs, new Message_Repository(), new Event_Repository(), new Conversation_Repository() );

		// Meanwhile: another agent took it and transferred it to the second agent.
		$this->assertTrue( $handoffs->accept( $checked['id'], $first ) );
		$this->assertTrue( $handoffs->requeue( $checked['id'], $first, '', $second ) );

		$refused = $inbox->accept( $checked['id'], $first, $checked );
		$this->assertInstanceOf( Inbox_Refusal::class, $refused );
		$this->assertSame( 409, $refused->status );
		$this->assertSame( 'handoff_bot_handoff_changed', $refused->code );
		$this->assertSame( 'queued', $handoffs->find( $checked['id'] )['status'] );

		// The agent it was sent to, checking it afresh, takes it.
		$fresh = $handoffs->find( $checked['id'] );
		$taken = $inbox->accept( $checked['id'], $second, $fresh );
		$this->assertIsArray( $taken );
		$this->assertSame( $second, $taken['agent_id'] );
	}
}
