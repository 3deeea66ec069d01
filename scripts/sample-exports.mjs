/**
 * The sample portfolio as a team's raw exports (public/sample/exports/): the same simulated
 * world as portfolio.csv (same accounts, contracts, churners and monthly health), written the
 * way a CRM, a billing system, product analytics, a support desk and a churn log export it,
 * plus the recipe that turns them back into a modelling table (src/lib/sources).
 *
 * The world's monthly values (logins, active users, adoption, tickets, escalations, seats) are
 * spread over days and weeks with a second seeded PRNG, so the flat table is untouched and the
 * exports are byte-identical on every run (same arithmetic rules as sample-portfolio.mjs: no
 * Math.random, no clock, no Intl).
 *
 * How the files relate to portfolio.csv (also in public/sample/README.md):
 * - a snapshot on the 1st of month m describes the month before it; the exports put month m's
 *   logins, active users and feature use into the weeks of (1st of m − 1 month, 1st of m], and
 *   its tickets (60-day count, so half of them) and escalations (90-day count, a third) on days
 *   of that month;
 * - contracts: annual terms renewing on the account's renewal day (new accounts: from signup to
 *   the first renewal the flat table shows); an expansion adds a period with the new seats from
 *   its expansion date to the term's end (the running period keeps its scheduled end); no term
 *   starts on or after a churn (a mid-term cancellation leaves the paid term to run out), so
 *   every end date is one known when the period was signed;
 * - activity starts on 2024-04-02 (the flat table's simulated lead-in, so 90-day windows are full
 *   at its first snapshot, 2024-07-01) or at signup, and runs to the churn date or 2025-12-31;
 *   December 2025 (after the last snapshot) is drawn at November's level.
 */
import { generatePortfolio, mulberry32, SAMPLE_SEED } from './sample-portfolio.mjs';

/** Seed of the exports' own PRNG (the portfolio's seed, shifted: any fixed value would do). */
export const EXPORTS_SEED = (SAMPLE_SEED ^ 0x0e7b0275) >>> 0;

/** File names, in the order a newcomer reads them (and the recipe lists them). */
export const EXPORT_FILES = [
	'accounts.csv',
	'subscriptions.csv',
	'usage_weekly.csv',
	'tickets.csv',
	'churn_log.csv'
];

const DAY_MS = 86_400_000;
/** Key features a customer can adopt (feature_adoption_pct of the flat table is a share of these). */
const KEY_FEATURES = 20;
const PLANS = { SMB: 'Starter', 'Mid-market': 'Growth', Enterprise: 'Enterprise' };
const REASONS = [
	['Budget cuts', 4],
	['Switched to a competitor', 3],
	['Low adoption', 3],
	['Price', 2],
	['Poor support experience', 1],
	['Company closed or acquired', 1]
];

const pad2 = (n) => (n < 10 ? `0${n}` : String(n));
/** Epoch day → ISO date (toISOString is locale- and zone-free). */
const iso = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Generate the exports from the portfolio's world. Returns `files` (name → CSV text, LF line
 * ends), `recipe` (the recipe object) and `stats` (rows per file, accounts, churners).
 * @param {ReturnType<typeof generatePortfolio>} [portfolio]
 */
