/**
 * Visitor-facing behaviour of the chat block. A script module: no React, no classic wp-* scripts.
 *
 * This first slice only wires the floating launcher; the conversation client arrives with the
 * conversations feature and is loaded on demand.
 * @param root
 */
function wireLauncher( root: HTMLElement ): void {
	const launcher = root.querySelector< HTMLButtonElement >(
		'.handoff-bot-chat__launcher'
	);
	const panel = root.querySelector< HTMLElement >(
		'.handoff-bot-chat__panel'
	);
	if ( ! launcher || ! panel ) {
		return;
	}
	launcher.addEventListener( 'click', () => {
		const open = launcher.getAttribute( 'aria-expanded' ) !== 'true';
		launcher.setAttribute( 'aria-expanded', String( open ) );
		panel.hidden = ! open;
	} );
}

document
	.querySelectorAll< HTMLElement >( '.wp-block-handoff-bot-chat' )
	.forEach( wireLauncher );

export {};
