/**
 * Runs a callback now and again every interval, one run at a time (a slow answer never piles up
 * requests). While the tab is hidden it waits `hiddenIntervalMs` instead (0 pauses), and it runs at
 * once when the tab shows again. A change of `key` starts over with a run.
 */
import { useCallback, useEffect, useRef } from '@wordpress/element';

type Options = {
	enabled?: boolean;
	immediate?: boolean;
	hiddenIntervalMs?: number;
	key?: unknown;
};

function isHidden(): boolean {
	return (
		typeof document !== 'undefined' && document.visibilityState === 'hidden'
	);
}

/**
 * @param callback                 What to run; its errors are its own to show.
 * @param intervalMs               Milliseconds between runs while the tab shows.
 * @param options                  How to poll.
 * @param options.enabled          Whether to poll at all.
 * @param options.immediate        Whether to run at once, or first wait an interval.
 * @param options.hiddenIntervalMs Milliseconds between runs while the tab is hidden; 0 pauses.
 * @param options.key              A change starts over with a run.
 * @return A function that runs the callback now (and restarts the wait).
 */
export function usePolling(
	callback: () => unknown,
	intervalMs: number,
	{
		enabled = true,
		immediate = true,
		hiddenIntervalMs = 0,
		key,
	}: Options = {}
): () => void {
	const callbackRef = useRef( callback );
	const nowRef = useRef< () => void >( () => {} );

	useEffect( () => {
		callbackRef.current = callback;
	} );

	useEffect( () => {
		if ( ! enabled ) {
			nowRef.current = () => {};
			return;
		}
		let timer: ReturnType< typeof setTimeout > | undefined;
		let stopped = false;
		let running = false;
		let again = false;

		const schedule = () => {
			clearTimeout( timer );
			const wait = isHidden() ? hiddenIntervalMs : intervalMs;
			if ( ! stopped && wait > 0 ) {
				timer = setTimeout( run, wait );
			}
		};
		async function run() {
			if ( running ) {
				// Asked while a run is on its way: run once more right after it.
				again = true;
				return;
			}
			running = true;
			clearTimeout( timer );
			try {
				await callbackRef.current();
			} catch {
				// The callback shows its own errors; the next run tries again.
			} finally {
				running = false;
				if ( again && ! stopped ) {
					again = false;
					run();
				} else {
					schedule();
				}
			}
		}
		const onVisibility = () => {
			if ( isHidden() ) {
				schedule();
			} else {
				run();
			}
		};

		nowRef.current = run;
		document.addEventListener( 'visibilitychange', onVisibility );
		if ( immediate ) {
			run();
		} else {
			schedule();
		}
		return () => {
			stopped = true;
			clearTimeout( timer );
			document.removeEventListener( 'visibilitychange', onVisibility );
		};
	}, [ enabled, immediate, intervalMs, hiddenIntervalMs, key ] );

	return useCallback( () => nowRef.current(), [] );
}
