/**
 * Seeded generator of the sample portfolio (public/sample/portfolio.csv): ~3,000 SaaS accounts,
 * monthly snapshots over 18 months, with churn and expansion outcomes.
 *
 * Deterministic: its own PRNG (mulberry32, fixed seed), no Math.random, no clock, and only
 * arithmetic whose results V8 computes identically everywhere (+ − × ÷, Math.exp/log from V8's
 * fdlibm port), so `npm run sample` rewrites the committed file byte for byte.
 *
 * The signal: each account has a latent health that drifts (AR(1) towards its own mean). Churn
 * is drawn at renewals (and, for SMB, mid-term) from recent health; most churners then get a
 * 3–6-month decline before they leave (utilisation and logins down, tickets and escalations up,
 * NPS down, late payments); 30 % leave without warning and some survivors have a scare,
 * so a decent model reaches an AUC around 0.8, not 1.
 */

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const SAMPLE_SEED = 0x5eed2024;

export const HEADER = [
	'account_id',
	'account_name',
	'segment',
	'snapshot_date',
	'seats',
	'active_users',
	'seat_utilisation_pct',
	'logins_30d',
	'login_trend_pct',
	'feature_adoption_pct',
	'tickets_60d',
	'escalations_90d',
	'nps',
	'exec_sponsor_engaged',
	'days_late',
	'contract_value',
	'renewal_date',
	'months_to_renewal',
	'churned',
	'churn_date',
	'expanded',
	'expansion_date'
];

const NAME_A = [
	'Acme',
	'Apex',
	'Arbor',
	'Atlas',
	'Aurora',
	'Beacon',
	'Birch',
	'Blue Harbor',
	'Bright',
	'Cascade',
	'Cedar',
	'Clearwater',
	'Cobalt',
	'Copper',
	'Crescent',
	'Delta',
	'Driftwood',
	'Eastgate',
	'Ember',
	'Evergreen',
	'Falcon',
	'Fjord',
	'Foxglove',
	'Granite',
	'Harbor',
	'Helix',
	'Highland',
	'Horizon',
	'Iris',
	'Juniper',
	'Keystone',
	'Lakeside',
	'Lantern',
	'Linden',
	'Lumen',
	'Maple',
	'Meridian',
	'Mosaic',
	'Northwind',
	'Nova',
	'Oak',
	'Orbit',
	'Pacific',
	'Pine',
	'Pioneer',
	'Polar',
	'Prairie',
	'Quarry',
	'Redwood',
	'Ridge',
	'River',
	'Saffron',
	'Sage',
	'Sequoia',
	'Silver',
	'Solstice',
	'Summit',
	'Tidal',
	'Timber',
	'Trident',
	'Upland',
	'Vantage',
	'Vertex',
	'Willow',
	'Zenith'
];
const NAME_B = [
	'Analytics',
	'Bio',
	'Builders',
	'Capital',
	'Clinics',
	'Cloud',
	'Consulting',
	'Data',
	'Dental',
	'Design',
	'Digital',
	'Energy',
	'Engineering',
	'Foods',
	'Freight',
	'Health',
	'Hotels',
	'Insurance',
	'Labs',
	'Legal',
	'Logistics',
	'Media',
	'Medical',
	'Mobility',
	'Networks',
	'Outfitters',
	'Partners',
	'Pharma',
	'Realty',
	'Retail',
	'Robotics',
	'Software',
	'Studios',
	'Supply',
	'Systems',
	'Telecom',
	'Travel',
	'Ventures',
	'Wellness',
	'Works'
];
const NAME_C = ['', '', '', ' Inc', ' Ltd', ' LLC', ' GmbH', ' Group', ' Co', ' SA', ' BV', ' KK'];

/** Segment settings: mix, seats (log-uniform range), price per seat per year, churn odds. */
const SEGMENTS = [
	{
		name: 'SMB',
		share: 0.55,
		seats: [5, 60],
		price: 420,
		health: -0.15,
		churn: -2.3,
		tickets: 1.1,
		esc: 0.12,
		sponsor: -0.5
	},
	{
		name: 'Mid-market',
		share: 0.3,
		seats: [50, 600],
		price: 360,
		health: 0.05,
		churn: -2.6,
		tickets: 2.2,
		esc: 0.25,
		sponsor: 0
	},
	{
		name: 'Enterprise',
		share: 0.15,
		seats: [400, 5000],
		price: 300,
		health: 0.2,
		churn: -3.2,
		tickets: 3.5,
		esc: 0.45,
		sponsor: 0.6
	}
];

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const clamp = (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x);
const pad2 = (n) => (n < 10 ? `0${n}` : String(n));

/** One decimal, without "-0.0". */
function fix1(x) {
	const s = (Math.round(x * 10) / 10).toFixed(1);
	return s === '-0.0' ? '0.0' : s;
}

