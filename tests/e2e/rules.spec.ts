/**
 * The Rules screen against the real rules routes: an intent edited and saved with a change note
 * after seeing which saved simulations would change, the new version in the history and a
 * rollback; the live tester's decision and rule, for saved and unsaved rules; a refused value at
 * its field; and an accessibility scan of every tab.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { logIn } from './helpers';

const SCREEN = '/wp-admin/admin.php?page=handoff-bot-rules';

const WARRANTY = 'My warranty claim for the broken kettle was ignored';

type Intent = {
	name: string;
	label: string;
	policy: string;
	team: string;
	keywords: string[];
	phrases: string[];
	examples: string[];
};
type Policy = {
	intents: Intent[];
	human_phrases: Record< string, string[] >;
	thresholds: Record< string, number >;
	messages: Record< string, string >;
};
type Rules = { version: number; policy: Policy };
type Decision = { kind: string; reason: string; rule: string };

/**
 * A REST request as the signed-in admin, through the screen's own apiFetch (which carries the
 * nonce).
 * @param page           A page of the Rules screen.
 * @param options        apiFetch options.
 * @param options.path
 * @param options.method
 * @param options.data
 */
function rest< T >(
	page: Page,
	options: { path: string; method?: string; data?: unknown }
): Promise< T > {
	return page.evaluate(
		( o ) =>
			(
				window as unknown as {
					wp: { apiFetch: ( x: typeof o ) => Promise< unknown > };
				}
			 ).wp.apiFetch( o ),
		{ ...options, path: `/handoff-bot/v1${ options.path }` }
	) as Promise< T >;
}

async function openScreen( page: Page ): Promise< Locator > {
	await page.goto( SCREEN );
	const root = page.locator( '#handoff-bot-rules-root' );
	await expect(
		root.getByRole( 'heading', { name: 'Intents' } )
	).toBeVisible();
	return root;
}

/**
 * Makes sure the rules have a "Warranty claims" intent the bot answers, and a saved simulation
 * of a warranty question that expects what those rules decide. Returns the active version.
 * @param page A page of the Rules screen.
 */
async function seedWarranty( page: Page ): Promise< number > {
	const rules = await rest< Rules >( page, { path: '/rules' } );
	const warranty: Intent = {
		name: 'warranty_claims',
		label: 'Warranty claims',
		policy: 'bot',
		team: '',
		keywords: [ 'warranty', 'guarantee' ],
		phrases: [ 'warranty claim', 'under warranty' ],
		examples: [
			WARRANTY,
			'Is my kettle still under warranty?',
			'How do I make a warranty claim?',
			'The guarantee should cover this repair',
		],
	};
	const others = rules.policy.intents.filter(
		( i ) => i.name !== warranty.name
	);
	const current = rules.policy.intents.find(
		( i ) => i.name === warranty.name
	);
	let version = rules.version;
	if ( JSON.stringify( current ) !== JSON.stringify( warranty ) ) {
		version = (
			await rest< Rules >( page, {
				path: '/rules',
				method: 'PUT',
				data: {
					policy: {
						...rules.policy,
						intents: [ ...others, warranty ],
					},
					note: 'Warranty claims, answered by the bot',
					expected_impact: 'Warranty questions are recognised',
					base_version: rules.version,
				},
			} )
		).version;
	}

	const simulations = await rest< Array< { id: number; name: string } > >(
		page,
		{ path: '/rules/simulations' }
	);
	for ( const simulation of simulations ) {
		if ( simulation.name === 'Warranty claim' ) {
			await rest( page, {
				path: `/rules/simulations/${ simulation.id }`,
				method: 'DELETE',
			} );
		}
	}
	const tested = await rest< { turns: Array< { decision: Decision } > } >(
		page,
		{ path: '/rules/test', method: 'POST', data: { turns: [ WARRANTY ] } }
	);
	const decision = tested.turns[ 0 ]?.decision;
	expect( decision?.kind ).not.toBe( 'handoff' );
	await rest( page, {
		path: '/rules/simulations',
		method: 'POST',
		data: {
			name: 'Warranty claim',
			turns: [ WARRANTY ],
			expected: [
				{ kind: decision?.kind, reason: decision?.reason ?? '' },
			],
		},
	} );
	return version;
}

