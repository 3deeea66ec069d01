/**
 * The fast path's unrolled kernels are generated from one template (scripts/gen-kernels.mjs):
 * regenerating must give the committed file byte for byte, so a hand edit of the output (or a
 * template change without regenerating) fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateKernels, TARGET } from './gen-kernels.mjs';

describe('node scripts/gen-kernels.mjs', () => {
	it('regenerates kernels.generated.ts with no diff', async () => {
		const text: string = await generateKernels();
		expect(text).toBe(readFileSync(TARGET, 'utf8'));
		// One kernel per arity and loop, no more.
		expect(text.match(/^function (metrics|chunk)[1-4]\(/gm)).toHaveLength(8);
		// The row loops the account pass calls are generated too (no hand-written copy of a step).
		expect(text.match(/^export function (countBlock|summaryRows)\(/gm)).toHaveLength(2);
	});
});