export function generateExports(portfolio = generatePortfolio()) {
	const { world, months, startYear, startMonth } = portfolio;
	const rnd = mulberry32(EXPORTS_SEED);
	const normal = () => {
		let s = -6;
		for (let i = 0; i < 12; i++) s += rnd();
		return s;
	};
	const binomial = (n, p) => {
		let k = 0;
		for (let i = 0; i < n; i++) if (rnd() < p) k++;
		return k;
	};
	/** Epoch day of day `d` of month m (m = 0: the first snapshot's month; overflow is fine). */
	const at = (m, d) => Date.UTC(startYear, startMonth - 1 + m, d) / DAY_MS;
	/** Snapshot day of month m (its 1st). */
	const S = (m) => at(m, 1);
	/** The month whose snapshot window (S(m − 1), S(m)] holds `day`. */
	const monthOf = (day) => {
		const d = new Date(day * DAY_MS);
		const m = (d.getUTCFullYear() - startYear) * 12 + d.getUTCMonth() - (startMonth - 1);
		return d.getUTCDate() === 1 ? m : m + 1;
	};
	// Exports start with the first snapshot's month (its window, the month before it).
	const dataStart = S(-1) + 1;
	const dataEnd = at(months, 0); // last day of the last snapshot's month

	const accounts = [];
	const subs = [];
	const usage = [];
	const tickets = [];
	const churns = [];

	for (const a of world) {
		const values = (m) => a.monthly.get(Math.min(m, a.last));
		const churnDay = a.churnMonth >= 0 ? at(a.churnMonth, a.churnDay) : null;
		// Signup: an anniversary 1–4 years back (renewals fall on it), or a day in the month before
		// a new account's first snapshot.
		let signup = S(a.join - 1) + 1 + Math.floor(rnd() * 20);
		if (a.preExisting) {
			let years = 1 + Math.floor(rnd() * 4);
			while (at(a.renewPhase - 12 * years, a.renewDay) >= dataStart) years++;
			signup = at(a.renewPhase - 12 * years, a.renewDay);
		}
		accounts.push([a.id, a.name, a.segment, iso(signup)]);

		// --- subscriptions: annual terms; an expansion starts a period; a churn ends one ---
		const firstMonth = Math.min(...a.monthly.keys());
		const seatsBefore = a.monthly.get(firstMonth).seats;
		const seatsAfter = a.expansionMonth >= 0 ? a.monthly.get(a.expansionMonth).seats : seatsBefore;
		const expansion = a.expansionMonth >= 0 ? at(a.expansionMonth, a.expansionDay) : null;
		const bounds = [signup];
		for (let k = a.preExisting ? -4 : 1; ; k++) {
			const b = a.preExisting
				? at(a.renewPhase + 12 * k, a.renewDay)
				: at(a.join + 12 * k, a.renewDay);
			if (b <= bounds[bounds.length - 1]) continue;
			bounds.push(b);
			if (b > dataEnd) break;
		}
		const plan = PLANS[a.segment];
		const arrOf = (seats) => Math.round((seats * a.price) / 10) * 10;
		for (let i = 0; i + 1 < bounds.length; i++) {
			const start = bounds[i];
			if (start > dataEnd || (churnDay !== null && start >= churnDay)) break;
			// A churn at renewal ends the contract on the churn date (a term bound); a cancellation
			// mid-term (SMB) leaves the paid term to run to its scheduled end, as billing keeps it,
			// so no end date tells of a churn to come.
			const end = bounds[i + 1];
			const seats = expansion !== null && start >= expansion ? seatsAfter : seatsBefore;
			subs.push([a.id, plan, seats, arrOf(seats), start, end]);
			// An upgrade mid-term: a new period with the new seats from the expansion date to the
			// same term end. The running period keeps its scheduled end (known when it was signed),
			// so no period's end date tells of an expansion to come.
			if (expansion !== null && expansion > start && expansion < end)
				subs.push([a.id, plan, seatsAfter, arrOf(seatsAfter), expansion, end]);
		}

		// --- activity: weekly usage and tickets, from the lead-in or signup to churn or data end ---
		const actStart = a.preExisting ? dataStart : signup;
		const actEnd = churnDay !== null ? Math.min(churnDay - 1, dataEnd) : dataEnd;
		/** Expected logins on one day: the month's logins over the days of its window the account had. */
		const loginRate = (day) => {
			const m = monthOf(day);
			const from = Math.max(S(m - 1) + 1, actStart);
			return values(m).logins / (S(m) - from + 1);
		};
		// Weeks end on Sunday (1970-01-04 was one); a row is dated by its last day, so it holds no
		// activity after its date.
		const firstSunday = actStart + ((((3 - actStart) % 7) + 7) % 7);
		for (let w = firstSunday; w <= actEnd; w += 7) {
			let expected = 0;
			for (let d = Math.max(w - 6, actStart); d <= w; d++) expected += loginRate(d);
			const v = values(monthOf(w));
			const logins = Math.max(0, Math.round(expected * (1 + 0.08 * normal())));
			const active =
				logins === 0
					? 0
					: Math.min(v.seats, Math.max(1, Math.round(v.active * (0.62 + 0.2 * rnd()))));
			const used = Math.min(
				KEY_FEATURES,
				Math.max(0, Math.round(((KEY_FEATURES * v.adoption) / 100) * (0.85 + 0.15 * rnd())))
			);
			usage.push([a.id, w, logins, active, logins === 0 ? 0 : used]);
		}
		for (let m = monthOf(actStart); m <= monthOf(actEnd); m++) {
			const from = Math.max(S(m - 1) + 1, actStart);
			const to = Math.min(S(m), actEnd);
			if (to < from) continue;
			const v = values(m);
			const share = (to - from + 1) / (S(m) - S(m - 1));
			const plain = binomial(v.tickets, 0.5 * share);
			const escalated = binomial(v.escalations, share / 3);
			for (let k = 0; k < plain + escalated; k++) {
				const esc = k >= plain;
				const day = from + Math.floor(rnd() * (to - from + 1));
				const minutes = 8 * 60 + Math.floor(rnd() * 11 * 60);
				const u = rnd();
				const priority = esc
					? u < 0.4
						? 'urgent'
						: u < 0.85
							? 'high'
							: 'normal'
					: u < 0.3
						? 'low'
						: u < 0.8
							? 'normal'
							: u < 0.97
								? 'high'
								: 'urgent';
				tickets.push([a.id, day, minutes, priority, esc ? 1 : 0]);
			}
		}
		if (churnDay !== null) {
			let u = rnd() * REASONS.reduce((s, r) => s + r[1], 0);
			let reason = REASONS[0][0];
			for (const [r, w] of REASONS) {
				if (u < w) {
					reason = r;
					break;
				}
				u -= w;
			}
			churns.push([a.id, churnDay, reason]);
		}
	}

	const byDayThenId = (x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
	accounts.sort((x, y) => (x[0] < y[0] ? -1 : 1));
	subs.sort((x, y) => x[4] - y[4] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
	usage.sort(byDayThenId);
	tickets.sort((x, y) => byDayThenId(x, y) || x[2] - y[2]);
	churns.sort(byDayThenId);

	const csv = (header, rows) =>
		[header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
	const time = (minutes) => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}Z`;
	const files = {
		'accounts.csv': csv(['account_id', 'account_name', 'segment', 'signup_date'], accounts),
		'subscriptions.csv': csv(
			['subscription_id', 'account_id', 'plan', 'seats', 'arr', 'mrr', 'start_date', 'end_date'],
			subs.map((r, i) => [
				`SUB-${String(i + 1).padStart(5, '0')}`,
				r[0],
				r[1],
				r[2],
				r[3],
				(r[3] / 12).toFixed(2),
				iso(r[4]),
				iso(r[5])
			])
		),
		'usage_weekly.csv': csv(
			['account_id', 'week_ending', 'logins', 'active_users', 'features_used'],
			usage.map((r) => [r[0], iso(r[1]), r[2], r[3], r[4]])
		),
		'tickets.csv': csv(
			['ticket_id', 'account_id', 'opened_at', 'priority', 'escalated'],
			tickets.map((r, i) => [
				`T-${String(i + 1).padStart(5, '0')}`,
				r[0],
				`${iso(r[1])}T${time(r[2])}`,
				r[3],
				r[4] ? 'Yes' : 'No'
			])
		),
		'churn_log.csv': csv(
			['account_id', 'churned_at', 'reason'],
			churns.map((r) => [r[0], iso(r[1]), r[2]])
		)
	};
	const stats = {
		accounts: accounts.length,
		churned: churns.length,
		rows: {
			'accounts.csv': accounts.length,
			'subscriptions.csv': subs.length,
			'usage_weekly.csv': usage.length,
			'tickets.csv': tickets.length,
			'churn_log.csv': churns.length
		},
		dataStart: iso(dataStart),
		dataEnd: iso(dataEnd)
	};
	// As-of dates: the flat table's snapshot days from the first with 90 days of exports behind it.
	const firstT = S(monthOf(dataStart + 90));
	return { files, recipe: sampleRecipe(iso(firstT), iso(S(months - 1)), iso(dataEnd)), stats };
}

/**
 * The shipped recipe (src/lib/sources/recipe-schema.ts): the five exports, the as-of dates of
 * the flat table's snapshots (1st of each month), features comparable to its columns, and the
 * outcome from the churn log.
 */
export function sampleRecipe(from, to, dataEnd) {
	const source = (name, grain, key, dates) => ({ name, grain, key, ...dates, timeZone: 'UTC' });
	return {
		schemaVersion: 1,
		sources: [
			source('accounts', 'account', 'account_id', { time: 'signup_date' }),
			source('subscriptions', 'period', 'account_id', { start: 'start_date', end: 'end_date' }),
			source('usage', 'event', 'account_id', { time: 'week_ending' }),
			source('tickets', 'event', 'account_id', { time: 'opened_at' }),
			source('churn-log', 'event', 'account_id', { time: 'churned_at' })
		],
		accounts: 'accounts',
		grid: { kind: 'monthly', from, to, anchor: 'month-start' },
		features: [
			{
				id: 'logins_28d',
				name: 'Logins, last 28 days',
				source: 'usage',
				kind: 'event',
				agg: 'sum',
				column: 'logins',
				days: 28
			},
			{
				id: 'weekly_active_users',
				name: 'Weekly active users (latest week)',
				source: 'usage',
				kind: 'event',
				agg: 'last',
				column: 'active_users',
				days: 28
			},
			{
				id: 'features_used',
				name: 'Key features used (latest week)',
				source: 'usage',
				kind: 'event',
				agg: 'last',
				column: 'features_used',
				days: 28
			},
			{
				id: 'support_tickets_60d',
				name: 'Tickets, last 60 days',
				source: 'tickets',
				kind: 'event',
				agg: 'count',
				days: 60
			},
			{
				id: 'escalated_tickets_90d',
				name: 'Escalated tickets, last 90 days',
				source: 'tickets',
				kind: 'event',
				agg: 'count',
				days: 90,
				filter: { column: 'escalated', values: ['1'] }
			},
			{
				id: 'seats_now',
				name: 'Seats',
				source: 'subscriptions',
				kind: 'period',
				measure: 'value',
				column: 'seats',
				combine: 'latest'
			},
			{
				id: 'arr_now',
				name: 'ARR',
				source: 'subscriptions',
				kind: 'period',
				measure: 'value',
				column: 'arr',
				combine: 'latest'
			},
			{
				id: 'days_to_renewal',
				name: 'Days to renewal',
				source: 'subscriptions',
				kind: 'period',
				measure: 'days-to-renewal'
			},
			{
				id: 'tenure_days',
				name: 'Tenure (days)',
				source: 'subscriptions',
				kind: 'period',
				measure: 'tenure'
			},
			{
				id: 'seat_increases_365d',
				name: 'Seat increases, last 365 days',
				source: 'subscriptions',
				kind: 'period',
				measure: 'changes',
				column: 'seats',
				days: 365,
				direction: 'up'
			},
			{ id: 'segment', name: 'Segment', source: 'accounts', kind: 'account', column: 'segment' }
		],
		outcome: { kind: 'churn-log', source: 'churn-log', column: 'churned_at', reactivation: 'none' },
		segment: 'segment',
		contractValue: 'arr_now',
		dataEnd
	};
}
