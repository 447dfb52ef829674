/**
 * Mounts the Tickets screen.
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';

import App from './App';
import { readSettings } from './settings';
import './screen.scss';

domReady( () => {
	const root = document.getElementById( 'handoff-bot-tickets-root' );
	if ( root ) {
		createRoot( root ).render( <App settings={ readSettings() } /> );
	}
} );
