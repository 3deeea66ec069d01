/**
 * Pure geometry for the score gauge: a half circle from 0 (left) to 100 (right), drawn over the
 * top. Angles follow SVG coordinates (y grows downwards).
 */

/** A point on the gauge. */
export interface Point {
	x: number;
	y: number;
}

/** One coloured band of the gauge track, as fractions 0–1 of the 0–100 scale. */
export interface GaugeSegment {
	tierId: string;
	from: number;
	to: number;
}

/** Score (0–100, any finite number) → fraction of the sweep, clamped to [0, 1]. */
export function scoreFraction(score: number): number {
	if (!Number.isFinite(score)) return 0;
	return Math.min(1, Math.max(0, score / 100));
}

/** The point at fraction `f` of the sweep on a circle centred at (cx, cy) with radius r. */
export function gaugePoint(f: number, cx: number, cy: number, r: number): Point {
	const angle = Math.PI * (1 - f);
	return { x: cx + r * Math.cos(angle), y: cy - r * Math.sin(angle) };
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * SVG path for the arc between fractions f0 ≤ f1 (clockwise, over the top). A half circle at
 * most, so the large-arc flag is always 0. Empty string when the arc has no length.
 */
export function arcPath(f0: number, f1: number, cx: number, cy: number, r: number): string {
	const a = Math.min(1, Math.max(0, f0));
	const b = Math.min(1, Math.max(0, f1));
	if (b <= a) return '';
	const p0 = gaugePoint(a, cx, cy, r);
	const p1 = gaugePoint(b, cx, cy, r);
	return `M ${fmt(p0.x)} ${fmt(p0.y)} A ${fmt(r)} ${fmt(r)} 0 0 1 ${fmt(p1.x)} ${fmt(p1.y)}`;
}

/**
 * Track bands for tiers stored best first (highest `min` first): each tier spans from its `min`
 * up to the next better tier's `min` (or 100). Returned lowest first; empty bands are dropped.
 */
export function tierSegments(tiers: readonly { id: string; min: number }[]): GaugeSegment[] {
	const sorted = [...tiers].sort((x, y) => x.min - y.min);
	const out: GaugeSegment[] = [];
	sorted.forEach((t, i) => {
		const upper = sorted[i + 1]?.min ?? 100;
		const from = scoreFraction(t.min);
		const to = scoreFraction(upper);
		if (to > from) out.push({ tierId: t.id, from, to });
	});
	return out;
}

/**
 * Colour for a tier: the theme's variable for the standard green/yellow/red ids (so dark mode
 * keeps contrast), else the tier's own `#rrggbb`.
 */
export function tierColor(tier: { id: string; color: string }): string {
	const id = tier.id.toLowerCase();
	if (id === 'green' || id === 'yellow' || id === 'red') return `var(--${id})`;
	return /^#[0-9a-f]{6}$/i.test(tier.color) ? tier.color : 'var(--muted)';
}
