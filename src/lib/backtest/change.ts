/**
 * "Is it the customers or the formula that changed?" Points gained or lost per dimension between
 * two dates, split in two:
 *   customer changed = c(M_from, data_to) − c(M_from, data_from)   (same model, new data)
 *   formula changed  = c(M_to, data_to) − c(M_from, data_to)       (same data, new model)
 * where c is a dimension's contribution to the account score: its (effective) weight × its
 * dimension score ÷ the weights of the dimensions that count for that account, so the
 * contributions add up to the score and the two parts add up to the whole change. A dimension
 * only one model has contributes 0 under the other. The portfolio figures are means over the
 * accounts scored at both dates by both models.
 */
import { scoreTable } from '$lib/model/score';
import { effectiveModels, segmentGroups } from '$lib/model/segments';
import type { ColumnTable, Model, ScoreResult } from '$lib/model/types';

export interface DimensionChange {
	id: string;
	name: string;
	/** Contribution at the earlier date (earlier model) and at the later date (later model). */
	from: number;
	to: number;
	customer: number;
	formula: number;
}

export interface ChangeSplit {
	/** Accounts in the figures (one, or the portfolio's matched accounts). */
	accounts: number;
	fromScore: number;
	toScore: number;
	customer: number;
	formula: number;
	dimensions: DimensionChange[];
}

export interface AccountChange extends ChangeSplit {
	/** Account index (the caller's). */
	account: number;
}

export interface ChangeResult {
	portfolio: ChangeSplit;
	/** The accounts whose score moved most (either way), largest first. */
	movers: AccountChange[];
}

/** Per dimension of `model` and row: contribution to the score (NaN when not scored). */
export function contributions(
	model: Model,
	table: ColumnTable,
	r: ScoreSummaryRows
): Float64Array[] {
	const groups = segmentGroups(model, table);
	const eff = effectiveModels(model);
	const D = model.dimensions.length;
	const out = Array.from({ length: D }, () => new Float64Array(r.n).fill(NaN));
	for (let i = 0; i < r.n; i++) {
		if (!Number.isFinite(r.score[i]!)) continue;
		const m = eff[groups ? groups[i]! : 0]!;
		let den = 0;
		for (let d = 0; d < D; d++) {
			const w = m.dimensions[d]!.weight;
			if (w > 0 && Number.isFinite(r.dimensions[d]![i]!)) den += w;
		}
		for (let d = 0; d < D; d++) {
			const w = m.dimensions[d]!.weight;
			const s = r.dimensions[d]![i]!;
			out[d]![i] = w > 0 && Number.isFinite(s) ? (w * s) / den : 0;
		}
	}
	return out;
}

/** One population at one date: its table and each row's account index. */
export interface DatedRows {
	table: ColumnTable;
	account: ArrayLike<number>;
}

/** The split (see the module note) for the portfolio and the `top` largest movers. */
export function changeSplit(
	fromModel: Model,
	toModel: Model,
	from: DatedRows,
	to: DatedRows,
	top = 20
): ChangeResult {
	const rAB = scoreTable(fromModel, to.table);
	// Same model (no earlier version to compare with): the later rows score the same twice.
	const scored = {
		rA: scoreTable(fromModel, from.table),
		rAB,
		rB: toModel === fromModel ? rAB : scoreTable(toModel, to.table)
	};
	return changeSplitScored(fromModel, toModel, from, to, scored, top);
}

/** The rows' scores {@link changeSplit} needs: rA = M_from on data_from, rAB = M_from on data_to, rB = M_to on data_to. */
export interface ScoredDates {
	rA: ScoreSummaryRows;
	rAB: ScoreSummaryRows;
	rB: ScoreSummaryRows;
}

/** What the split reads of a scoring: the score and dimension scores per row. */
export type ScoreSummaryRows = Pick<ScoreResult, 'n' | 'score' | 'dimensions'>;

/**
 * {@link changeSplit} from scores already computed (e.g. by the score history, which scores each
 * date the same way, bit for bit). The tables need only the models' segment column.
 */
export function changeSplitScored(
	fromModel: Model,
	toModel: Model,
	from: DatedRows,
	to: DatedRows,
	{ rA, rAB, rB }: ScoredDates,
	top = 20
): ChangeResult {
	const same = rB === rAB && toModel === fromModel;
	const cA = contributions(fromModel, from.table, rA);
	const cAB = contributions(fromModel, to.table, rAB);
	const cB = same ? cAB : contributions(toModel, to.table, rB);
	// Dimensions of both models by id (earlier model's order, then new ones).
	const ids: { id: string; name: string; a: number; b: number }[] = fromModel.dimensions.map(
		(d, k) => ({ id: d.id, name: d.name, a: k, b: -1 })
	);
	toModel.dimensions.forEach((d, k) => {
		const hit = ids.find((x) => x.id === d.id);
		if (hit) hit.b = k;
		else ids.push({ id: d.id, name: d.name, a: -1, b: k });
	});
	const rowOf = new Map<number, number>();
	for (let i = 0; i < from.table.n; i++)
		if (Number.isFinite(rA.score[i]!)) rowOf.set(from.account[i]!, i);
	const at = (c: Float64Array[], k: number, i: number) => (k < 0 ? 0 : c[k]![i]!);
	const split = (pairs: [number, number][]): ChangeSplit => {
		const dims = ids.map((x) => ({
			id: x.id,
			name: x.name,
			from: 0,
			to: 0,
			customer: 0,
			formula: 0
		}));
		let fromScore = 0;
		let toScore = 0;
		for (const [i, j] of pairs) {
			fromScore += rA.score[i]!;
			toScore += rB.score[j]!;
			ids.forEach((x, k) => {
				const a = at(cA, x.a, i);
				const ab = at(cAB, x.a, j);
				const b = at(cB, x.b, j);
				const d = dims[k]!;
				d.from += a;
				d.to += b;
				d.customer += ab - a;
				d.formula += b - ab;
			});
		}
		const n = pairs.length;
		const mean = (x: number) => (n ? x / n : NaN);
		const dimensions = dims.map((d) => ({
			...d,
			from: mean(d.from),
			to: mean(d.to),
			customer: mean(d.customer),
			formula: mean(d.formula)
		}));
		return {
			accounts: n,
			fromScore: mean(fromScore),
			toScore: mean(toScore),
			customer: dimensions.reduce((s, d) => s + d.customer, 0),
			formula: dimensions.reduce((s, d) => s + d.formula, 0),
			dimensions
		};
	};
	const pairs: [number, number][] = [];
	for (let j = 0; j < to.table.n; j++) {
		const i = rowOf.get(to.account[j]!);
		if (i === undefined || !Number.isFinite(rAB.score[j]!) || !Number.isFinite(rB.score[j]!))
			continue;
		pairs.push([i, j]);
	}
	const moved = pairs
		.map((p) => ({ p, d: Math.abs(rB.score[p[1]]! - rA.score[p[0]]!) }))
		.sort((x, y) => y.d - x.d)
		.slice(0, top);
	return {
		portfolio: split(pairs),
		movers: moved.map(({ p }) => ({ ...split([p]), account: to.account[p[1]]! }))
	};
}
