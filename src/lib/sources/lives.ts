/**
 * Accounts' lives: when each account is described and when it churned.
 *
 * An account enters the grid at its start: the start column (`time`) of an account-grain
 * source when given, else its first dated row in any source other than the churn log;
 * an account with no date at all is described at every T.
 *
 * Churn days come from the churn log (each row's date, distinct, ≤ end of data) or from the
 * period source (periods merged into covered stretches; a gap of more than `graceDays` ends one;
 * a stretch whose end is on or before the end of the data is a churn on that day).
 *
 * Reactivation `none`: life 1 runs from the start to the first churn; nothing after it counts.
 * `new-life`: after a churn, the account's next life starts on its return — the next stretch's
 * start (period-end), or its first dated row after the churn in any source other than the churn
 * log (churn-log) — and ends at its next churn on or after the return.
 */
import type { Resolution } from './build';
import type { Recipe } from './types';

/** One life: described at T with start ≤ T < end; `end` is its churn day (Infinity: none). */
export interface Life {
	number: number;
	start: number;
	end: number;
}

export function computeLives(recipe: Recipe, res: Resolution): Life[][] {
	const A = res.accountIds.length;
	const E = res.dataEndDay;
	const outcome = recipe.outcome;
	const churnSource = outcome.kind === 'churn-log' ? outcome.source : null;
	// Account start.
	const start = new Float64Array(A).fill(Infinity);
	for (const r of res.sources.values()) {
		if (r.spec.grain !== 'account' || !r.spec.time) continue;
		for (let i = 0; i < r.n; i++) {
			const a = r.acct[i]!;
			const d = r.day[i]!;
			if (a >= 0 && start[a] === Infinity && Number.isFinite(d)) start[a] = d;
		}
	}
	const firstSeen = new Float64Array(A).fill(Infinity);
	for (const r of res.sources.values()) {
		if (r.spec.name === churnSource || r.spec.grain === 'account') continue;
		for (let i = 0; i < r.n; i++) {
			if (!r.ok[i]) continue;
			const a = r.acct[i]!;
			const d = r.day[i]!;
			if (d < firstSeen[a]!) firstSeen[a] = d;
		}
	}
	for (let a = 0; a < A; a++) {
		if (start[a] === Infinity) start[a] = firstSeen[a]!;
		if (start[a] === Infinity) start[a] = -Infinity;
	}
	const lives: Life[][] = new Array<Life[]>(A);
	if (outcome.kind === 'none') {
		for (let a = 0; a < A; a++) lives[a] = [{ number: 1, start: start[a]!, end: Infinity }];
		return lives;
	}
	const reactivate = outcome.reactivation === 'new-life';
	if (outcome.kind === 'churn-log') {
		const r = res.sources.get(outcome.source)!;
		const col = r.src.table.columns.get(outcome.column);
		const churns: number[][] = Array.from({ length: A }, () => []);
		if (col && col.kind === 'number')
			for (let i = 0; i < r.n; i++) {
				const a = r.acct[i]!;
				const d = Math.floor(col.values[i]!);
				if (a >= 0 && Number.isFinite(d) && d <= E) churns[a]!.push(d);
			}
		for (const c of churns) c.sort((x, y) => x - y);
		// Activity days of churned accounts (returns), only when lives can restart.
		const activity: (number[] | null)[] = new Array<number[] | null>(A).fill(null);
		if (reactivate) {
			for (let a = 0; a < A; a++) if (churns[a]!.length) activity[a] = [];
			for (const s of res.sources.values()) {
				if (s.spec.name === churnSource || s.spec.grain === 'account') continue;
				for (let i = 0; i < s.n; i++) {
					if (!s.ok[i]) continue;
					const list = activity[s.acct[i]!];
					if (list) list.push(s.day[i]!);
				}
			}
			for (const l of activity) l?.sort((x, y) => x - y);
		}
		for (let a = 0; a < A; a++) {
			const c = churns[a]!;
			const act = activity[a];
			const out: Life[] = [];
			let s = start[a]!;
			let k = 0;
			for (let number = 1; ; number++) {
				while (k < c.length && c[k]! < s) k++;
				const end = k < c.length ? c[k]! : Infinity;
				out.push({ number, start: s, end });
				if (end === Infinity || !reactivate || !act) break;
				const ret = firstAfter(act, end);
				if (ret === null) break;
				s = ret;
				k++;
			}
			lives[a] = out;
		}
		return lives;
	}
	// period-end: merge each account's periods into stretches.
	const r = res.sources.get(outcome.source)!;
	const per: number[][] = Array.from({ length: A }, () => []);
	for (let i = 0; i < r.n; i++) if (r.ok[i]) per[r.acct[i]!]!.push(i);
	for (let a = 0; a < A; a++) {
		const rows = per[a]!;
		rows.sort((p, q) => r.day[p]! - r.day[q]!);
		const stretches: { start: number; end: number }[] = [];
		for (const i of rows) {
			const s = r.day[i]!;
			const e0 = r.end ? r.end[i]! : NaN;
			const e = Number.isNaN(e0) ? Infinity : e0;
			const last = stretches.at(-1);
			if (last && s <= last.end + outcome.graceDays) last.end = Math.max(last.end, e);
			else stretches.push({ start: s, end: e });
		}
		const out: Life[] = [];
		const churnOf = (e: number) => (e <= E ? e : Infinity);
		if (stretches.length === 0) out.push({ number: 1, start: start[a]!, end: Infinity });
		else {
			out.push({ number: 1, start: start[a]!, end: churnOf(stretches[0]!.end) });
			if (reactivate)
				for (let k = 1; k < stretches.length; k++)
					out.push({ number: k + 1, start: stretches[k]!.start, end: churnOf(stretches[k]!.end) });
		}
		lives[a] = out;
	}
	return lives;
}

/** First value > x in an ascending list, or null. */
function firstAfter(list: readonly number[], x: number): number | null {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (list[mid]! <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo < list.length ? list[lo]! : null;
}
