/**
 * The floating launcher opens and closes the chat panel.
 */
function renderFloatingBlock(): void {
	document.body.innerHTML = `
		<div class="wp-block-handoff-bot-chat is-display-floating">
			<button type="button" class="handoff-bot-chat__launcher" aria-expanded="false" aria-controls="p">Chat with us</button>
			<section id="p" class="handoff-bot-chat__panel" hidden></section>
		</div>`;
}

async function loadView(): Promise< void > {
	await jest.isolateModulesAsync( async () => {
		await import( '../view' );
	} );
}

describe( 'chat block view', () => {
	it( 'opens the panel when the launcher is clicked and closes it on a second click', async () => {
		renderFloatingBlock();
		await loadView();
		const launcher = document.querySelector< HTMLButtonElement >(
			'.handoff-bot-chat__launcher'
		)!;
		const panel = document.querySelector< HTMLElement >(
			'.handoff-bot-chat__panel'
		)!;

		expect( panel.hidden ).toBe( true );
		launcher.click();
		expect( panel.hidden ).toBe( false );
		expect( launcher.getAttribute( 'aria-expanded' ) ).toBe( 'true' );
		launcher.click();
		expect( panel.hidden ).toBe( true );
		expect( launcher.getAttribute( 'aria-expanded' ) ).toBe( 'false' );
	} );

	it( 'leaves an inline block alone', async () => {
		document.body.innerHTML = `<div class="wp-block-handoff-bot-chat is-display-inline"><section class="handoff-bot-chat__panel"></section></div>`;
		await loadView();
		expect(
			document.querySelector< HTMLElement >( '.handoff-bot-chat__panel' )!
				.hidden
		).toBe( false );
	} );
} );
