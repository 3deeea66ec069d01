/**
 * The one-page model card: a model turned into plain-language sections (inputs and why, weights
 * as normalised percentages, schemes in words, tiers with their playbooks, the latest backtest).
 * Worded in one language (`card.*` in `lib/i18n/catalog/card`; English by default): the screen
 * asks for the UI language, and the printed card is the screen's.
 * Pure: the version, the date and the backtest figures are passed in (no clock here).
 */
import type { ReadyId, ReadyNote } from '$lib/backtest/ready';
import { cardEn, cardJa } from '$lib/i18n/catalog/card';
import { interpolate, type Locale } from '$lib/i18n/locale-pick';
import { MISSING_POINTS } from '$lib/model/engine/constants';
import { completePlaybooks } from '$lib/model/playbooks';
import { borrowedIdentity } from '$lib/model/templates';
import type { FlagKind, Metric, Model, Playbook, Scheme } from '$lib/model/types';

type CardKey = keyof typeof cardEn;
const WORDS: Record<Locale, Record<CardKey, string>> = { en: cardEn, ja: cardJa };
type Say = (key: CardKey, params?: Record<string, string | number>) => string;

/** The card's words in `locale`. */
export function cardWords(locale: Locale = 'en'): Say {
	return (key, params) => interpolate(WORDS[locale][key], params);
}

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

function bandsText(s: Extract<Scheme, { kind: 'bands' }>, say: Say, unit?: string): string {
	const ups = s.bands.map((b) => b.upTo).filter((u): u is number => u !== null);
	const counts = ups.every((u) => Number.isInteger(u) && u >= 0) && unit !== '%';
	const parts = s.bands.map((b, i) => {
		const prev = i === 0 ? null : s.bands[i - 1]!.upTo;
		let range: string;
		if (counts) {
			const lo = prev === null ? 0 : prev + 1;
			if (b.upTo === null) range = `${lo}+`;
			else range = lo === b.upTo ? String(lo) : `${lo}–${b.upTo}`;
		} else if (b.upTo === null)
			range = prev === null ? say('card.band.any') : say('card.band.above', { x: withUnit(prev) });
		else if (prev === null) range = say('card.band.upTo', { x: withUnit(b.upTo) });
		else range = say('card.band.between', { lo: withUnit(prev), hi: withUnit(b.upTo) });
		if (i === 0 && unit) range += ` ${unit}`;
		return say(i === 0 ? 'card.item.first' : 'card.item', {
			what: range,
			points: withUnit(b.points)
		});
	});
	return parts.join(say('card.sep'));
}

/**
 * A scheme in plain words, e.g. `0–2 tickets → 100 points, 3–5 → 60, 6+ → 20` or
 * `20 % or less → 0 points, 90 % or more → 100, in a straight line between`.
 */
export function describeScheme(
	metric: Pick<Metric, 'scheme' | 'unit' | 'direction'>,
	say: Say = cardWords()
): string {
	const s = metric.scheme;
	const u = metric.unit;
	switch (s.kind) {
		case 'linear': {
			const [lo, hi] = s.best >= s.worst ? [s.worst, s.best] : [s.best, s.worst];
			const [loPts, hiPts] = s.best >= s.worst ? [0, 100] : [100, 0];
			return say('card.linear', { lo: withUnit(lo, u), loPts, hi: withUnit(hi, u), hiPts });
		}
		case 'bands':
			return bandsText(s, say, u);
		case 'percentile':
			return say('card.percentile', {
				within: say(s.within === 'segment' ? 'card.within.segment' : 'card.within.portfolio'),
				end: say(metric.direction === 'higher' ? 'card.end.highest' : 'card.end.lowest')
			});
		case 'boolean':
			return say('card.boolean', {
				yes: withUnit(s.truePoints),
				no: withUnit(s.falsePoints)
			});
		case 'category': {
			const items = s.map.map((c, i) =>
				say(i === 0 ? 'card.item.first' : 'card.item', {
					what: c.value,
					points: withUnit(c.points)
				})
			);
			items.push(
				s.otherPoints === null
					? say('card.other.missing')
					: say('card.other', { points: withUnit(s.otherPoints) })
			);
			return items.join(say('card.sep'));
		}
		case 'manual':
			return say('card.manual', { max: withUnit(s.max) });
	}
}

