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
	const rowOf = rowLookup(from.account, rA.score);
	// Per dimension of `ids`: its contribution columns (null = the model lacks it, counts 0).
	const colA = ids.map((x) => (x.a < 0 ? null : cA[x.a]!));
	const colAB = ids.map((x) => (x.a < 0 ? null : cAB[x.a]!));
	const colB = ids.map((x) => (x.b < 0 ? null : cB[x.b]!));
	/** The split over the pairs (rows I[p] at the earlier date, J[p] at the later one). */
	const split = (I: ArrayLike<number>, J: ArrayLike<number>): ChangeSplit => {
		const n = I.length;
		let fromScore = 0;
		let toScore = 0;
		for (let p = 0; p < n; p++) {
			fromScore += rA.score[I[p]!]!;
			toScore += rB.score[J[p]!]!;
		}
		const mean = (x: number) => (n ? x / n : NaN);
		// Each sum adds the pairs in order, as one pass over the pairs per dimension would.
		const dimensions = ids.map((x, k) => {
			const ca = colA[k];
			const cab = colAB[k];
			const cb = colB[k];
			let from = 0;
			let to = 0;
			let customer = 0;
			let formula = 0;
			for (let p = 0; p < n; p++) {
				const i = I[p]!;
				const j = J[p]!;
				const a = ca ? ca[i]! : 0;
				const ab = cab ? cab[j]! : 0;
				const b = cb ? cb[j]! : 0;
				from += a;
				to += b;
				customer += ab - a;
				formula += b - ab;
			}
			return {
				id: x.id,
				name: x.name,
				from: mean(from),
				to: mean(to),
				customer: mean(customer),
				formula: mean(formula)
			};
		});
		return {
			accounts: n,
			fromScore: mean(fromScore),
			toScore: mean(toScore),
			customer: dimensions.reduce((s, d) => s + d.customer, 0),
			formula: dimensions.reduce((s, d) => s + d.formula, 0),
			dimensions
		};
	};
	const I = new Int32Array(to.table.n);
	const J = new Int32Array(to.table.n);
	let m = 0;
	for (let j = 0; j < to.table.n; j++) {
		const i = rowOf(to.account[j]!);
		if (i < 0 || !Number.isFinite(rAB.score[j]!) || !Number.isFinite(rB.score[j]!)) continue;
		I[m] = i;
		J[m++] = j;
	}
	// The `top` largest moves, largest first, ties in pair order (what a stable sort keeps).
	const best: { p: number; d: number }[] = [];
	for (let p = 0; p < m && top > 0; p++) {
		const d = Math.abs(rB.score[J[p]!]! - rA.score[I[p]!]!);
		if (best.length === top && !(d > best[top - 1]!.d)) continue;
		let k = best.length;
		while (k > 0 && best[k - 1]!.d < d) k--;
		best.splice(k, 0, { p, d });
		if (best.length > top) best.pop();
	}
	return {
		portfolio: split(I.subarray(0, m), J.subarray(0, m)),
		movers: best.map(({ p }) => ({
			...split([I[p]!], [J[p]!]),
			account: to.account[J[p]!]!
		}))
	};
}

/**
 * Row of each account among the scored rows (the last such row wins); −1 when none. A typed
 * table for small whole-number account indexes, else a Map.
 */
function rowLookup(account: ArrayLike<number>, score: ArrayLike<number>): (a: number) => number {
	let max = -1;
	let dense = true;
	for (let i = 0; i < account.length && dense; i++) {
		const a = account[i]!;
		if (!Number.isInteger(a) || a < 0 || a > 4 * account.length + 1024) dense = false;
		else if (a > max) max = a;
	}
	if (dense) {
		const row = new Int32Array(max + 1).fill(-1);
		for (let i = 0; i < account.length; i++) if (Number.isFinite(score[i]!)) row[account[i]!] = i;
		return (a) => (Number.isInteger(a) && a >= 0 && a <= max ? row[a]! : -1);
	}
	const map = new Map<number, number>();
	for (let i = 0; i < account.length; i++) if (Number.isFinite(score[i]!)) map.set(account[i]!, i);
	return (a) => map.get(a) ?? -1;
}
