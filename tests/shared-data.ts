/**
 * Path to a file of the shared public datasets (`<repo>/../shared/data/<name>`): CI clones the
 * repo with `shared/` beside it. Falls back to /work/shared/data on a developer machine.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function sharedDataPath(name: string): string {
	const beside = resolve(REPO_ROOT, '../shared/data', name);
	if (existsSync(beside)) return beside;
	const env = process.env.HSW_SHARED_DATA;
	if (env && existsSync(resolve(env, name))) return resolve(env, name);
	return resolve('/work/shared/data', name);
}

/**
 * Whether a shared data file is present, for tests that skip without it on a laptop. In CI
 * (`CI` set) a missing file throws: a test that reads real data must never go green by skipping.
 */
export function hasSharedData(name: string): boolean {
	if (existsSync(sharedDataPath(name))) return true;
	if (process.env.CI) throw new Error(`../shared/data/${name} is missing: CI must run beside it`);
	return false;
}