async function scan( page: Page, selector = '#handoff-bot-rules-root' ) {
	return (
		await new AxeBuilder( { page } ).include( selector ).analyze()
	).violations.map(
		( v ) =>
			`${ v.id }: ${ v.help } (${ v.nodes
				.map( ( n ) => n.target.join( ' ' ) )
				.join( ', ' ) })`
	);
}

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'an administrator edits an intent with a change note, sees which saved simulations would change, saves, finds the new version in the history, and rolls back', async ( {
	page,
} ) => {
	await openScreen( page );
	const before = await seedWarranty( page );
	const root = await openScreen( page );

	await root
		.getByRole( 'button', { name: 'Edit “Warranty claims”' } )
		.click();
	const editor = root.getByRole( 'region', {
		name: 'Edit intent “Warranty claims”',
	} );
	await expect( editor.getByLabel( 'Name', { exact: true } ) ).toBeFocused();
	await editor.getByRole( 'radio', { name: 'Hand off to a person' } ).check();
	await editor.getByRole( 'button', { name: 'Done' } ).click();
	const row = root.getByRole( 'row', { name: /Warranty claims/ } );
	await expect( row ).toContainText( 'Hand off to a person' );
	await expect( root.getByText( 'You have unsaved edits.' ) ).toBeVisible();

	await root.getByRole( 'button', { name: 'Save the rules…' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'Save the rules' } );
	// The saved simulation would now be handed off by the business rule.
	const change = dialog.getByRole( 'row', { name: /Warranty claim/ } );
	await expect( change ).toContainText( WARRANTY );
	await expect( change.getByRole( 'cell' ).last() ).toHaveText(
		'Hand off (Business rule)'
	);
	expect( await scan( page, '.components-modal__frame' ) ).toEqual( [] );

	// The note and the expected impact are required.
	await dialog
		.getByRole( 'button', { name: 'Save, changing these decisions' } )
		.click();
	await expect(
		dialog.getByLabel( 'Change note (required)' )
	).toHaveAttribute( 'aria-invalid', 'true' );
	await dialog
		.getByLabel( 'Change note (required)' )
		.fill( 'Warranty claims go to a person' );
	await dialog
		.getByLabel( 'Expected impact (required)' )
		.fill( 'More handoffs about warranties, none left unanswered' );
	await dialog
		.getByRole( 'button', { name: 'Save, changing these decisions' } )
		.click();
	await expect( dialog ).toBeHidden();
	await expect(
		root.getByText( `The rules were saved as version ${ before + 1 }.` )
	).toBeVisible();
	await expect( root.getByText( 'You have unsaved edits.' ) ).toBeHidden();

	// The history lists the new version, active, with its note and impact.
	await root.getByRole( 'tab', { name: 'History' } ).click();
	const versions = root.getByRole( 'table', {
		name: 'Versions of the rules',
	} );
	const newest = versions.getByRole( 'row' ).nth( 1 );
	await expect( newest ).toContainText( `${ before + 1 } Active` );
	await expect( newest ).toContainText( 'Warranty claims go to a person' );
	await expect( newest ).toContainText(
		'More handoffs about warranties, none left unanswered'
	);
	await expect( newest ).toContainText( 'admin' );

	// The difference between the two versions, in words.
	await root.getByLabel( 'From version' ).selectOption( String( before ) );
	await root.getByLabel( 'To version' ).selectOption( String( before + 1 ) );
	await root.getByRole( 'button', { name: 'Show the differences' } ).click();
	const diff = root.locator( '.handoff-bot-rules__diff' );
	await expect( diff ).toContainText( 'Intents changed' );
	await expect( diff ).toContainText( 'Warranty claims (warranty_claims)' );
	await expect( diff ).toContainText(
		'Policy: The bot answers → Hand off to a person'
	);

	// Rolling back asks for a note and makes a new version.
	await root
		.getByRole( 'button', { name: `Roll back to version ${ before }` } )
		.click();
	const rollback = page.getByRole( 'dialog', {
		name: `Roll back to version ${ before }`,
	} );
	await rollback
		.getByLabel( 'Change note (required)' )
		.fill( 'The warranty team is not staffed yet' );
	await rollback.getByRole( 'button', { name: 'Roll back' } ).click();
	await expect( rollback ).toBeHidden();
	await expect(
		root.getByText(
			`Rolled back: the rules are now version ${ before + 2 }.`
		)
	).toBeVisible();
	const rolled = versions.getByRole( 'row' ).nth( 1 );
	await expect( rolled ).toContainText( `${ before + 2 } Active` );
	await expect( rolled ).toContainText(
		'The warranty team is not staffed yet'
	);
	await expect( versions.getByRole( 'row' ).nth( 2 ) ).not.toContainText(
		'Active'
	);

	await root.getByRole( 'tab', { name: 'Policy' } ).click();
	await expect(
		root.getByRole( 'row', { name: /Warranty claims/ } )
	).toContainText( 'The bot answers' );
	const stored = await rest< Rules >( page, { path: '/rules' } );
	expect( stored.version ).toBe( before + 2 );
	expect(
		stored.policy.intents.find( ( i ) => i.name === 'warranty_claims' )
			?.policy
	).toBe( 'bot' );
} );

