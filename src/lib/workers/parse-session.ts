/**
 * The parse worker's logic, free of worker globals so it runs in Node tests too: handles
 * `parse` / `build` / `cancel` / `release` requests and posts replies through `post`.
 * Raw columns of the latest parse stay here, so `build` needs no second transfer.
 */
import type { IdParts, PackedColumn, ParseWorkerReply, ParseWorkerRequest } from './parse-protocol';
import { buildTablePacked, packIdStrings } from '$lib/data/csv/build';
import { profileRaw } from '$lib/data/csv/infer';
import { parseCsv, type RawTable } from '$lib/data/csv/parse';
import { measureSince } from '$lib/data/measure';

export type PostReply = (message: ParseWorkerReply, transfer: Transferable[]) => void;

/** Packs a column of cells into one string plus end offsets (see `PackedColumn`). */
export function packColumn(cells: readonly string[]): PackedColumn {
	const ends = new Uint32Array(cells.length);
	let end = 0;
	for (let i = 0; i < cells.length; i++) {
		end += cells[i]!.length;
		ends[i] = end;
	}
	return { text: cells.join(''), ends };
}

/** Cell `i` of a packed column. */
export function packedCell(col: PackedColumn, i: number): string {
	return col.text.slice(i === 0 ? 0 : col.ends[i - 1]!, col.ends[i]!);
}

/** All cells of a packed column. */
export function unpackColumn(col: PackedColumn): string[] {
	const out = new Array<string>(col.ends.length);
	let start = 0;
	for (let i = 0; i < col.ends.length; i++) {
		const end = col.ends[i]!;
		out[i] = col.text.slice(start, end);
		start = end;
	}
	return out;
}

/** SHA-256 of bytes as lower-case hex (as `hashFile` on the page computes it). */
async function sha256(bytes: Uint8Array | ArrayBuffer): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Rows per part of the ids sent to the page. */
export const ID_PART_ROWS = 50_000;

/** Ids in parts of `ID_PART_ROWS`: joined by `\n`, or as an array when an id holds a newline. */
export function packIds(ids: readonly string[]): IdParts {
	return packIdStrings(ids, ID_PART_ROWS);
}

/** Creates the request handler. Only the latest parse's raw columns are kept. */
export function createParseSession(post: PostReply): { handle(msg: ParseWorkerRequest): void } {
	const running = new Map<number, AbortController>();
	const kept = new Map<number, RawTable>();

	async function parse(msg: Extract<ParseWorkerRequest, { type: 'parse' }>): Promise<void> {
		const { id, file, options } = msg;
		const controller = new AbortController();
		running.set(id, controller);
		kept.clear();
		let lastProgress = 0;
		let hash: Promise<string> | null = null;
		try {
			let t: number;
			const result = await parseCsv(file, {
				...options,
				onBytes: (bytes) => (hash = sha256(bytes)),
				signal: controller.signal,
				onProgress: (progress) => {
					const now = progress.elapsedMs;
					if (now - lastProgress < 50 && progress.bytes < progress.totalBytes) return;
					lastProgress = now;
					post({ type: 'progress', id, progress }, []);
				}
			});
			if (controller.signal.aborted || result.status === 'aborted') {
				post({ type: 'cancelled', id }, []);
				return;
			}
			if (result.status === 'needs-encoding') {
				const { candidates, guess, invalidAt } = result;
				post({ type: 'needs-encoding', id, candidates, guess, invalidAt }, []);
				return;
			}
			if (result.status === 'blocked') {
				const { issues, encoding, dialect } = result;
				post({ type: 'issues', id, issues, encoding, dialect }, []);
				return;
			}
			const { table } = result;
			t = performance.now();
			const profiles = profileRaw(table, result.dialect.delimiter === ';' ? ',' : '.');
			t = measureSince('csv:profile', t);
			if (!hash && file instanceof Blob) hash = file.arrayBuffer().then(sha256);
			const fileHash = hash ? await (hash as Promise<string>).catch(() => undefined) : undefined;
			measureSince('csv:hash-wait', t);
			kept.set(id, table);
			const columns = options.returnColumns === false ? [] : table.columns.map(packColumn);
			const rowNumbers = table.rowNumbers.slice();
			post(
				{
					type: 'done',
					id,
					result: {
						encoding: result.encoding,
						dialect: result.dialect,
						headers: table.headers,
						originalHeaders: table.originalHeaders,
						headerNotes: table.headerNotes,
						rows: table.rows,
						rowNumbers,
						columns,
						profiles,
						issues: result.issues,
						raggedRows: result.raggedRows,
						bytes: result.bytes,
						elapsedMs: result.elapsedMs,
						...(fileHash ? { fileHash } : {})
					}
				},
				[rowNumbers.buffer, ...columns.map((c) => c.ends.buffer)]
			);
		} catch (e) {
			post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) }, []);
		} finally {
			running.delete(id);
		}
	}

	function build(msg: Extract<ParseWorkerRequest, { type: 'build' }>): void {
		const raw = kept.get(msg.parseId);
		if (!raw) {
			post(
				{
					type: 'error',
					id: msg.id,
					message: `Parse ${msg.parseId} is no longer available; parse the file again.`
				},
				[]
			);
			return;
		}
		try {
			const t = performance.now();
			// Ids come back as a few joined strings: cloning a million small strings would block
			// the page for a long task while it deserialises them.
			const { result, idParts } = buildTablePacked(raw, msg.mapping, msg.options, ID_PART_ROWS);
			const built = measureSince('csv:build', t);
			const transfer: Transferable[] = [];
			if (result.ok) {
				transfer.push(result.rowNumbers.buffer);
				for (const col of result.table.columns.values())
					transfer.push(col.kind === 'number' ? col.values.buffer : col.codes.buffer);
			}
			// Buffers shared with the kept raw table (no rows skipped) must not be detached.
			for (const part of idParts?.parts ?? [])
				if (part instanceof Uint8Array) transfer.push(part.buffer);
			const unique = [...new Set(transfer)].filter((b) => b !== raw.rowNumbers.buffer);
			measureSince('csv:pack', built);
			post({ type: 'built', id: msg.id, result, ...(idParts ? { idParts } : {}) }, unique);
		} catch (e) {
			post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) }, []);
		}
	}

	return {
		handle(msg) {
			switch (msg.type) {
				case 'parse':
					void parse(msg);
					break;
				case 'build':
					build(msg);
					break;
				case 'cancel':
					running.get(msg.id)?.abort();
					break;
				case 'release':
					kept.delete(msg.id);
					break;
			}
		}
	};
}
