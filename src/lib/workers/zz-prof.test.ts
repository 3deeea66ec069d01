import { it } from 'vitest';
import { computeMetricPoints } from '$lib/model/score';
import { fastCombine } from './fast-combine';
import { summarise } from './score-core';
import { syntheticModel, syntheticTable } from './synthetic';
it('prof', () => {
	const n = 1_000_000;
	const table = syntheticTable(n, 12);
	const model = syntheticModel(12);
	const pts = computeMetricPoints(model, table);
	for (let r = 0; r < 8; r++) {
		const t0 = performance.now();
		const res = fastCombine(model, pts, table, {floors: true});
		const t1 = performance.now();
		summarise(res, null, 3, null, [false]);
		const t2 = performance.now();
		const a = new Float64Array(n); const b = new Float64Array(n);
		const t3 = performance.now();
		let s = 0; const p = pts.points[0]!; for (let i = 0; i < n; i++) s += p[i]!;
		const t4 = performance.now();
		console.log('combine', (t1 - t0).toFixed(1), 'summ', (t2 - t1).toFixed(1), 'alloc2', (t3 - t2).toFixed(1), 'onepass', (t4 - t3).toFixed(1), a.length + b.length + s > 0);
	}
}, 120000);
