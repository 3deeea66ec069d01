/**
 * One client pattern for every worker (score, backtest, parse): request ids, stale replies
 * dropped, a start-up check and a timeout, and failures as data — never a spinner without an end.
 *
 * - `send(make)` gives the next id to `make` and posts the request; replies carry the id back.
 * - `forget(id)` marks a request as superseded: its replies are dropped when they arrive.
 * - Start-up check: a worker that fails to load (its file 404s after a redeploy, or the browser
 *   blocks it) fires `error` before its first message, or `new Worker` throws; a worker that
 *   answers nothing within `startupMs` of its first request counts as not started.
 * - Timeout: while a request waits for its final reply, a worker silent for `timeoutMs` (no
 *   reply, no progress) counts as stopped.
 * - Any of these ends the worker and calls `onFailure` once with a message for people; the next
 *   `send` starts a fresh worker. `restart()` does the same on purpose (Cancel).
 *
 * `LatestLane` adds "newest wins" for requests a user can fire faster than the worker answers
 * (slider drags, typed settings): one in flight, only the newest waits.
 */

/** What a client needs of a worker: a module `Worker`, or an in-process fake in tests. */
export interface WorkerLike<Req, Rep> {
	postMessage(message: Req, transfer?: Transferable[]): void;
	onmessage: ((event: MessageEvent<Rep>) => void) | null;
	onerror?: ((event: Event) => void) | null;
	terminate(): void;
}

export type WorkerFailureKind = 'updated' | 'blocked' | 'crashed' | 'timeout';

/** A worker that could not serve: why, and what to tell the user. */
export interface WorkerFailure {
	kind: WorkerFailureKind;
	message: string;
}

/** In English (logs, thrown errors); the UI says them from the kind (`workerFailureText`). */
export const FAILURE_MESSAGES: Record<WorkerFailureKind, string> = {
	updated: 'The app was updated — reload to continue.',
	blocked: 'This browser blocked a background task — reload to try again.',
	crashed: 'A background task stopped unexpectedly — reload to continue.',
	timeout: 'A background task stopped responding — reload to continue.'
};

export function workerFailure(kind: WorkerFailureKind): WorkerFailure {
	return { kind, message: FAILURE_MESSAGES[kind] };
}

export interface WorkerClientOptions<Req, Rep extends { id: number }> {
	create: () => WorkerLike<Req, Rep>;
	/** Every reply to a request that is not forgotten (progress included). */
	onReply: (reply: Rep) => void;
	onFailure: (failure: WorkerFailure) => void;
	/** Whether a reply ends its request (progress replies do not). Default: every reply. */
	isFinal?: (reply: Rep) => boolean;
	/**
	 * Tells "the app was updated" from "the browser refused it" after a load error. Default:
	 * {@link diagnoseLoadFailure}.
	 */
	diagnose?: () => Promise<WorkerFailureKind>;
	/** First reply expected within this time after the first request, ms. */
	startupMs?: number;
	/** Longest silence while a request waits, ms. */
	timeoutMs?: number;
}

export const DEFAULT_STARTUP_MS = 20_000;
export const DEFAULT_TIMEOUT_MS = 180_000;

/**
 * Why a worker file did not load: 'updated' when the page on the server no longer loads this
 * page's script (a redeploy replaced the hashed files, so the old worker file is gone), else
 * 'blocked'. Same-origin fetch of the page itself (CSP `connect-src 'self'`).
 */
export async function diagnoseLoadFailure(): Promise<WorkerFailureKind> {
	if (typeof document === 'undefined' || typeof fetch !== 'function') return 'blocked';
	const entry = document.querySelector('script[type="module"][src]')?.getAttribute('src');
	if (!entry) return 'blocked';
	try {
		const r = await fetch(location.href.split('#')[0]!, { cache: 'no-store' });
		if (!r.ok) return 'updated';
		return (await r.text()).includes(entry) ? 'blocked' : 'updated';
	} catch {
		return 'blocked';
	}
}

export class WorkerClient<Req, Rep extends { id: number }> {
	#o: WorkerClientOptions<Req, Rep>;
	#worker: WorkerLike<Req, Rep> | null = null;
	#nextId = 1;
	/** Requests waiting for their final reply. */
	#open = new Set<number>();
	/** Requests whose replies are dropped. */
	#forgotten = new Set<number>();
	#started = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Bumped on every new worker: late events of an ended one are ignored. */
	#generation = 0;

	constructor(options: WorkerClientOptions<Req, Rep>) {
		this.#o = options;
	}

