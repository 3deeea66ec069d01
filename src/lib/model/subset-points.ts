/**
 * Stage 1 of scoring for many subsets of one table's rows (the score history scores each date's
 * accounts on their own): `at(rows)` returns exactly `computeMetricPoints(model, gatherTable(table,
 * rows))`, bit for bit, without gathering the raw columns and re-sorting each time.
 *  - A metric that does not rank (linear, bands, manual, boolean, category) scores each row on
 *    its own value: its column is gathered and scored per subset (points of all rows at once
 *    would be a large allocation that most subsets read a small part of).
 *  - A percentile metric ranked over the whole subset (`within: 'portfolio'`) whose values are
 *    whole numbers within a range of `MAX_CODES` gets, once, a code per row (value − smallest).
 *    Per subset, a count per code and a running sum give each value's count of smaller (or
 *    larger) values: the same integers `percentilePoints` finds by binary search in the sorted
 *    subset, hence the same points. Cost per subset: rows + range, no sort.
 *  - Any other percentile metric (within segments, fractional values, a wider range) falls back
 *    to `percentilePoints` on the gathered values (and segment keys), as `computeMetricPoints`
 *    does.
 */
import { percentilePoints } from './percentile';
import { columnPoints, numericValues } from './schemes';
import { segmentKeys } from './segments';
import { Scratch } from './scratch';
import { allMetrics } from './structure';
import type { Column, ColumnTable, Direction, MetricPoints, Model, Scheme } from './types';

/** How one metric's points of a subset are found. */
type Plan =
	| { kind: 'row'; scheme: Scheme; column: Column | undefined }
	| { kind: 'rank'; code: Int32Array; distinct: number; direction: Direction }
	| { kind: 'gather'; values: Float64Array; direction: Direction; segment: boolean };

/** Widest range of whole-number values ranked by counting (else: sorted per subset). */
export const MAX_CODES = 1 << 16;

/**
 * Code per row when every finite value is a whole number within a range of at most `MAX_CODES`
 * (counts, scores, NPS …): value − smallest value, so codes ascend with values and equal values
 * share a code (−0 = 0); −1 = missing. Null otherwise.
 */
function valueCodes(values: Float64Array): { code: Int32Array; distinct: number } | null {
	const n = values.length;
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < n; i++) {
		const x = values[i]!;
		if (!Number.isFinite(x)) continue;
		if (x !== Math.floor(x)) return null;
		if (x < lo) lo = x;
		if (x > hi) hi = x;
	}
	if (hi - lo >= MAX_CODES) return null;
	const code = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const x = values[i]!;
		code[i] = Number.isFinite(x) ? x - lo : -1;
	}
	return { code, distinct: lo <= hi ? hi - lo + 1 : 0 };
}

export class SubsetPoints {
	readonly #plans: Plan[];
	readonly #keys: Int32Array | null;

	constructor(model: Model, table: ColumnTable) {
		const n = table.n;
		const metrics = allMetrics(model);
		const bySegment = metrics.some(
			(m) => m.scheme.kind === 'percentile' && m.scheme.within === 'segment'
		);
		this.#keys = bySegment ? segmentKeys(model, table) : null;
		this.#plans = metrics.map((m): Plan => {
			const column = table.columns.get(m.column);
			if (m.scheme.kind !== 'percentile') {
				return { kind: 'row', scheme: m.scheme, column };
			}
			const values = numericValues(column, n);
			const segment = m.scheme.within === 'segment' && this.#keys !== null;
			const codes = segment ? null : valueCodes(values);
			return codes
				? { kind: 'rank', ...codes, direction: m.direction }
				: { kind: 'gather', values, direction: m.direction, segment };
		});
	}

	/**
	 * Points of every metric (model order) at `rows`, as if the table held only those rows. With
	 * `into`, the points and their temporaries are that scratch's arrays (valid until its next
	 * use), else new ones.
	 */
	at(rows: Int32Array, into?: Scratch): MetricPoints {
		const n = rows.length;
		const points = this.#plans.map((p, m) => {
			const out = into ? into.f64(`points ${m}`, n) : new Float64Array(n);
			if (p.kind === 'row')
				columnPoints(p.scheme, p.column && gatherColumn(p.column, rows, into), out);
			else if (p.kind === 'rank') this.#ranks(p.code, p.distinct, p.direction, rows, out);
			else {
				const values = gather(p.values, rows, into ? into.f64('values', n) : new Float64Array(n));
				const keys = p.segment ? denseKeys(this.#keys!, rows) : null;
				percentilePoints(values, keys, p.direction, out);
			}
			return out;
		});
		return { n, points };
	}

	/**
	 * Stage 1 for many subsets at once. Entry e is row `rows[e]` of subset `group[e]` (0 …
	 * `groups` − 1); the reader returns the points of entries [from, to), each exactly the entry's
	 * points in `at(the rows of its subset)`: a percentile metric ranks each entry among its own
	 * subset's entries (all of them, not only the slice read), the other metrics score each row
	 * on its own value. The ranks are counted once over every entry; the reader is then called
	 * slice by slice, so no caller needs every subset's points in memory at once. The arrays it
	 * returns are overwritten by its next call.
	 */
	grouped(
		rows: Int32Array,
		group: Int32Array,
		groups: number
	): (from: number, to: number) => MetricPoints {
		// Per rank plan: per subset, the count of smaller codes at g × (distinct + 1) + code, and
		// the subset's count of values; per gather plan: every entry's points, subset by subset.
		const ready = this.#plans.map((p) => {
			if (p.kind === 'rank') return rankCounts(p.code, p.distinct, rows, group, groups);
			if (p.kind === 'gather') return this.#gatheredPoints(p, rows, group, groups);
			return null;
		});
		// Buffers reused from call to call (fresh memory costs a page fault per 4 KB).
		const buffers = new Scratch();
		return (from, to) => {
			const n = to - from;
			const at = rows.subarray(from, to);
			const points = this.#plans.map((p, m) => {
				const out = buffers.f64(`points ${m}`, n);
				const r = ready[m];
				if (p.kind === 'row')
					columnPoints(p.scheme, p.column && gatherColumn(p.column, at, buffers), out);
				else if (r instanceof Float64Array) out.set(r.subarray(from, to));
				else if (r && p.kind === 'rank') {
					const { count, total, width } = r;
					for (let j = 0; j < n; j++) {
						const c = p.code[at[j]!]!;
						const g = group[from + j]!;
						out[j] = rankPoint(c, count, g * width, total[g]!, p.direction);
					}
				}
				return out;
			});
			return { n, points };
		};
	}

	/** Every entry's points of a percentile metric that cannot be counted (see `grouped`). */
	#gatheredPoints(
		p: Extract<Plan, { kind: 'gather' }>,
		rows: Int32Array,
		group: Int32Array,
		groups: number
	): Float64Array {
		const out = new Float64Array(rows.length);
		for (const entries of entriesBySubset(group, groups)) {
			const sub = new Int32Array(entries.length);
			for (let j = 0; j < entries.length; j++) sub[j] = rows[entries[j]!]!;
			const values = gather(p.values, sub, new Float64Array(sub.length));
			const keys = p.segment ? denseKeys(this.#keys!, sub) : null;
			const pts = new Float64Array(sub.length);
			percentilePoints(values, keys, p.direction, pts);
			for (let j = 0; j < entries.length; j++) out[entries[j]!] = pts[j]!;
		}
		return out;
	}

	/** `percentilePoints` without a sort: see the module note. */
	#ranks(code: Int32Array, distinct: number, dir: Direction, rows: Int32Array, out: Float64Array) {
		const { count, total } = rankCounts(code, distinct, rows, null, 1);
		for (let j = 0; j < rows.length; j++)
			out[j] = rankPoint(code[rows[j]!]!, count, 0, total[0]!, dir);
	}
}

