/**
 * Per-segment results ("small samples"): for each value of a segment column, the accounts, churn
 * events, churn rate and AUC of the model, beside the pooled model (the base model without
 * segment overrides) on the same accounts. A segment with fewer than `minEvents` churn events
 * (30 by default) carries a warning in words: its figures rest on too few churns to trust alone.
 */
import { rocAuc } from './metrics';

export const MIN_SEGMENT_EVENTS = 30;

export interface SegmentRow {
	/** Segment value as text; "(missing)" for rows without one. */
	value: string;
	/** Accounts with a known outcome (label 0 or 1). */
	accounts: number;
	/** Churn events (label 1). */
	events: number;
	churnRate: number;
	/** AUC of the model (with its segment overrides) within the segment. */
	auc: number;
	/** AUC of the pooled model (no overrides) within the segment. */
	pooledAuc: number;
	/** Warning in words when the segment has fewer than `minEvents` churn events; else null. */
	warning: string | null;
}

export interface SegmentReport {
	column: string;
	minEvents: number;
	rows: SegmentRow[];
	/** Every account together (the pooled figures the small segments should be read beside). */
	all: SegmentRow;
}

export const MISSING_SEGMENT = '(missing)';

/** The warning of a segment with `events` churn events, or null when it has enough. */
export function smallSegmentWarning(events: number, minEvents = MIN_SEGMENT_EVENTS): string | null {
	if (events >= minEvents) return null;
	const what = events === 1 ? '1 churn event' : `${events} churn events`;
	return `Only ${what} (fewer than ${minEvents}): this segment's figures rest on too few churns to trust on their own; read them beside the pooled model's.`;
}

/**
 * Per-segment report. `key[i]` is row i's segment (index into `names`, −1 = missing value);
 * `labels` 1 = churned, 0 = retained (other values are left out); `score` is the model's score
 * and `pooledScore` the pooled model's (the same array when the model has no overrides).
 * Segments are listed by accounts, largest first (ties by name).
 */
export function segmentReport(input: {
	column: string;
	key: Int32Array;
	names: readonly string[];
	labels: Uint8Array;
	score: Float64Array;
	pooledScore: Float64Array;
	minEvents?: number;
}): SegmentReport {
	const { key, names, labels, score, pooledScore } = input;
	const minEvents = input.minEvents ?? MIN_SEGMENT_EVENTS;
	const k = names.length;
	// Bucket k holds the missing value.
	const counts = new Int32Array(k + 1);
	for (let i = 0; i < key.length; i++) counts[key[i]! < 0 ? k : key[i]!]!++;
	const start = new Int32Array(k + 2);
	for (let g = 0; g <= k; g++) start[g + 1] = start[g]! + counts[g]!;
	const rows = new Int32Array(key.length);
	const fill = start.slice(0, k + 1);
	for (let i = 0; i < key.length; i++) rows[fill[key[i]! < 0 ? k : key[i]!]!++] = i;
	const row = (value: string, sub: Int32Array | undefined): SegmentRow => {
		let accounts = 0;
		let events = 0;
		const m = sub ? sub.length : labels.length;
		for (let j = 0; j < m; j++) {
			const l = labels[sub ? sub[j]! : j]!;
			if (l === 0 || l === 1) {
				accounts++;
				events += l;
			}
		}
		return {
			value,
			accounts,
			events,
			churnRate: accounts ? events / accounts : NaN,
			auc: rocAuc(score, labels, sub),
			pooledAuc: rocAuc(pooledScore, labels, sub),
			warning: smallSegmentWarning(events, minEvents)
		};
	};
	const out: SegmentRow[] = [];
	for (let g = 0; g <= k; g++) {
		if (counts[g] === 0) continue;
		out.push(row(g < k ? names[g]! : MISSING_SEGMENT, rows.subarray(start[g]!, start[g + 1]!)));
	}
	out.sort((a, b) => b.accounts - a.accounts || a.value.localeCompare(b.value));
	return { column: input.column, minEvents, rows: out, all: row('All accounts', undefined) };
}
