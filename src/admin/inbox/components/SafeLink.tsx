/**
 * A link that opens in a new tab when the address is a web address, else the text alone.
 */
import { ExternalLink } from '@wordpress/components';

import { safeUrl } from '../links';

type Props = { url: string; children?: string };

export default function SafeLink( { url, children }: Props ) {
	const href = safeUrl( url );
	const text = children || url;
	if ( ! href ) {
		return <span>{ text }</span>;
	}
	return <ExternalLink href={ href }>{ text }</ExternalLink>;
}
