/**
 * Honest validation of a drafted model: k-fold cross-validated AUC of the whole drafting
 * procedure (bins, points, weights and tiers fitted on the training folds only, scored on the
 * held-out fold), beside a plain L2 logistic regression on the same columns and the same folds
 * (numbers standardised, missing values at the training mean, categories one-hot). Pure.
 */
import { assignFolds } from '$lib/backtest/fit';
import { fitLogistic } from '$lib/backtest/logistic';
import { rocAuc } from '$lib/backtest/metrics';
import { scoreTable } from '$lib/model/score';
import type { Column, ColumnTable } from '$lib/model/types';
import { draftModel, type DraftInput } from './draft';
import type { Labels } from './stats';

/** AUCs per held-out fold and their means. */
export interface DraftValidation {
	folds: number;
	draft: number[];
	logistic: number[];
	meanDraft: number;
	meanLogistic: number;
}

/** Penalty of the baseline logistic regression (mean log-loss scale, as in `fit.ts`). */
export const BASELINE_LAMBDA = 1e-3;

type Encoder = (i: number, out: Float64Array, at: number) => void;

/** Feature encoders for one column, learnt on the training rows. */
function encoder(column: Column, train: Int32Array): { width: number; encode: Encoder } {
	if (column.kind === 'category') {
		const seen = new Map<number, number>();
		for (const i of train) {
			const c = column.codes[i]!;
			if (c >= 0 && !seen.has(c)) seen.set(c, seen.size);
		}
		return {
			width: seen.size,
			encode: (i, out, at) => {
				for (let k = 0; k < seen.size; k++) out[at + k] = 0;
				const k = seen.get(column.codes[i]!);
				if (k !== undefined) out[at + k] = 1;
			}
		};
	}
	let s = 0;
	let s2 = 0;
	let c = 0;
	for (const i of train) {
		const x = column.values[i]!;
		if (Number.isFinite(x)) {
			s += x;
			s2 += x * x;
			c++;
		}
	}
	const mean = c ? s / c : 0;
	const sd = c > 1 ? Math.sqrt(Math.max(0, s2 / c - mean * mean)) : 0;
	return {
		width: 1,
		encode: (i, out, at) => {
			const x = column.values[i]!;
			out[at] = Number.isFinite(x) && sd > 0 ? (x - mean) / sd : 0;
		}
	};
}

/** Plain L2 logistic regression on `columns`: fitted on `train`, AUC on `test`. */
export function logisticAuc(
	table: ColumnTable,
	columns: readonly string[],
	labels: Labels,
	train: Int32Array,
	test: Int32Array,
	lambda = BASELINE_LAMBDA
): number {
	const encs = columns
		.map((name) => table.columns.get(name))
		.filter((c): c is Column => c !== undefined)
		.map((c) => encoder(c, train));
	const d = encs.reduce((a, e) => a + e.width, 0);
	const row = (i: number, out: Float64Array, at: number) => {
		let o = at;
		for (const e of encs) {
			e.encode(i, out, o);
			o += e.width;
		}
	};
	const x = new Float64Array(train.length * d);
	const y = new Uint8Array(train.length);
	train.forEach((i, t) => {
		row(i, x, t * d);
		y[t] = labels[i]!;
	});
	const fit = fitLogistic(x, y, train.length, d, { lambda });
	const health = new Float64Array(table.n).fill(NaN);
	const buf = new Float64Array(d);
	for (const i of test) {
		row(i, buf, 0);
		let eta = fit.intercept;
		for (let j = 0; j < d; j++) eta += fit.coef[j]! * buf[j]!;
		health[i] = -eta;
	}
	return rocAuc(health, labels, test);
}

/**
 * Cross-validate the draft against the baseline on the same stratified folds (seeded).
 * Needs labels with churners and non-churners.
 */
export function validateDraft(input: DraftInput, k = 5): DraftValidation {
	const labels = input.labels;
	if (!labels) throw new Error('validateDraft needs an outcome');
	const fold = assignFolds(labels, k, input.seed);
	const names = input.columns.map((c) => c.name);
	const draft: number[] = [];
	const logistic: number[] = [];
	for (let f = 0; f < k; f++) {
		const train: number[] = [];
		const test: number[] = [];
		for (let i = 0; i < labels.length; i++) {
			if (fold[i] === f) test.push(i);
			else if (fold[i]! >= 0) train.push(i);
		}
		const trainLabels = labels.map((y, i) => (fold[i] === f ? 255 : y));
		const d = draftModel({ ...input, labels: trainLabels });
		const testRows = Int32Array.from(test);
		draft.push(
			d.metrics.length ? rocAuc(scoreTable(d.model, input.table).score, labels, testRows) : 0.5
		);
		logistic.push(logisticAuc(input.table, names, labels, Int32Array.from(train), testRows));
	}
	const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
	return { folds: k, draft, logistic, meanDraft: mean(draft), meanLogistic: mean(logistic) };
}
