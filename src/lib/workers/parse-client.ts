/**
 * Page-side wrapper around the parse worker: one request at a time per kind. A new `parse`
 * supersedes (and cancels) the previous one, whose promise then resolves `{status:'cancelled'}`;
 * replies to superseded requests are dropped.
 */
import type {
	IdParts,
	ParsedFile,
	ParseRequestOptions,
	ParseWorkerReply,
	ParseWorkerRequest
} from '$lib/workers/protocol';
import type { BuildOptions, BuildResult, ColumnMapping } from './build';
import type { Dialect } from './dialect';
import type { EncodingCandidate, EncodingName } from './encoding';
import type { ParseIssue, ParseProgress } from './parse';

/** The part of `Worker` the client uses (a fake can stand in for tests). */
export interface WorkerLike {
	postMessage(message: ParseWorkerRequest, transfer?: Transferable[]): void;
	onmessage: ((event: MessageEvent<ParseWorkerReply>) => void) | null;
	terminate(): void;
}

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
	| { status: 'error'; message: string };

interface Pending {
	kind: 'parse' | 'build';
	resolve(value: ParseOutcome | BuildOutcome): void;
	onProgress?: (p: ParseProgress) => void;
}

export type BuildOutcome =
	| { status: 'built'; result: BuildResult; timings?: Record<string, number> }
	| { status: 'cancelled' }
	| { status: 'error'; message: string };

/** The real module worker (Vite bundles it as a same-origin file: CSP `worker-src 'self'`). */
export function createParseWorker(): WorkerLike {
	return new Worker(new URL('../../workers/parse.worker.ts', import.meta.url), {
		type: 'module',
		name: 'csv-parse'
	}) as unknown as WorkerLike;
}

const ascii = new TextDecoder();

/**
 * Ids back from their parts, one part per task (a `setTimeout` between parts), so the page
 * never blocks on a million strings at once.
 */
export async function unpackIds(packed: IdParts): Promise<string[]> {
	const ids = new Array<string>(packed.rows);
	let at = 0;
	for (let k = 0; k < packed.parts.length; k++) {
		if (k > 0) await new Promise((r) => setTimeout(r, 0));
		const part = packed.parts[k]!;
		const list =
			typeof part === 'string'
				? part.split('\n')
				: part instanceof Uint8Array
					? ascii.decode(part).split('\n')
					: part;
		for (let i = 0; i < list.length; i++) ids[at++] = list[i]!;
	}
	return ids;
}

export class ParseClient {
	#worker: WorkerLike | null = null;
	#nextId = 1;
	#pending = new Map<number, Pending>();
	#currentParse: number | null = null;
	#currentBuild: number | null = null;
	readonly #factory: () => WorkerLike;

	constructor(factory: () => WorkerLike = createParseWorker) {
		this.#factory = factory;
	}

	#ensure(): WorkerLike {
		if (!this.#worker) {
			this.#worker = this.#factory();
			this.#worker.onmessage = (e) => this.#onReply(e.data);
		}
		return this.#worker;
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
						p.resolve({ status: 'built', result, timings: msg.timings });
					});
				} else p.resolve({ status: 'built', result: msg.result, timings: msg.timings });
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
		this.#worker?.postMessage({ type: 'cancel', id });
		p.resolve({ status: 'cancelled' });
	}

	/** Parses a file in the worker. Supersedes a running parse. Never rejects. */
	parse(
		file: Blob | ArrayBuffer | string,
		options: ParseRequestOptions = {},
		onProgress?: (p: ParseProgress) => void
	): Promise<ParseOutcome> {
		this.#drop(this.#currentParse);
		const id = this.#nextId++;
		this.#currentParse = id;
		return new Promise<ParseOutcome>((resolve) => {
			this.#pending.set(id, { kind: 'parse', resolve: resolve as Pending['resolve'], onProgress });
			this.#ensure().postMessage({ type: 'parse', id, file, options });
		});
	}

	/** Types the columns of parse `parseId` (kept in the worker) with a confirmed mapping. */
	build(
		parseId: number,
		mapping: ColumnMapping[],
		options: BuildOptions = {}
	): Promise<BuildOutcome> {
		this.#drop(this.#currentBuild);
		const id = this.#nextId++;
		this.#currentBuild = id;
		return new Promise<BuildOutcome>((resolve) => {
			this.#pending.set(id, { kind: 'build', resolve: resolve as Pending['resolve'] });
			this.#ensure().postMessage({ type: 'build', id, parseId, mapping, options });
		});
	}

	/** Cancels the running parse (its promise resolves `{status:'cancelled'}`). */
	cancel(): void {
		this.#drop(this.#currentParse);
		this.#currentParse = null;
	}

	/** Frees the worker's copy of a parse's raw columns. */
	release(parseId: number): void {
		this.#worker?.postMessage({ type: 'release', id: parseId });
	}

	/** Ends the worker; pending requests resolve `{status:'cancelled'}`. */
	dispose(): void {
		for (const [, p] of this.#pending) p.resolve({ status: 'cancelled' });
		this.#pending.clear();
		this.#worker?.terminate();
		this.#worker = null;
	}
}
