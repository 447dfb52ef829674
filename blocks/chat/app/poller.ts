/**
 * Reads new messages on the cheap read path while a handoff to a person is open: every 3 s while
 * the tab is visible, every 15 s while it is hidden (and after a failed read), and not at all after
 * 10 minutes without anything new — except while the visitor waits in the queue, when it goes on
 * every 15 s (the reads are how the site knows they are still there). Typing, sending or coming
 * back to the tab starts it again.
 * Pure: the clock, the page's visibility and the read are injected.
 */
import type { Clock } from './outbox';

/** The part of `document` the poller watches. */
export type Visibility = {
	readonly hidden: boolean;
	addEventListener: (
		type: 'visibilitychange',
		listener: () => void
	) => void;
};

/** What one read found. */
export type PollResult = {
	/** Whether a handoff is still open (keep reading). */
	active: boolean;
	/** Whether new messages came. */
	fresh: boolean;
	/** The read failed (it is tried again, more slowly). */
	failed?: boolean;
	/** The visitor waits for a person (reads never stop while they do). */
	waiting?: boolean;
};

export type PollerOptions = {
	clock: Clock;
	visibility: Visibility;
	poll: () => Promise< PollResult >;
	interval?: number;
	hiddenInterval?: number;
	idleAfter?: number;
};

export const POLL_INTERVAL = 3000;
export const HIDDEN_POLL_INTERVAL = 15000;
export const IDLE_AFTER = 10 * 60 * 1000;

/**
 * @param options The dependencies.
 */
export function createPoller( options: PollerOptions ) {
	const { clock, visibility, poll } = options;
	const interval = options.interval ?? POLL_INTERVAL;
	const hiddenInterval = options.hiddenInterval ?? HIDDEN_POLL_INTERVAL;
	const idleAfter = options.idleAfter ?? IDLE_AFTER;

	let wanted = false;
	let dead = false;
	let running = false;
	let timer: unknown = null;
	let last = 0;
	/** Whether the last read found the visitor waiting for a person. */
	let waiting = false;
	/** Counts watch() calls, so a read that began before one does not stop the polling it asked for. */
	let asked = 0;

	function cancel(): void {
		if ( timer !== null ) {
			clock.clearTimeout( timer );
			timer = null;
		}
	}

	function schedule( ms: number ): void {
		cancel();
		timer = clock.setTimeout( () => void tick(), ms );
	}

	async function tick(): Promise< void > {
		timer = null;
		if ( ! wanted || dead || running ) {
			return;
		}
		const idle = clock.now() - last >= idleAfter;
		if ( idle && ! waiting ) {
			// Idle: nothing more until the visitor does something.
			return;
		}
		const seen = asked;
		running = true;
		let result: PollResult;
		try {
			result = await poll();
		} catch {
			result = { active: true, fresh: false, failed: true };
		} finally {
			running = false;
		}
		if ( result.fresh ) {
			last = clock.now();
		}
		waiting = !! result.waiting;
		if ( ! result.active && asked === seen ) {
			wanted = false;
		}
		if ( wanted && ! dead && timer === null ) {
			schedule(
				result.failed || visibility.hidden || idle
					? hiddenInterval
					: interval
			);
		}
	}

	/**
	 * Starts again right away if polling is wanted and not already under way.
	 */
	function resume(): void {
		last = clock.now();
		if ( wanted && ! dead && ! running ) {
			schedule( 0 );
		}
	}

	visibility.addEventListener( 'visibilitychange', () => {
		if ( ! visibility.hidden ) {
			resume();
		}
	} );

	return {
		/**
		 * A handoff is open, or news is awaited: keep reading.
		 * @param now Read at once rather than after the interval.
		 */
		watch( now = false ): void {
			if ( dead ) {
				return;
			}
			wanted = true;
			asked++;
			last = clock.now();
			if ( now ) {
				resume();
			} else if ( timer === null && ! running ) {
				schedule( visibility.hidden ? hiddenInterval : interval );
			}
		},
		/** The visitor did something: the idle time starts over, and polling resumes if it stopped. */
		activity(): void {
			if ( timer === null ) {
				resume();
			} else {
				last = clock.now();
			}
		},
		/** No handoff is open any more. */
		stop(): void {
			wanted = false;
			cancel();
		},
		/** For good (unmount, tests). */
		dispose(): void {
			dead = true;
			wanted = false;
			cancel();
		},
	};
}

export type Poller = ReturnType< typeof createPoller >;