function missingText(missing: Metric['missing'], say: Say): string {
	return missing === 'exclude'
		? say('card.missing.exclude')
		: say('card.missing.points', { points: MISSING_POINTS[missing] });
}

/** Plain-language names of flag kinds. */
export const FLAG_NAMES: Record<FlagKind, string> = {
	'dimension-below-floor': 'A dimension below its floor',
	'score-drop': 'Score dropped',
	'metric-trend': 'Usage trending down',
	override: 'Tier set by hand (override)'
};

/** Headline figures of the latest backtest, as shown on the card. */
export interface BacktestFigures {
	/** Point in time: the as-of date (`YYYY-MM-DD`) and horizon; null for one row per account. */
	pit: { asOf: string; horizonDays: number } | null;
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
	/** The latest backtest's figures and its setting in words, or null. */
	backtest: (BacktestFigures & { setting: string }) | null;
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
	/** The check and what it measured as codes, for the screen to say in its language. */
	id?: ReadyId;
	note?: ReadyNote;
}

/** The model's latest saved version (null: none yet) and whether it was edited since. */
export interface CardVersion {
	saved: number | null;
	edited: boolean;
}

/** Shown-score range of each tier (best first): `80–100`, `50–79`, `0–49`. */
export function tierRanges(mins: readonly number[]): string[] {
	return mins.map((m, i) => {
		const lo = Math.ceil(m);
		const hi = i === 0 ? 100 : Math.ceil(mins[i - 1]!) - 1;
		return lo >= hi ? String(lo) : `${lo}–${hi}`;
	});
}

/** Card title of a model still named after a template it no longer is (in English). */
export const UNNAMED = cardEn['card.unnamed'];

/**
 * Build the card from a model in `meta.locale` (English by default); `date` and a `version`
 * given as text are shown as given.
 */
export function buildModelCard(
	model: Model,
	meta: {
		version: string | CardVersion;
		date: string;
		locale?: Locale;
		backtest?: BacktestFigures | null;
		ready?: CardReadyLine[] | null;
		/** The workshop's decision log (`when` already worded). */
		decisions?: readonly CardDecision[];
	}
): ModelCard {
	const say = cardWords(meta.locale);
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
					direction: say(m.direction === 'higher' ? 'card.higher' : 'card.lower'),
					scheme: describeScheme(m, say),
					missing: missingText(m.missing, say),
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
		say('card.rule.coverage', {
			pct: pct(model.minCoverage),
			worst: model.tiers.at(-1)?.name ?? say('card.rule.worst')
		}),
		say('card.rule.rounding')
	];
	if (model.segments && model.segments.overrides.length > 0)
		rules.push(
			say('card.rule.segments', {
				column: model.segments.column,
				values: model.segments.overrides.map((o) => o.value).join(say('card.sep'))
			})
		);
	const borrowed = borrowedIdentity(model);
	const v = meta.version;
	const b = meta.backtest ?? null;
	return {
		title: borrowed?.name ? say('card.unnamed') : model.name,
		description: borrowed?.description ? '' : (model.description ?? ''),
		identityNote: borrowed
			? say(
					borrowed.name && borrowed.description
						? 'card.identity.both'
						: borrowed.name
							? 'card.identity.name'
							: 'card.identity.description'
				)
			: null,
		version:
			typeof v === 'string'
				? v
				: v.saved === null
					? say('card.version.none')
					: say(v.edited ? 'card.version.edited' : 'card.version', { n: v.saved }),
		date: meta.date,
		dimensions,
		tiers,
		flags,
		rules,
		backtest: b && {
			...b,
			setting: b.pit
				? say('card.setting.pit', { date: b.pit.asOf, days: b.pit.horizonDays })
				: say('card.setting.cross')
		},
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
	const pit =
		d.mode === 'point-in-time' && Number.isFinite(asOf) && Number.isFinite(horizon)
			? { asOf: isoDay(asOf), horizonDays: horizon }
			: null;
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
		pit,
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
