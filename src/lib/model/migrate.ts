/**
 * Model JSON migrations: pure steps from each older schema version to the next. Version 1 is
 * current, so the chain is empty; a future v2 adds `MIGRATIONS[1] = (m) => …v2 shape…` and bumps
 * `SCHEMA_VERSION` in types.ts. Steps never mutate their input and are never edited once shipped.
 */
import { SCHEMA_VERSION } from './types';

type Json = Record<string, unknown>;
type Step = (model: Json) => Json;

/** `MIGRATIONS[k]` turns a version-k model into a version-(k+1) one. */
const MIGRATIONS: Partial<Record<number, Step>> = {};

/** The `schemaVersion` of untrusted model JSON, or null if there is none (or it is not a number). */
export function readSchemaVersion(json: unknown): number | null {
	if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
	const version: unknown = (json as Json)['schemaVersion'];
	return typeof version === 'number' && Number.isInteger(version) ? version : null;
}

/**
 * Bring model JSON of an older schema version up to `SCHEMA_VERSION`, step by step. Input that is
 * not an object, has no integer version, is newer than this app, or has no migration path is
 * returned unchanged (validation then reports it). Pure: the input is not modified.
 */
export function migrateModel(json: unknown): unknown {
	let version = readSchemaVersion(json);
	if (version === null || version >= SCHEMA_VERSION) return json;
	let model = json as Json;
	while (version < SCHEMA_VERSION) {
		const step = MIGRATIONS[version];
		if (!step) return model;
		model = step(model);
		version += 1;
	}
	return model;
}