	/** Whether requests are waiting for their final reply. */
	get busy(): boolean {
		return this.#open.size > 0;
	}

	/** Post the request `make(id)` builds; returns its id (0 when no worker could be started). */
	send(make: (id: number) => Req, transfer?: Transferable[]): number {
		const id = this.#nextId++;
		const worker = this.#ensure();
		if (!worker) return 0;
		this.#open.add(id);
		try {
			worker.postMessage(make(id), transfer);
		} catch (e) {
			this.#open.delete(id);
			throw e;
		}
		this.#arm();
		return id;
	}

	/** Post a message that expects no reply (release, cancel notes). */
	notify(message: Req): void {
		this.#worker?.postMessage(message);
	}

	/** Drop the replies of request `id` (superseded). */
	forget(id: number): void {
		if (!id) return;
		this.#open.delete(id);
		this.#forgotten.add(id);
		if (!this.#open.size) clearTimeout(this.#timer);
	}

	/** End the worker now (Cancel); the next `send` starts a fresh one. No failure is reported. */
	restart(): void {
		for (const id of this.#open) this.#forgotten.add(id);
		this.#open.clear();
		this.#end();
	}

	dispose(): void {
		this.restart();
	}

	#ensure(): WorkerLike<Req, Rep> | null {
		if (this.#worker) return this.#worker;
		let w: WorkerLike<Req, Rep>;
		try {
			w = this.#o.create();
		} catch {
			// CSP or a browser setting refused the worker outright.
			this.#fail('blocked');
			return null;
		}
		const gen = ++this.#generation;
		this.#started = false;
		w.onmessage = (e) => {
			if (gen === this.#generation) this.#receive(e.data);
		};
		w.onerror = (e) => {
			if (gen !== this.#generation) return;
			e.preventDefault?.();
			if (this.#started) this.#fail('crashed');
			else void this.#diagnose().then((kind) => gen === this.#generation && this.#fail(kind));
		};
		this.#worker = w;
		return w;
	}

	#diagnose(): Promise<WorkerFailureKind> {
		return (this.#o.diagnose ?? diagnoseLoadFailure)();
	}

	#receive(reply: Rep): void {
		this.#started = true;
		if (this.#forgotten.has(reply.id)) {
			if (this.#o.isFinal?.(reply) ?? true) this.#forgotten.delete(reply.id);
			this.#arm();
			return;
		}
		if (this.#o.isFinal?.(reply) ?? true) this.#open.delete(reply.id);
		this.#arm();
		this.#o.onReply(reply);
	}

	/** (Re)start the silence timer while requests wait; stop it when none do. */
	#arm(): void {
		clearTimeout(this.#timer);
		if (!this.#open.size || !this.#worker) return;
		const gen = this.#generation;
		const ms = this.#started
			? (this.#o.timeoutMs ?? DEFAULT_TIMEOUT_MS)
			: (this.#o.startupMs ?? DEFAULT_STARTUP_MS);
		this.#timer = setTimeout(() => {
			if (gen === this.#generation) this.#fail(this.#started ? 'timeout' : 'blocked');
		}, ms);
	}

	#end(): void {
		clearTimeout(this.#timer);
		this.#generation++;
		this.#worker?.terminate();
		this.#worker = null;
		this.#started = false;
	}

	#fail(kind: WorkerFailureKind): void {
		for (const id of this.#open) this.#forgotten.add(id);
		this.#open.clear();
		this.#end();
		this.#o.onFailure(workerFailure(kind));
	}
}

/** One request in flight; while it runs only the newest next one waits (older ones are skipped). */
export class LatestLane<T> {
	#start: (value: T) => void;
	#busy = false;
	#queued: { value: T } | null = null;

	constructor(start: (value: T) => void) {
		this.#start = start;
	}

	get busy(): boolean {
		return this.#busy;
	}

	/** Start `value` now, or after the running one (replacing any value already waiting). */
	push(value: T): void {
		if (this.#busy) {
			this.#queued = { value };
			return;
		}
		this.#busy = true;
		this.#start(value);
	}

	/** Whether a newer value waits (the running one is already out of date). */
	get hasQueued(): boolean {
		return this.#queued !== null;
	}

	/** The running request ended: start the waiting value, if any. */
	done(): void {
		const next = this.#queued;
		this.#queued = null;
		if (next) this.#start(next.value);
		else this.#busy = false;
	}

	/** Forget the running and the waiting value (new data, a failed worker). */
	reset(): void {
		this.#queued = null;
		this.#busy = false;
	}
}
