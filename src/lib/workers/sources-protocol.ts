/**
 * Messages between the page and the feature-build worker: one request (a recipe and its source
 * tables), one reply (the built table, its column buffers transferred), echoing the id.
 */
import type { BuiltTable, Recipe, SourceTable } from '$lib/sources/types';

export interface SourcesRequest {
	id: number;
	recipe: Recipe;
	tables: SourceTable[];
}

export type SourcesReply =
	{ id: number; ok: true; built: BuiltTable } | { id: number; ok: false; message: string };
