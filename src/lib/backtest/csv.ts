/**
 * CSV row builders for each report table: arrays of rows of plain strings, header first.
 * Numbers are written with enough digits to round-trip (`String(x)`); NaN / ±Infinity as ''.
 * Quoting and spreadsheet formula escaping are left to the export layer.
 */
import type { CalibrationResult } from './calibration';
import type { LiftRow } from './lift';
import type { RocPoint } from './metrics';
import type { MetricPowerRow } from './power';
import type { CutPoint } from './thresholds';
import type { ConfusionMatrix, TierReport } from './tiers';

/** Rows of cells; the first row is the header. */
export type CsvRows = string[][];

/** A number as a CSV cell ('' when not finite). */
export function num(x: number): string {
	return Number.isFinite(x) ? String(x) : '';
}

/** Per-tier table. */
export function tierTableCsv(t: TierReport): CsvRows {
	const rows: CsvRows = [
		[
			'tier_id',
			'tier',
			'accounts',
			'churners',
			'churn_rate',
			'churn_rate_lo95',
			'churn_rate_hi95',
			'lift',
			'account_share',
			'churner_share',
			'at_risk'
		]
	];
	for (const r of t.rows) {
		rows.push([
			r.id,
			r.name,
			num(r.accounts),
			num(r.churners),
			num(r.churnRate.rate),
			num(r.churnRate.lo),
			num(r.churnRate.hi),
			num(r.lift),
			num(r.accountShare),
			num(r.churnerShare),
			t.atRisk.includes(r.index) ? 'yes' : 'no'
		]);
	}
	return rows;
}

/** Confusion matrix as label/value pairs. */
export function confusionCsv(c: ConfusionMatrix): CsvRows {
	return [
		['measure', 'value', 'lo95', 'hi95'],
		['true_positives', num(c.tp), '', ''],
		['false_positives', num(c.fp), '', ''],
		['false_negatives', num(c.fn), '', ''],
		['true_negatives', num(c.tn), '', ''],
		['precision', num(c.precision.rate), num(c.precision.lo), num(c.precision.hi)],
		['recall', num(c.recall.rate), num(c.recall.lo), num(c.recall.hi)],
		['specificity', num(c.specificity.rate), num(c.specificity.lo), num(c.specificity.hi)],
		['false_positive_rate', num(c.falsePositiveRate), '', ''],
		['accuracy', num(c.accuracy), '', '']
	];
}

/** Decile (lift) table. */
export function decileCsv(rows: readonly LiftRow[]): CsvRows {
	const out: CsvRows = [
		[
			'decile',
			'accounts',
			'churners',
			'churn_rate',
			'lift',
			'cum_account_share',
			'cum_churner_share',
			'cum_lift',
			'min_score',
			'max_score'
		]
	];
	for (const r of rows) {
		out.push([
			String(r.bin),
			num(r.accounts),
			num(r.churners),
			num(r.churnRate),
			num(r.lift),
			num(r.cumAccountShare),
			num(r.cumChurnerShare),
			num(r.cumLift),
			num(r.minScore),
			num(r.maxScore)
		]);
	}
	return out;
}

/** Calibration by score band. */
export function calibrationCsv(c: CalibrationResult): CsvRows {
	const out: CsvRows = [
		[
			'band_lo',
			'band_hi',
			'accounts',
			'churners',
			'observed_rate',
			'observed_lo95',
			'observed_hi95',
			'mean_score',
			'mean_predicted'
		]
	];
	for (const b of c.bands) {
		out.push([
			num(b.lo),
			num(b.hi),
			num(b.accounts),
			num(b.churners),
			num(b.observed.rate),
			num(b.observed.lo),
			num(b.observed.hi),
			num(b.meanScore),
			num(b.meanPredicted)
		]);
	}
	return out;
}

/** ROC curve points (threshold = highest score flagged). */
export function rocCsv(points: readonly RocPoint[]): CsvRows {
	return [
		['threshold', 'false_positive_rate', 'true_positive_rate'],
		...points.map((p) => [num(p.threshold), num(p.fpr), num(p.tpr)])
	];
}

/** Per-metric predictive power. */
export function metricPowerCsv(rows: readonly MetricPowerRow[]): CsvRows {
	return [
		['metric_id', 'metric', 'direction', 'auc', 'strength', 'agrees', 'missing_share', 'n'],
		...rows.map((r) => [
			r.id,
			r.name,
			r.direction,
			num(r.auc),
			num(r.strength),
			r.agrees ? 'yes' : 'no',
			num(r.missingShare),
			num(r.n)
		])
	];
}

/** Candidate red cuts (frontier or full sweep). */
export function cutsCsv(points: readonly (CutPoint & { cost?: number })[]): CsvRows {
	return [
		['red_below', 'flagged', 'caught', 'flagged_share', 'caught_share', 'cost'],
		...points.map((p) => [
			num(p.cut),
			num(p.flagged),
			num(p.caught),
			num(p.flaggedShare),
			num(p.caughtShare),
			p.cost === undefined ? '' : num(p.cost)
		])
	];
}
