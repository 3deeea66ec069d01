// Test support stays out of the product: no shipped file (anything in src/ that is not a test and
// not under a `testing/` folder) may import a `testing/` module or a test-named helper. The bundle
// only holds what the product imports, so this keeps harnesses and fixtures out of dist/.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(SRC);
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;
/** Test-only modules, by where they live or what they are called. */
const TEST_ONLY = /(^|\/)testing\/|(^|\/)test-[\w-]+$|\.test$|\.testing$/;

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]
	);
}

/** Is this a shipped file (as opposed to a test or test support)? */
function isProduct(file: string): boolean {
	const rel = relative(SRC, file).replaceAll('\\', '/');
	return (
		/\.(ts|svelte|js)$/.test(rel) &&
		!/\.test\.ts$|\.d\.ts$/.test(rel) &&
		!TEST_ONLY.test(rel.replace(/\.(svelte\.)?ts$/, ''))
	);
}

/** The test-only modules a file's text imports (resolved against the file's own folder). */
function testImports(file: string, text: string): string[] {
	const found: string[] = [];
	for (const m of text.matchAll(IMPORT)) {
		const spec = m[2]!;
		let target: string;
		if (spec.startsWith('$lib/')) target = join(SRC, 'lib', spec.slice(5));
		else if (spec.startsWith('.')) target = normalize(join(dirname(file), spec));
		else continue;
		const rel = relative(ROOT, target)
			.replaceAll('\\', '/')
			.replace(/\.(svelte\.)?ts$/, '');
		if (TEST_ONLY.test(rel)) found.push(spec);
	}
	return found;
}

describe('test support is not imported by the product', () => {
	it('no shipped file in src/ imports a testing/ module or a test-named helper', () => {
		const files = walk(SRC).filter(isProduct);
		expect(files.length).toBeGreaterThan(200);
		const bad = files.flatMap((f) =>
			testImports(f, readFileSync(f, 'utf8')).map((s) => `${relative(ROOT, f)} imports ${s}`)
		);
		expect(bad).toEqual([]);
	});

	it('the check sees the imports it is meant to refuse (negative control)', () => {
		const file = join(SRC, 'lib/state/portfolio.svelte.ts');
		const text = [
			"import { EDGE_MODEL } from '$lib/model/engine/testing/edges';",
			"import { worker } from './testing/worker';",
			"import { ravenRecipe } from '$lib/sources/test-data';",
			"const h = await import('../data/export/sql/testing/harness');",
			"import { scoreTable } from '$lib/model';",
			"import { groupSnapshots } from '$lib/portfolio/snapshots';"
		].join('\n');
		expect(testImports(file, text)).toEqual([
			'$lib/model/engine/testing/edges',
			'./testing/worker',
			'$lib/sources/test-data',
			'../data/export/sql/testing/harness'
		]);
		expect(isProduct(join(SRC, 'lib/state/testing/worker.ts'))).toBe(false);
		expect(isProduct(join(SRC, 'lib/sources/test-data.ts'))).toBe(false);
		expect(isProduct(join(SRC, 'lib/model/edits.test.ts'))).toBe(false);
		expect(isProduct(join(SRC, 'lib/model/edits.ts'))).toBe(true);
		expect(isProduct(join(SRC, 'screens/model/ModelScreen.svelte'))).toBe(true);
	});
});
