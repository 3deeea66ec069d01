/**
 * The parse worker's logic, free of worker globals so it runs in Node tests too: handles
 * `parse` / `build` / `cancel` / `release` requests and posts replies through `post`.
 * Raw columns of the latest parse stay here, so `build` needs no second transfer.
 */
import type { PackedColumn, ParseWorkerReply, ParseWorkerRequest } from '$lib/workers/protocol';
import { buildTable } from './build';
import { profileTable } from './infer';
import { parseCsv, type RawTable } from './parse';

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
		try {
			const result = await parseCsv(file, {
				...options,
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
			const profiles = profileTable(
				table.headers,
				table.columns,
				result.dialect.delimiter === ';' ? ',' : '.'
			);
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
						elapsedMs: result.elapsedMs
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
			const result = buildTable(raw, msg.mapping, msg.options);
			const transfer: Transferable[] = [];
			if (result.ok) {
				transfer.push(result.rowNumbers.buffer);
				for (const col of result.table.columns.values())
					transfer.push(col.kind === 'number' ? col.values.buffer : col.codes.buffer);
			}
			// Buffers shared with the kept raw table (no rows skipped) must not be detached.
			const unique = [...new Set(transfer)].filter((b) => b !== raw.rowNumbers.buffer);
			post({ type: 'built', id: msg.id, result }, unique);
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
