/**
 * Page-side wrapper around the parse worker (on the shared WorkerClient): one request at a time
 * per kind. A new `parse` supersedes the previous one, whose promise then resolves
 * `{status:'cancelled'}`; replies to superseded requests are dropped. `cancel()` ends the worker
 * outright (a file it is stuck on cannot hold up the next one). A worker that cannot load, dies
 * or stops responding resolves every waiting request `{status:'error'}` with a message for people.
 */
import {
	unpackIds,
	type BuildOptions,
	type BuildResult,
	type ColumnMapping
} from '$lib/data/csv/build';
import type { Dialect } from '$lib/data/csv/dialect';
import type { EncodingCandidate, EncodingName } from '$lib/data/csv/encoding';
import type { ParseIssue, ParseProgress } from '$lib/data/csv/parse';
import {
	WorkerClient,
	type WorkerFailure,
	type WorkerFailureKind,
	type WorkerLike as ClientWorker
} from './client';
import type {
	ParsedFile,
	ParseRequestOptions,
	ParseWorkerReply,
	ParseWorkerRequest
} from './parse-protocol';

/** The part of `Worker` the client uses (a fake can stand in for tests). */
export type WorkerLike = ClientWorker<ParseWorkerRequest, ParseWorkerReply>;

export type ParseOutcome =
	| { status: 'ok'; parseId: number; file: ParsedFile }
	| {
			status: 'blocked';
			issues: ParseIssue[];
			encoding: EncodingName | null;
			dialect: Dialect | null;
	  }
	| {
			status: 'needs-encoding';
			candidates: EncodingCandidate[];
			guess: EncodingName;
			invalidAt: number;
	  }
	| { status: 'cancelled' }
	/** `failure`: the worker could not serve (the UI says it from the kind). */
	| { status: 'error'; message: string; failure?: WorkerFailureKind };

interface Pending {
	kind: 'parse' | 'build';
	resolve(value: ParseOutcome | BuildOutcome): void;
	onProgress?: (p: ParseProgress) => void;
}

export type BuildOutcome =
	| { status: 'built'; result: BuildResult }
	| { status: 'cancelled' }
	/** `failure`: the worker could not serve (the UI says it from the kind). */
	| { status: 'error'; message: string; failure?: WorkerFailureKind };

/** The real module worker (Vite bundles it as a same-origin file: CSP `worker-src 'self'`). */
export function createParseWorker(): WorkerLike {
	return new Worker(new URL('./parse.worker.ts', import.meta.url), {
		type: 'module',
		name: 'csv-parse'
	}) as unknown as WorkerLike;
}

export interface ParseClientOptions {
	/** Told when the worker cannot serve (besides the waiting requests' `error` outcome). */
	onFailure?: (failure: WorkerFailure) => void;
}

export class ParseClient {
	#client: WorkerClient<ParseWorkerRequest, ParseWorkerReply>;
	#pending = new Map<number, Pending>();
	#currentParse: number | null = null;
	#currentBuild: number | null = null;
	#failure: WorkerFailure | null = null;

