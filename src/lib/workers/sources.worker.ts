/// <reference lib="webworker" />
/**
 * Feature-build worker: one request (a recipe and its source tables), one reply (the built
 * table, its column buffers transferred), so a big build never blocks the page.
 */
import { buildFeatureTable } from '$lib/sources/build';
import type { SourcesReply, SourcesRequest } from './sources-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: SourcesReply, transfer: Transferable[] = []) =>
	scope.postMessage(reply, transfer);

scope.onmessage = (e: MessageEvent<SourcesRequest>) => {
	const { id } = e.data;
	try {
		const built = buildFeatureTable(e.data.recipe, e.data.tables);
		const transfer: Transferable[] = [];
		for (const col of built.table.columns.values())
			transfer.push(col.kind === 'number' ? col.values.buffer : col.codes.buffer);
		post({ id, ok: true, built }, [...new Set(transfer)]);
	} catch (err) {
		post({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
	}
};