/**
 * Generate the portfolio. Returns the CSV text (LF line ends, header first, rows ordered by
 * snapshot date then account id), summary statistics, and `world`: per account the simulated
 * facts behind its rows (ids, contract, churn, expansion, and every simulated month's values,
 * burn-in months included) from which sample-exports.mjs draws the raw exports. Recording the
 * world draws no random numbers, so the CSV is unchanged by it.
 * @param {{ seed?: number, accounts?: number, months?: number, startYear?: number, startMonth?: number }} [opts]
 */
export function generatePortfolio(opts = {}) {
	const {
		seed = SAMPLE_SEED,
		accounts = 3000,
		months = 18,
		startYear = 2024,
		startMonth = 7
	} = opts;
	const rnd = mulberry32(seed);
	/** Standard normal (Irwin–Hall, 12 uniforms): only additions, so bit-identical everywhere. */
	const normal = () => {
		let s = -6;
		for (let i = 0; i < 12; i++) s += rnd();
		return s;
	};
	const poisson = (lambda) => {
		const l = Math.exp(-lambda);
		let k = 0;
		let p = rnd();
		while (p > l && k < 60) {
			k++;
			p *= rnd();
		}
		return k;
	};
	const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
	/** Month index m (0 = first snapshot) → [year, month 1–12]. */
	const ym = (m) => {
		const t = startYear * 12 + (startMonth - 1) + m;
		return [Math.floor(t / 12), (t % 12) + 1];
	};
	const iso = (m, day) => {
		const [y, mo] = ym(m);
		return `${y}-${pad2(mo)}-${pad2(day)}`;
	};

	// Unique ids (5 digits, many with leading zeros) and names.
	const idSet = new Set();
	const nameSet = new Set();
	const rows = [];
	/** Per account, the simulated world the CSV is drawn from (for the raw exports). */
	const world = [];
	const stats = { accounts, churned: 0, expanded: 0, rows: 0 };
	const BURN = 3; // months simulated before an account's first snapshot (for the 60-day trend)

	for (let a = 0; a < accounts; a++) {
		let idNum;
		do idNum = 1 + Math.floor(rnd() * 99_999);
		while (idSet.has(idNum));
		idSet.add(idNum);
		const id = `ACC-${String(idNum).padStart(5, '0')}`;
		let name;
		do name = `${pick(NAME_A)} ${pick(NAME_B)}${pick(NAME_C)}`;
		while (nameSet.has(name) && nameSet.size < NAME_A.length * NAME_B.length);
		nameSet.add(name);

		const u = rnd();
		const seg =
			u < SEGMENTS[0].share
				? SEGMENTS[0]
				: u < SEGMENTS[0].share + SEGMENTS[1].share
					? SEGMENTS[1]
					: SEGMENTS[2];
		const [lo, hi] = seg.seats;
		let seats = Math.round(Math.exp(Math.log(lo) + rnd() * (Math.log(hi) - Math.log(lo))));
		const price = seg.price * (0.85 + 0.3 * rnd());

		// Join: 70 % were customers before the window, the rest join during months 1–14.
		const preExisting = rnd() < 0.7;
		const join = preExisting ? 0 : 1 + Math.floor(rnd() * 14);
		const renewDay = 1 + Math.floor(rnd() * 28);
		// Annual contracts: pre-existing accounts renew in month renewPhase (0–11) and every 12
		// months after; new accounts 12 months after joining. Renewal dates fall on renewDay.
		const renewPhase = preExisting ? Math.floor(rnd() * 12) : join;
		const isRenewal = (m) => (preExisting ? m >= 0 : m > join) && (m - renewPhase) % 12 === 0;

		// Latent health path (base), from BURN months before the first snapshot.
		const mu = seg.health + 0.9 * normal();
		const first = join - BURN;
		const H = new Map();
		let h = mu + 0.5 * normal();
		for (let m = first; m < months; m++) {
			h = 0.85 * h + 0.15 * mu + 0.35 * normal();
			H.set(m, h);
		}
		const hb = (m) => H.get(m) ?? mu;

		// Churn: at renewals (odds from the last 3 months' health), SMB also mid-term; never in the
		// first snapshot month, so every account has at least one row.
		let churnMonth = -1;
		let churnDay = 0;
		for (let m = join + 1; m < months && churnMonth < 0; m++) {
			const hbar = (hb(m - 1) + hb(m - 2) + hb(m - 3)) / 3;
			const p = isRenewal(m)
				? sigmoid(seg.churn - 1.3 * hbar)
				: seg.name === 'SMB'
					? sigmoid(-6.8 - 1.5 * hbar)
					: 0;
			if (rnd() < p) {
				churnMonth = m;
				churnDay = isRenewal(m) ? renewDay : 1 + Math.floor(rnd() * 28);
			}
		}
		// Effective health: the decline before churn (70 % of churners), or a scare (12 % of others).
		const E = new Map(H);
		if (churnMonth >= 0) {
			if (rnd() < 0.7) {
				const d = 3 + Math.floor(rnd() * 4);
				const depth = 0.7 + 0.7 * rnd();
				for (let k = 0; k <= d; k++) {
					const m = churnMonth - d + k;
					if (E.has(m)) E.set(m, E.get(m) - (depth * k) / d);
				}
			}
		} else if (rnd() < 0.12) {
			const s = first + Math.floor(rnd() * (months - first));
			const d = 3 + Math.floor(rnd() * 3);
			const depth = 0.8 + 0.7 * rnd();
			for (let k = 0; k <= d + 3; k++) {
				const m = s + k;
				const f = k <= d ? k / d : 1 - (k - d) / 3;
				if (E.has(m)) E.set(m, E.get(m) - depth * f);
			}
		}
		const he = (m) => E.get(m) ?? mu;

		// Per-account traits.
		const adoptBase = 100 * sigmoid(-0.1 + 0.5 * mu + 0.45 * normal());
		const respondent = rnd() < 0.7;
		let sponsor = rnd() < sigmoid(0.2 + 0.9 * mu + seg.sponsor);
		let npsValue = null;
		let npsAge = 99;
		let expansionMonth = -1;
		let expansionDay = 0;
		let expansionFade = 0;
		const last = churnMonth >= 0 ? (churnDay === 1 ? churnMonth - 1 : churnMonth) : months - 1;
		const logins = new Map();
		const out = [];
		/** Month m → the simulated values (burn-in months too): what the raw exports are drawn from. */
		const monthly = new Map();

		for (let m = first; m <= last; m++) {
			const e = he(m);
			// Expansion: healthy, not leaving, at most once (seats up 10–50 %).
			if (m >= join && churnMonth < 0 && expansionMonth < 0 && e > 0.6 && rnd() < 0.022) {
				expansionMonth = m;
				expansionDay = 1 + Math.floor(rnd() * 28);
				seats = Math.round(seats * (1.1 + 0.4 * rnd()));
				expansionFade = 3;
			}
			const fade = expansionFade > 0 ? 0.12 * expansionFade-- : 0;
			const util = clamp(sigmoid(0.9 + 0.75 * e + 0.45 * normal()) - fade, 0.02, 1);
			const active = Math.max(1, Math.round(seats * util));
			const lg = Math.round(active * 14 * Math.exp(0.25 * e + 0.16 * normal()));
			logins.set(m, lg);
			// Lagging signals read health from a month or two before.
			const lag1 = he(m - 1);
			const lag2 = he(m - 2);
			if (rnd() < 0.15) sponsor = rnd() < sigmoid(0.2 + 0.9 * lag1 + seg.sponsor);
			if (respondent && rnd() < 0.3) {
				npsValue = Math.round(clamp(15 + 32 * lag2 + 28 * normal(), -100, 100));
				npsAge = 0;
			} else npsAge++;
			const late = rnd() < sigmoid(-2.6 - 1.2 * lag1);
			const daysLate = late ? Math.min(120, 1 + Math.floor(-Math.log(1 - rnd()) * 18)) : 0;
			const tickets = poisson(seg.tickets * Math.exp(0.1 - 0.55 * e));
			const escalations = poisson(seg.esc * Math.exp(-0.4 - 0.9 * e));
			const onboarding = !preExisting && m - join < 4 ? (m - join + 1) / 4 : 1;
			const adoption = clamp(adoptBase * onboarding + 10 * (e - mu) + 3 * normal(), 1, 99);
			monthly.set(m, { seats, active, logins: lg, tickets, escalations, adoption, daysLate });
			if (m < join) continue; // burn-in months: simulated, not emitted

			const prev = logins.get(m - 2);
			const trend = prev === undefined || prev === 0 ? '' : fix1(((lg - prev) / prev) * 100);
			// Next renewal on or after this snapshot (the 1st of month m).
			let r = m;
			while (!isRenewal(r)) r++;
			const arr = Math.round((seats * price) / 10) * 10;
			out.push([
				id,
				name,
				seg.name,
				iso(m, 1),
				String(seats),
				String(active),
				fix1((100 * active) / seats),
				String(lg),
				trend,
				fix1(adoption),
				String(tickets),
				String(escalations),
				npsValue !== null && npsAge <= 5 ? String(npsValue) : '',
				sponsor ? 'Yes' : 'No',
				String(daysLate),
				String(arr),
				iso(r, renewDay),
				String(r - m)
			]);
		}
		const churned = churnMonth >= 0;
		const expanded = expansionMonth >= 0;
		if (out.length === 0) continue;
		world.push({
			id,
			name,
			segment: seg.name,
			preExisting,
			join,
			renewDay,
			renewPhase,
			price,
			churnMonth,
			churnDay,
			expansionMonth,
			expansionDay,
			last,
			monthly
		});
		stats.rows += out.length;
		if (churned) stats.churned++;
		if (expanded) stats.expanded++;
		for (const row of out)
			rows.push([
				...row,
				churned ? '1' : '0',
				churned ? iso(churnMonth, churnDay) : '',
				expanded ? '1' : '0',
				expanded ? iso(expansionMonth, expansionDay) : ''
			]);
	}
	rows.sort((x, y) =>
		x[3] < y[3] ? -1 : x[3] > y[3] ? 1 : x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0
	);
	const csv = [HEADER.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
	return { csv, stats, world, months, startYear, startMonth };
}
