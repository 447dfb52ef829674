/**
 * Mounts the Handoff Bot → Connections screen.
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';

import App from './App';
import './screen.scss';

domReady( () => {
	const root = document.getElementById( 'handoff-bot-connections-root' );
	if ( root ) {
		createRoot( root ).render( <App /> );
	}
} );
