/** Property tests of the scoring engine (fast-check, fixed seed: failures reproduce). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreAccount } from './account';
import { scoreTable } from './score';
import { allMetrics } from './structure';
import { tableOf } from './testing/models';
import type { AccountValues, Dimension, Metric, Model, Scheme } from './types';
import { validateModel } from './validate';

fc.configureGlobal({ seed: 42, numRuns: 150 });

type Cell = number | string | null;

const monotoneScheme = (direction: 'higher' | 'lower'): fc.Arbitrary<Scheme> =>
	fc.oneof(
		fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 100 })).map(([a, w]) => ({
			kind: 'linear' as const,
			worst: direction === 'higher' ? a : a + w,
			best: direction === 'higher' ? a + w : a
		})),
		fc
			.tuple(
				fc.uniqueArray(fc.integer({ min: -20, max: 120 }), { minLength: 1, maxLength: 4 }),
				fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 })
			)
			.map(([ups, pts]) => {
				const upTo = [...ups].sort((a, b) => a - b);
				const points = pts
					.slice(0, upTo.length + 1)
					.sort((a, b) => (direction === 'higher' ? a - b : b - a));
				return {
					kind: 'bands' as const,
					bands: [...upTo, null].map((u, j) => ({ upTo: u, points: points[j]! }))
				};
			}),
		// manual points are raw / max: higher is always better, whatever `direction` says
		fc
			.integer({ min: 1, max: 100 })
			.map((max) =>
				direction === 'higher'
					? { kind: 'manual' as const, max }
					: { kind: 'linear' as const, worst: max, best: 0 }
			)
	);

const otherScheme: fc.Arbitrary<Scheme> = fc.oneof(
	fc.record({
		kind: fc.constant('boolean' as const),
		truePoints: fc.integer({ min: 0, max: 100 }),
		falsePoints: fc.integer({ min: 0, max: 100 })
	}),
	fc.record({
		kind: fc.constant('category' as const),
		map: fc.uniqueArray(
			fc.record({
				value: fc.constantFrom('a', 'b', 'c', '1'),
				points: fc.integer({ min: 0, max: 100 })
			}),
			{ selector: (c) => c.value, maxLength: 3 }
		),
		otherPoints: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })
	})
);

const percentileScheme: fc.Arbitrary<Scheme> = fc.record({
	kind: fc.constant('percentile' as const),
	within: fc.constantFrom('portfolio' as const, 'segment' as const)
});

function metricArb(
	withPercentile: boolean,
	monotoneOnly = false
): fc.Arbitrary<Omit<Metric, 'id' | 'column'>> {
	return fc.constantFrom('higher' as const, 'lower' as const).chain((direction) => {
		const schemes = [
			monotoneScheme(direction),
			...(monotoneOnly ? [] : [otherScheme]),
			...(withPercentile ? [percentileScheme] : [])
		];
		return fc.record({
			name: fc.constant('m'),
			direction: fc.constant(direction),
			scheme: fc.oneof(...schemes),
			weight: fc.integer({ min: 0, max: 5 }),
			missing: fc.constantFrom('exclude' as const, 'zero' as const, 'neutral' as const),
			timing: fc.constant('leading' as const)
		});
	});
}

function modelArb(withPercentile = true, monotoneOnly = false): fc.Arbitrary<Model> {
	const dims = fc.array(
		fc.record({
			weight: fc.integer({ min: 0, max: 5 }),
			metrics: fc.array(metricArb(withPercentile, monotoneOnly), { minLength: 1, maxLength: 3 })
		}),
		{ minLength: 1, maxLength: 3 }
	);
	return fc
		.tuple(dims, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
		.map(([ds, minCoverage, seg]) => {
			let k = 0;
			const dimensions: Dimension[] = ds.map((d, i) => ({
				id: `d${i}`,
				name: `d${i}`,
				weight: d.weight,
				metrics: d.metrics.map((m) => ({ ...m, id: `m${k}`, column: `c${k++}` }))
			}));
			dimensions[0]!.weight += 1;
			dimensions.forEach((d) => d.weight > 0 && (d.metrics[0]!.weight += 1));
			const model: Model = {
				schemaVersion: 1,
				id: 'p',
				name: 'p',
				dimensions,
				tiers: [
					{ id: 'g', name: 'G', min: 80, color: '#00aa00', action: '' },
					{ id: 'y', name: 'Y', min: 50, color: '#aaaa00', action: '' },
					{ id: 'r', name: 'R', min: 0, color: '#aa0000', action: '' }
				],
				minCoverage: Math.round(minCoverage * 4) / 8,
				segments: seg
					? { column: 'seg', overrides: [{ value: 's1', weights: [{ id: 'd0', weight: 7 }] }] }
					: null
			};
			const r = validateModel(model);
			if (!r.ok) throw new Error(JSON.stringify(r.issues));
			return r.model;
		});
}

const numberCell: fc.Arbitrary<Cell> = fc.oneof(
	{ weight: 8, arbitrary: fc.integer({ min: -60, max: 130 }) },
	{ weight: 2, arbitrary: fc.constant(null) },
	{ weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0.5) }
);
const textCell: fc.Arbitrary<Cell> = fc.constantFrom('a', 'b', 'c', '1', 'yes', 'no', null);

function rowsArb(model: Model, maxRows = 12): fc.Arbitrary<Record<string, Cell>[]> {
	const cells: Record<string, fc.Arbitrary<Cell>> = { seg: fc.constantFrom('s1', 's2', null) };
	for (const m of allMetrics(model))
		cells[m.column] = m.scheme.kind === 'category' ? textCell : numberCell;
	return fc.array(fc.record(cells), { maxLength: maxRows });
}

const withRows = (withPercentile = true, monotoneOnly = false) =>
	modelArb(withPercentile, monotoneOnly).chain((model) =>
		fc.tuple(fc.constant(model), rowsArb(model))
	);

const columns = (model: Model) => [...new Set([...allMetrics(model).map((m) => m.column), 'seg'])];

describe('scoring properties', () => {
	it('score is in [0, 100] or not scored (NaN, tier −1); tier follows shown', () => {
		fc.assert(
			fc.property(withRows(), ([model, rows]) => {
				const r = scoreTable(model, tableOf(rows, columns(model)));
				for (let i = 0; i < r.n; i++) {
					const s = r.score[i]!;
					if (Number.isNaN(s)) expect(r.tier[i]).toBe(-1);
					else {
						expect(s).toBeGreaterThanOrEqual(0);
						expect(s).toBeLessThanOrEqual(100 + 1e-9);
						expect(r.tier[i]).toBeGreaterThanOrEqual(0);
					}
					expect(r.coverage[i]).toBeGreaterThanOrEqual(0);
					expect(r.coverage[i]).toBeLessThanOrEqual(1 + 1e-9);
				}
			})
		);
	});

	it('is unchanged by row order (per account)', () => {
		fc.assert(
			fc.property(
				withRows().chain(([m, rows]) =>
					fc.tuple(
						fc.constant(m),
						fc.constant(rows),
						fc.shuffledSubarray(
							rows.map((_, i) => i),
							{ minLength: rows.length }
						)
					)
				),
				([model, rows, order]) => {
					const cols = columns(model);
					const a = scoreTable(model, tableOf(rows, cols));
					const b = scoreTable(
						model,
						tableOf(
							order.map((i) => rows[i]!),
							cols
						)
					);
					order.forEach((i, j) => {
						expect(b.score[j]).toBe(a.score[i]);
						expect(b.tier[j]).toBe(a.tier[i]);
						expect(b.coverage[j]).toBe(a.coverage[i]);
					});
				}
			)
		);
	});

	it('is unchanged by multiplying all weights by a positive constant', () => {
		fc.assert(
			fc.property(
				withRows(),
				fc.double({ min: 0.01, max: 100, noNaN: true }),
				([model, rows], c) => {
					const scaled = structuredClone(model);
					for (const d of scaled.dimensions) {
						d.weight *= c;
						for (const m of d.metrics) m.weight *= c;
					}
					scaled.segments?.overrides.forEach((o) => o.weights?.forEach((w) => (w.weight *= c)));
					const t = tableOf(rows, columns(model));
					const a = scoreTable(model, t);
					const b = scoreTable(scaled, t);
					for (let i = 0; i < a.n; i++) {
						const s = a.score[i]!;
						if (Number.isNaN(s)) expect(b.score[i]).toBeNaN();
						else {
							expect(b.score[i]).toBeCloseTo(s, 9);
							if (Math.abs((s % 1) - 0.5) > 1e-6) expect(b.tier[i]).toBe(a.tier[i]);
						}
					}
				}
			)
		);
	});

	it('is monotone in each metric in its direction (linear / bands / manual)', () => {
		fc.assert(
			fc.property(
				withRows(false, true),
				fc.nat(),
				fc.integer({ min: 1, max: 80 }),
				([model, rows], pick, step) => {
					const metrics = allMetrics(model);
					const m = metrics[pick % metrics.length]!;
					const better = (x: Cell) =>
						typeof x === 'number' && Number.isFinite(x)
							? x + (m.direction === 'higher' ? step : -step)
							: x;
					const cols = columns(model);
					const a = scoreTable(model, tableOf(rows, cols));
					const b = scoreTable(
						model,
						tableOf(
							rows.map((r) => ({ ...r, [m.column]: better(r[m.column] ?? null) })),
							cols
						)
					);
					for (let i = 0; i < a.n; i++)
						if (!Number.isNaN(a.score[i]!))
							expect(b.score[i]!).toBeGreaterThanOrEqual(a.score[i]! - 1e-9);
				}
			)
		);
	});

	it('scoreAccount equals the matching row of scoreTable (no percentile)', () => {
		fc.assert(
			fc.property(withRows(false), ([model, rows]) => {
				const r = scoreTable(model, tableOf(rows, columns(model)));
				rows.forEach((row, i) => {
					const values: AccountValues = {};
					for (const [k, v] of Object.entries(row))
						values[k] = typeof v === 'number' && Number.isNaN(v) ? null : v;
					const a = scoreAccount(model, values);
					expect(a.score ?? NaN).toBe(r.score[i]);
					expect(a.tierIndex).toBe(r.tier[i]);
					expect(a.coverage).toBe(r.coverage[i]);
					a.dimensions.forEach((d, j) => expect(d.score ?? NaN).toBe(r.dimensions[j]![i]));
					if (a.isScored)
						expect(a.dimensions.reduce((s, d) => s + d.pointsEarned, 0)).toBeCloseTo(a.score!, 9);
				});
			})
		);
	});

	it('every next-tier option really reaches the next tier', () => {
		fc.assert(
			fc.property(
				modelArb(false).chain((m) => fc.tuple(fc.constant(m), rowsArb(m, 1))),
				([model, rows]) => {
					const values: AccountValues = { ...(rows[0] ?? {}) };
					const a = scoreAccount(model, values);
					const next = a.explanation.nextTier;
					if (!next) return;
					expect(next.pointsNeeded).toBeGreaterThan(0);
					const byId = new Map(allMetrics(model).map((m) => [m.id, m]));
					for (const o of next.options) {
						const b = scoreAccount(model, { ...values, [byId.get(o.metricId)!.column]: o.toRaw });
						expect(b.tierIndex).toBeLessThan(a.tierIndex);
						expect(b.tierIndex).toBeGreaterThanOrEqual(0);
						expect(o.toPoints).toBeLessThanOrEqual(100);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
