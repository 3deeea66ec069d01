/**
 * App-wide note of a background task (worker) that could not serve: the app was updated, the
 * browser blocked it, it crashed or stopped responding. The status banner shows it with a Reload
 * button; each state also ends its own "working…" display, so no spinner runs without an end.
 */
import type { WorkerFailure } from '$lib/workers/client';

class WorkerTrouble {
	/** The newest failure, or null. */
	failure = $state.raw<WorkerFailure | null>(null);

	report(failure: WorkerFailure): void {
		this.failure = failure;
	}

	clear(): void {
		this.failure = null;
	}
}

export const workerTrouble = new WorkerTrouble();
