// Issue 16: a model file with a million dimensions is refused before the schema walks it.
import { describe, expect, it } from 'vitest';
import { templateById } from './templates';
import { modelSizeIssue, validateModel } from './validate';

describe('model size checks', () => {
	const base = templateById('usage-led-saas')!.model;

	it('1,000,000 dimensions: one issue naming the count (the schema walk took 15 s)', () => {
		const json = { ...structuredClone(base), dimensions: new Array(1_000_000).fill({}) };
		const r = validateModel(json);
		expect(r).toEqual({
			ok: false,
			issues: [
				{
					path: 'dimensions',
					code: 'max-items',
					params: { max: 50 },
					message: 'must have at most 50 items'
				}
			]
		});
	}, 2000);

	it('too many metrics in one dimension, and an oversized list elsewhere', () => {
		const m = structuredClone(base);
		(m.dimensions[1] as { metrics: unknown[] }).metrics = new Array(101).fill({});
		expect(modelSizeIssue(m)).toEqual({
			path: 'dimensions[1].metrics',
			code: 'max-items',
			params: { max: 100 },
			message: 'must have at most 100 items'
		});
		const t = { ...structuredClone(base), tiers: new Array(6000).fill(0) };
		expect(modelSizeIssue(t)?.path).toBe('tiers');
	});

	it('real models pass untouched', () => {
		expect(modelSizeIssue(base)).toBeNull();
		expect(validateModel(structuredClone(base)).ok).toBe(true);
	});
});