test( 'the live tester shows each turn’s decision, reason and rule, for the saved rules and for unsaved edits', async ( {
	page,
} ) => {
	await openScreen( page );
	await seedWarranty( page );
	const root = await openScreen( page );

	await root.getByRole( 'tab', { name: 'Live tester' } ).click();
	await root
		.getByLabel( 'Turn 1: the visitor writes' )
		.fill( 'I want to talk to a real person' );
	await root.getByRole( 'button', { name: 'Run the conversation' } ).click();
	let turn = root.getByRole( 'region', { name: 'Turn 1' } );
	await expect( turn ).toBeVisible();
	const facts = turn.locator( 'dl' );
	await expect( facts ).toContainText( 'DecisionHand off' );
	await expect( facts ).toContainText( 'user_requested' );
	await expect( facts ).toContainText( 'human_request' );
	await expect(
		turn.getByRole( 'row', { name: /Asks for a person/ } )
	).toContainText( 'Yes' );
	// Every signal has a row.
	await expect( turn.locator( 'tbody tr' ) ).not.toHaveCount( 0 );
	expect( await scan( page ) ).toEqual( [] );

	// An unsaved edit is what the tester runs.
	await root.getByRole( 'tab', { name: 'Policy' } ).click();
	await root
		.getByRole( 'button', { name: 'Edit “Warranty claims”' } )
		.click();
	await root.getByRole( 'radio', { name: 'Hand off to a person' } ).check();
	await root.getByRole( 'tab', { name: 'Live tester' } ).click();
	await root.getByLabel( 'Turn 1: the visitor writes' ).fill( WARRANTY );
	await root.getByRole( 'button', { name: 'Run the conversation' } ).click();
	turn = root.getByRole( 'region', { name: 'Turn 1' } );
	await expect( turn.locator( 'dl' ) ).toContainText(
		'RuleThe intent’s policy intent_policy'
	);
	await expect( turn.locator( 'dl' ) ).toContainText( 'business_rule' );
	await expect( turn.locator( 'dl' ) ).toContainText( 'warranty_claims' );

	// The tester stored nothing: the saved rules still let the bot answer.
	const stored = await rest< Rules >( page, { path: '/rules' } );
	expect(
		stored.policy.intents.find( ( i ) => i.name === 'warranty_claims' )
			?.policy
	).toBe( 'bot' );
} );

