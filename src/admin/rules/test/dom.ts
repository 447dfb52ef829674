/**
 * The shared DOM steps, rendering into the Rules screen's root.
 */
import { mountAt } from '../../../shared/test/dom';

export * from '../../../shared/test/dom';

export function mount( element: JSX.Element ): HTMLDivElement {
	return mountAt( element, 'handoff-bot-rules-root' );
}
