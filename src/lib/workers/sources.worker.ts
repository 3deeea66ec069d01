/// <reference lib="webworker" />
/**
 * Feature-build worker: one request (a recipe and its source tables), one reply (the built
 * table, its column buffers transferred), so a big build never blocks the page.
 */
import { buildFeatureTable } from '$lib/sources/build';
import type { Recipe, SourceTable } from '$lib/sources/types';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<{ recipe: Recipe; tables: SourceTable[] }>) => {
	try {
		const built = buildFeatureTable(e.data.recipe, e.data.tables);
		const transfer: Transferable[] = [];
		for (const col of built.table.columns.values())
			transfer.push(col.kind === 'number' ? col.values.buffer : col.codes.buffer);
		scope.postMessage({ ok: true, built }, [...new Set(transfer)]);
	} catch (err) {
		scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
	}
};