test( 'a threshold the server refuses shows its error at the field, and the edits stay', async ( {
	page,
} ) => {
	const root = await openScreen( page );
	const before = await rest< Rules >( page, { path: '/rules' } );
	const field = root.getByRole( 'spinbutton', {
		name: 'Intent recognition',
	} );
	await field.fill( '2' );
	await root.getByRole( 'button', { name: 'Save the rules…' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'Save the rules' } );
	// The simulations check, run as the dialog opens, may already refuse the policy (closing the
	// dialog); if it does not, the save does. Wait until the check has settled either way.
	const refused = root.getByText(
		'The rules were not saved. Correct the fields marked below and save again; your edits are kept.'
	);
	const note = dialog.getByLabel( 'Change note (required)' );
	await expect(
		refused.or( dialog.locator( 'section[aria-busy="false"]' ) )
	).toBeVisible();
	if ( await dialog.isVisible() ) {
		await note.fill( 'Stricter' );
		await dialog
			.getByLabel( 'Expected impact (required)' )
			.fill( 'Fewer intents recognised' );
		await dialog.getByRole( 'button', { name: /^Save/ } ).click();
	}
	await expect( refused ).toBeVisible();
	await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( field ).toBeFocused();
	await expect( field ).toHaveValue( '2' );
	await expect( root.getByText( 'You have unsaved edits.' ) ).toBeVisible();
	expect( ( await rest< Rules >( page, { path: '/rules' } ) ).version ).toBe(
		before.version
	);
	expect( await scan( page ) ).toEqual( [] );
} );

test( 'every tab of the Rules screen passes an accessibility scan', async ( {
	page,
} ) => {
	await openScreen( page );
	await seedWarranty( page );
	const root = await openScreen( page );
	await page.setViewportSize( { width: 1280, height: 900 } );

	expect( await scan( page ) ).toEqual( [] );
	await root
		.getByRole( 'button', { name: 'Edit “Warranty claims”' } )
		.click();
	expect( await scan( page ) ).toEqual( [] );
	await page.screenshot( {
		path: test.info().outputPath( 'rules-policy.png' ),
		fullPage: true,
	} );

	await root.getByRole( 'tab', { name: 'Live tester' } ).click();
	await root.getByLabel( 'Turn 1: the visitor writes' ).fill( WARRANTY );
	await root.getByRole( 'button', { name: 'Add a turn' } ).click();
	await root
		.getByLabel( 'Turn 2: the visitor writes' )
		.fill( 'this did not help at all' );
	await root
		.getByRole( 'checkbox', {
			name: 'The visitor also pressed “Talk to a person”',
		} )
		.nth( 1 )
		.check();
	await root.getByRole( 'button', { name: 'Run the conversation' } ).click();
	await expect(
		root.getByRole( 'region', { name: 'Turn 2' } )
	).toBeVisible();
	expect( await scan( page ) ).toEqual( [] );
	await page.screenshot( {
		path: test.info().outputPath( 'rules-tester.png' ),
		fullPage: true,
	} );

	await root.getByRole( 'tab', { name: 'Simulations' } ).click();
	await expect(
		root.getByRole( 'row', { name: /Warranty claim/ } )
	).toBeVisible();
	expect( await scan( page ) ).toEqual( [] );

	await root.getByRole( 'tab', { name: 'History' } ).click();
	await expect(
		root.getByRole( 'table', { name: 'Versions of the rules' } )
	).toBeVisible();
	expect( await scan( page ) ).toEqual( [] );

	// A laptop's width: nothing runs off the side.
	await page.setViewportSize( { width: 1024, height: 768 } );
	await root.getByRole( 'tab', { name: 'Policy' } ).click();
	expect(
		await page.evaluate(
			() =>
				document.documentElement.scrollWidth <=
				document.documentElement.clientWidth
		)
	).toBe( true );
} );