	constructor(factory: () => WorkerLike = createParseWorker, options: ParseClientOptions = {}) {
		this.#client = new WorkerClient<ParseWorkerRequest, ParseWorkerReply>({
			create: factory,
			onReply: (msg) => this.#onReply(msg),
			onFailure: (f) => {
				this.#failure = f;
				this.#settleAll({ status: 'error', message: f.message, failure: f.kind });
				options.onFailure?.(f);
			},
			isFinal: (msg) => msg.type !== 'progress'
		});
	}

	#settleAll(outcome: ParseOutcome & BuildOutcome): void {
		for (const [, p] of this.#pending) p.resolve(outcome);
		this.#pending.clear();
		this.#currentParse = this.#currentBuild = null;
	}

	#onReply(msg: ParseWorkerReply): void {
		const p = this.#pending.get(msg.id);
		if (!p) return; // superseded or cancelled: drop
		if (msg.type === 'progress') {
			p.onProgress?.(msg.progress);
			return;
		}
		this.#pending.delete(msg.id);
		switch (msg.type) {
			case 'done':
				p.resolve({ status: 'ok', parseId: msg.id, file: msg.result });
				break;
			case 'issues':
				p.resolve({
					status: 'blocked',
					issues: msg.issues,
					encoding: msg.encoding,
					dialect: msg.dialect
				});
				break;
			case 'needs-encoding':
				p.resolve({
					status: 'needs-encoding',
					candidates: msg.candidates,
					guess: msg.guess,
					invalidAt: msg.invalidAt
				});
				break;
			case 'built':
				if (msg.idParts && msg.result.ok) {
					const result = msg.result;
					void unpackIds(msg.idParts).then((ids) => {
						result.ids = ids;
						p.resolve({ status: 'built', result });
					});
				} else p.resolve({ status: 'built', result: msg.result });
				break;
			case 'cancelled':
				p.resolve({ status: 'cancelled' });
				break;
			case 'error':
				p.resolve({ status: 'error', message: msg.message });
				break;
		}
	}

	#drop(id: number | null): void {
		if (id === null) return;
		const p = this.#pending.get(id);
		if (!p) return;
		this.#pending.delete(id);
		this.#client.forget(id);
		this.#client.notify({ type: 'cancel', id });
		p.resolve({ status: 'cancelled' });
	}

	/** Sends a request; an outcome at once when no worker could be started. */
	#request<T extends ParseOutcome | BuildOutcome>(
		pending: Omit<Pending, 'resolve'>,
		make: (id: number) => ParseWorkerRequest,
		setCurrent: (id: number) => void
	): Promise<T> {
		return new Promise<T>((resolve) => {
			const id = this.#client.send((id) => {
				this.#pending.set(id, { ...pending, resolve: resolve as Pending['resolve'] });
				setCurrent(id);
				return make(id);
			});
			// No worker: the failure already resolved the pending entry (if it was set).
			if (!id)
				resolve({
					status: 'error',
					message: this.#failure?.message ?? 'The background task could not start.',
					...(this.#failure ? { failure: this.#failure.kind } : {})
				} as T);
		});
	}

	/** Parses a file in the worker. Supersedes a running parse. Never rejects. */
	parse(
		file: Blob | ArrayBuffer | string,
		options: ParseRequestOptions = {},
		onProgress?: (p: ParseProgress) => void
	): Promise<ParseOutcome> {
		this.#drop(this.#currentParse);
		return this.#request<ParseOutcome>(
			{ kind: 'parse', onProgress },
			(id) => ({ type: 'parse', id, file, options }),
			(id) => (this.#currentParse = id)
		);
	}

	/** Types the columns of parse `parseId` (kept in the worker) with a confirmed mapping. */
	build(
		parseId: number,
		mapping: ColumnMapping[],
		options: BuildOptions = {}
	): Promise<BuildOutcome> {
		this.#drop(this.#currentBuild);
		return this.#request<BuildOutcome>(
			{ kind: 'build' },
			(id) => ({ type: 'build', id, parseId, mapping, options }),
			(id) => (this.#currentBuild = id)
		);
	}

	/**
	 * Cancels the running parse (its promise resolves `{status:'cancelled'}`) by ending the
	 * worker: a file it is stuck on cannot delay the next one, which a fresh worker reads.
	 */
	cancel(): void {
		if (this.#currentParse === null || !this.#pending.has(this.#currentParse)) return;
		this.#settleAll({ status: 'cancelled' });
		this.#client.restart();
	}

	/** Frees the worker's copy of a parse's raw columns. */
	release(parseId: number): void {
		this.#client.notify({ type: 'release', id: parseId });
	}

	/** Ends the worker; pending requests resolve `{status:'cancelled'}`. */
	dispose(): void {
		this.#settleAll({ status: 'cancelled' });
		this.#client.dispose();
	}
}
