/**
 * The list of pages a bot answer comes from, as links (http and https only).
 */
import type { Citation } from '../../types';
import { h, safeHref } from '../dom';

/**
 * @param list    The citations, best first.
 * @param heading The list's heading ("Sources").
 * @param id      A unique id for the heading.
 */
export function citations(
	list: Citation[],
	heading: string,
	id: string
): HTMLElement {
	const box = h( 'div', 'sources' );
	const label = h( 'p', 'sources-label', heading );
	label.id = id;
	const ul = h( 'ul', 'sources-list' );
	ul.setAttribute( 'aria-labelledby', label.id );
	for ( const citation of list ) {
		const li = h( 'li', '' );
		const title = String( citation.title || citation.url || '' );
		const section = String( citation.heading || '' );
		const href = safeHref( String( citation.url || '' ) );
		const target = href ? h( 'a', 'source' ) : h( 'span', 'source' );
		if ( href ) {
			( target as HTMLAnchorElement ).href = href;
		}
		target.append( h( 'span', 'source-title', title ) );
		if ( section && section !== title ) {
			target.append( h( 'span', 'source-heading', ` — ${ section }` ) );
		}
		li.append( target );
		ul.append( li );
	}
	box.append( label, ul );
	return box;
}