/**
 * Percentile points of a value with code `c` among `total` values, where `count[base + c]` is
 * the number of smaller codes and `count[base + c + 1]` of codes ≤ c (−1: missing → NaN).
 */
function rankPoint(
	c: number,
	count: Int32Array,
	base: number,
	total: number,
	dir: Direction
): number {
	if (c < 0) return NaN;
	if (total <= 1) return 0;
	const better = dir === 'higher' ? count[base + c]! : total - count[base + c + 1]!;
	return (100 * better) / (total - 1);
}

/**
 * Per subset, the counts `rankPoint` reads, over every entry (see `SubsetPoints.grouped`);
 * `group` null: every entry is in subset 0.
 */
function rankCounts(
	code: Int32Array,
	distinct: number,
	rows: Int32Array,
	group: Int32Array | null,
	groups: number
): { count: Int32Array; total: Int32Array; width: number } {
	const width = distinct + 1;
	const count = new Int32Array(groups * width);
	const total = new Int32Array(groups);
	for (let e = 0; e < rows.length; e++) {
		const c = code[rows[e]!]!;
		if (c < 0) continue;
		const g = group ? group[e]! : 0;
		count[g * width + c + 1]!++;
		total[g]!++;
	}
	for (let g = 0; g < groups; g++)
		for (let c = g * width; c < g * width + distinct; c++) count[c + 1]! += count[c]!;
	return { count, total, width };
}

/** The entries of each subset, in entry order. */
function entriesBySubset(group: Int32Array, groups: number): Int32Array[] {
	const size = new Int32Array(groups);
	for (let e = 0; e < group.length; e++) size[group[e]!]!++;
	const out = Array.from(size, (k) => new Int32Array(k));
	size.fill(0);
	for (let e = 0; e < group.length; e++) out[group[e]!]![size[group[e]!]!++] = e;
	return out;
}

/**
 * A column's values at `rows` (dictionary shared), into new arrays or into `into`'s (kept there
 * for the next call).
 */
function gatherColumn(c: Column, rows: Int32Array, into?: Scratch): Column {
	const n = rows.length;
	if (c.kind === 'number') {
		const out = into ? into.f64('column', n) : new Float64Array(n);
		return { kind: 'number', values: gather(c.values, rows, out) };
	}
	const codes = into ? into.i32('column codes', n) : new Int32Array(n);
	for (let j = 0; j < rows.length; j++) codes[j] = c.codes[rows[j]!]!;
	return { kind: 'category', codes, dictionary: c.dictionary };
}

/** `source` at `rows` into `out`. */
function gather(source: Float64Array, rows: Int32Array, out: Float64Array): Float64Array {
	for (let j = 0; j < rows.length; j++) out[j] = source[rows[j]!]!;
	return out;
}

/** Keys at `rows` renumbered densely (0, 1, …) so `percentilePoints` sizes its groups to them. */
function denseKeys(keys: Int32Array, rows: Int32Array): Int32Array {
	const index = new Map<number, number>();
	const out = new Int32Array(rows.length);
	for (let j = 0; j < rows.length; j++) {
		const key = keys[rows[j]!]!;
		let k = index.get(key);
		if (k === undefined) index.set(key, (k = index.size));
		out[j] = k;
	}
	return out;
}
