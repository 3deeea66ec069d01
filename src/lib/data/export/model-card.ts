/**
 * The one-page model card: a model turned into plain-language sections (inputs and why, weights
 * as normalised percentages, schemes in words, tiers with their playbooks, the latest backtest).
 * Pure: the version, the date and the backtest figures are passed in (no clock here).
 */
import { MISSING_POINTS } from '$lib/model/engine/constants';
import { completePlaybooks } from '$lib/model/playbooks';
import { borrowedIdentity } from '$lib/model/templates';
import type { FlagKind, Metric, Model, Playbook, Scheme } from '$lib/model/types';

/** A percentage for display: whole when whole, else one decimal (`33.3`). */
export function pct(share: number): string {
	const x = Math.round(share * 1000) / 10;
	return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/** A number with its unit: `20 %`, `2 tickets`, `-50 %`, `7`. */
export function withUnit(x: number, unit?: string): string {
	const n = String(Number(x.toFixed(6)));
	return unit ? `${n} ${unit}` : n;
}

function bandsText(s: Extract<Scheme, { kind: 'bands' }>, unit?: string): string {
	const ups = s.bands.map((b) => b.upTo).filter((u): u is number => u !== null);
	const counts = ups.every((u) => Number.isInteger(u) && u >= 0) && unit !== '%';
	const parts = s.bands.map((b, i) => {
		const prev = i === 0 ? null : s.bands[i - 1]!.upTo;
		let range: string;
		if (counts) {
			const lo = prev === null ? 0 : prev + 1;
			if (b.upTo === null) range = `${lo}+`;
			else range = lo === b.upTo ? String(lo) : `${lo}–${b.upTo}`;
		} else if (b.upTo === null) range = prev === null ? 'any value' : `above ${withUnit(prev)}`;
		else if (prev === null) range = `up to ${withUnit(b.upTo)}`;
		else range = `above ${withUnit(prev)} up to ${withUnit(b.upTo)}`;
		if (i === 0 && unit) range += ` ${unit}`;
		return `${range} → ${withUnit(b.points)}${i === 0 ? ' points' : ''}`;
	});
	return parts.join(', ');
}

/**
 * A scheme in plain words, e.g. `0–2 tickets → 100 points, 3–5 → 60, 6+ → 20` or
 * `20 % or less → 0 points, 90 % or more → 100, in a straight line between`.
 */
export function describeScheme(metric: Pick<Metric, 'scheme' | 'unit' | 'direction'>): string {
	const s = metric.scheme;
	const u = metric.unit;
	switch (s.kind) {
		case 'linear': {
			const [lo, hi] = s.best >= s.worst ? [s.worst, s.best] : [s.best, s.worst];
			const [loPts, hiPts] = s.best >= s.worst ? [0, 100] : [100, 0];
			return `${withUnit(lo, u)} or less → ${loPts} points, ${withUnit(hi, u)} or more → ${hiPts}, in a straight line between`;
		}
		case 'bands':
			return bandsText(s, u);
		case 'percentile':
			return `Rank among ${s.within === 'segment' ? 'the accounts of the same segment' : 'all accounts'} → 0–100 points (${metric.direction === 'higher' ? 'highest' : 'lowest'} value scores 100)`;
		case 'boolean':
			return `Yes → ${withUnit(s.truePoints)} points, no → ${withUnit(s.falsePoints)}`;
		case 'category': {
			const items = s.map.map(
				(c, i) => `${c.value} → ${withUnit(c.points)}${i === 0 ? ' points' : ''}`
			);
			items.push(
				s.otherPoints === null
					? 'other values count as missing'
					: `other values → ${withUnit(s.otherPoints)}`
			);
			return items.join(', ');
		}
		case 'manual':
			return `Scored by hand from 0 to ${withUnit(s.max)} (${withUnit(s.max)} = 100 points)`;
	}
}

const MISSING_TEXT: Record<Metric['missing'], string> = {
	exclude: 'left out; the rest re-weighted',
	zero: `counts as ${MISSING_POINTS.zero} points`,
	neutral: `counts as ${MISSING_POINTS.neutral} points`
};

/** Plain-language names of flag kinds. */
export const FLAG_NAMES: Record<FlagKind, string> = {
	'dimension-below-floor': 'A dimension below its floor',
	'score-drop': 'Score dropped',
	'metric-trend': 'Usage trending down',
	override: 'Tier set by hand (override)'
};

/** Headline figures of the latest backtest, as shown on the card. */
export interface BacktestFigures {
	/** E.g. `as of 2025-06-01, churn within 180 days`. */
	setting: string;
	accounts: number;
	churners: number;
	auc: number;
	aucLo: number;
	aucHi: number;
	ks: number;
	/** Share 0–1 of churners caught by the at-risk tiers. */
	caught: number;
	tiers: { name: string; accounts: number; churnRate: number }[];
}

export interface CardMetric {
	name: string;
	column: string;
	/** Share of the metric inside its dimension, %. */
	weightPct: string;
	/** Share of the whole score, %. */
	scorePct: string;
	direction: string;
	scheme: string;
	missing: string;
	timing: string;
	why: string;
}

export interface CardDimension {
	name: string;
	weightPct: string;
	floor: number | null;
	metrics: CardMetric[];
}

export interface CardTier {
	name: string;
	color: string;
	/** Shown-score range, e.g. `50–79`. */
	range: string;
	action: string;
	playbook: Pick<Playbook, 'action' | 'owner' | 'dueDays'> | null;
}

export interface ModelCard {
	/** The model's name; `Unnamed model` when it is still a template's name but not that template. */
	title: string;
	/** The model's description; empty when it is a template's text but not that template. */
	description: string;
	/** Why the template's name or description is left out (shown on screen, not printed), or null. */
	identityNote: string | null;
	version: string;
	date: string;
	dimensions: CardDimension[];
	tiers: CardTier[];
	flags: { name: string; action: string; owner: string; dueDays: number }[];
	/** One sentence on coverage and segments. */
	rules: string[];
	backtest: BacktestFigures | null;
	/** Ready-to-ship lines from the Validation screen (same model), or null. */
	ready: CardReadyLine[] | null;
	/** The workshop's decision log (what, who, when as `YYYY-MM-DD HH:MM UTC`), oldest first. */
	decisions: CardDecision[];
}

/** One decision from the workshop's log, as printed on the card. */
export interface CardDecision {
	what: string;
	who: string;
	when: string;
}

/** One ready-to-ship line on the card: what was checked, pass / fail / unknown, and the figure. */
export interface CardReadyLine {
	check: string;
	status: 'pass' | 'fail' | 'unknown';
	detail: string;
}

/** Shown-score range of each tier (best first): `80–100`, `50–79`, `0–49`. */
export function tierRanges(mins: readonly number[]): string[] {
	return mins.map((m, i) => {
		const lo = Math.ceil(m);
		const hi = i === 0 ? 100 : Math.ceil(mins[i - 1]!) - 1;
		return lo >= hi ? String(lo) : `${lo}–${hi}`;
	});
}

/** Card title of a model still named after a template it no longer is. */
export const UNNAMED = 'Unnamed model';

/** Build the card from a model; `version` and `date` are shown as given. */
export function buildModelCard(
	model: Model,
	meta: {
		version: string;
		date: string;
		backtest?: BacktestFigures | null;
		ready?: CardReadyLine[] | null;
		/** The workshop's decision log (`when` already worded). */
		decisions?: readonly CardDecision[];
	}
): ModelCard {
	const totalDim = model.dimensions.reduce((a, d) => a + Math.max(0, d.weight), 0);
	const dimensions = model.dimensions.map((d) => {
		const dShare = totalDim > 0 ? Math.max(0, d.weight) / totalDim : 0;
		const inside = d.metrics.reduce((a, m) => a + Math.max(0, m.weight), 0);
		return {
			name: d.name,
			weightPct: pct(dShare),
			floor: d.floor ?? null,
			metrics: d.metrics.map((m) => {
				const mShare = inside > 0 ? Math.max(0, m.weight) / inside : 0;
				return {
					name: m.name,
					column: m.column,
					weightPct: pct(mShare),
					scorePct: pct(dShare * mShare),
					direction: m.direction === 'higher' ? 'higher is better' : 'lower is better',
					scheme: describeScheme(m),
					missing: MISSING_TEXT[m.missing],
					timing: m.timing,
					why: m.why?.trim() || ''
				};
			})
		};
	});
	const playbooks = completePlaybooks(model);
	const ranges = tierRanges(model.tiers.map((t) => t.min));
	const tiers = model.tiers.map((t, i) => {
		const p = playbooks.find((x) => 'tier' in x.trigger && x.trigger.tier === t.id);
		return {
			name: t.name,
			color: t.color,
			range: ranges[i] ?? '',
			action: t.action,
			playbook: p ? { action: p.action, owner: p.owner, dueDays: p.dueDays } : null
		};
	});
	const flags = playbooks.flatMap((p) =>
		'flag' in p.trigger
			? [{ name: FLAG_NAMES[p.trigger.flag], action: p.action, owner: p.owner, dueDays: p.dueDays }]
			: []
	);
	const rules = [
		`An account needs ${pct(model.minCoverage)} % of the model's weight backed by data to be scored; below that it is shown as not scored, never as ${model.tiers.at(-1)?.name ?? 'the worst tier'}.`,
		'Tiers are decided on the score rounded half up to a whole number.'
	];
	if (model.segments && model.segments.overrides.length > 0)
		rules.push(
			`Segments by ${model.segments.column}: ${model.segments.overrides.map((o) => o.value).join(', ')} have their own weights or tiers.`
		);
	const borrowed = borrowedIdentity(model);
	return {
		title: borrowed?.name ? UNNAMED : model.name,
		description: borrowed?.description ? '' : (model.description ?? ''),
		identityNote: borrowed
			? `This model started from a template and has changed since, so the template's ${borrowed.name && borrowed.description ? 'name and description are' : borrowed.name ? 'name is' : 'description is'} not shown on its card. Give it its own on the Model screen.`
			: null,
		version: meta.version,
		date: meta.date,
		dimensions,
		tiers,
		flags,
		rules,
		backtest: meta.backtest ?? null,
		ready: meta.ready ?? null,
		decisions: [...(meta.decisions ?? [])]
	};
}

// --- backtest figures from a run or a saved report --------------------------------------------

function rec(x: unknown): Record<string, unknown> | null {
	return typeof x === 'object' && x !== null && !Array.isArray(x)
		? (x as Record<string, unknown>)
		: null;
}

function numAt(o: Record<string, unknown> | null, ...path: string[]): number {
	let cur: unknown = o;
	for (const k of path) cur = rec(cur)?.[k];
	return typeof cur === 'number' ? cur : NaN;
}

function isoDay(day: number): string {
	return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Headline figures from a backtest run result or a saved report document (both hold
 * `report`, `asOfDay`, `horizonDays`, `mode`). Reads defensively (saved JSON is untrusted and has
 * NaN written as null); null when there is no usable AUC.
 */
export function backtestFigures(doc: unknown): BacktestFigures | null {
	const d = rec(doc);
	const report = rec(d?.report);
	if (!d || !report) return null;
	const auc = numAt(report, 'auc', 'estimate');
	if (!Number.isFinite(auc)) return null;
	const asOf = numAt(d, 'asOfDay');
	const horizon = numAt(d, 'horizonDays');
	const setting =
		d.mode === 'point-in-time' && Number.isFinite(asOf) && Number.isFinite(horizon)
			? `as of ${isoDay(asOf)}, churn within ${horizon} days`
			: 'one row per account, churned or not';
	const rows = rec(report.tiers)?.rows;
	const tiers = Array.isArray(rows)
		? rows.flatMap((r) => {
				const t = rec(r);
				return t && typeof t.name === 'string'
					? [
							{
								name: t.name,
								accounts: numAt(t, 'accounts'),
								churnRate: numAt(t, 'churnRate', 'rate')
							}
						]
					: [];
			})
		: [];
	return {
		setting,
		accounts: numAt(report, 'n'),
		churners: numAt(report, 'positives'),
		auc,
		aucLo: numAt(report, 'auc', 'lo'),
		aucHi: numAt(report, 'auc', 'hi'),
		ks: numAt(report, 'ks', 'value'),
		caught: numAt(report, 'tiers', 'caught', 'rate'),
		tiers
	};
}

/**
 * The model as the JSON file the app imports (`validateModel` accepts it back unchanged):
 * pretty-printed with two spaces, newline at the end.
 */
export function modelJson(model: Model): string {
	return `${JSON.stringify(model, null, 2)}\n`;
}
