/**
 * Synthetic accounts CSV for benchmarks, as in PERFORMANCE.md: 12 columns, unquoted, LF endings,
 * 1,000,000 rows ≈ 64 MB. Seeded, so every run parses the same bytes.
 */
import { mulberry32, uniform } from '../src/lib/backtest/rng';

export const BENCH_METRICS = [
	'logins_30d',
	'active_users',
	'seats',
	'tickets_60d',
	'nps',
	'days_late',
	'feature_adoption_pct',
	'contract_value'
] as const;

const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise', 'Strategic'];

/** Build the CSV text in parts (one string per 50k rows) so memory stays flat while generating. */
export function syntheticCsvParts(rows: number, seed = 7): string[] {
	const rng = mulberry32(seed);
	const rnd = () => uniform(rng);
	const parts: string[] = [
		'account_id,segment,snapshot_date,' + BENCH_METRICS.join(',') + ',churned\n'
	];
	let buf: string[] = [];
	for (let i = 0; i < rows; i++) {
		const health = rnd();
		const seats = 5 + Math.floor(rnd() * 200);
		const active = Math.max(0, Math.round(seats * (0.2 + 0.7 * health + 0.1 * rnd())));
		const churned = rnd() < 0.55 - 0.5 * health ? 1 : 0;
		buf.push(
			`ACC-${String(i).padStart(8, '0')},${SEGMENTS[i & 3]},2026-0${1 + (i % 9)}-01,` +
				`${Math.round(60 * health + 10 * rnd())},${active},${seats},` +
				`${Math.round(8 * (1 - health) * rnd() * 2)},${Math.round(200 * health - 100 + 20 * rnd())},` +
				`${Math.round(40 * (1 - health) * rnd())},${(100 * health * (0.7 + 0.3 * rnd())).toFixed(1)},` +
				`${(1000 + 99000 * rnd()).toFixed(2)},${churned}\n`
		);
		if (buf.length === 50_000) {
			parts.push(buf.join(''));
			buf = [];
		}
	}
	if (buf.length) parts.push(buf.join(''));
	return parts;
}
