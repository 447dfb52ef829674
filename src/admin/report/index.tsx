/**
 * Mounts the Report screen.
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';

import App from './App';
import './screen.scss';

domReady( () => {
	const root = document.getElementById( 'handoff-bot-report-root' );
	if ( root ) {
		createRoot( root ).render( <App /> );
	}
} );
