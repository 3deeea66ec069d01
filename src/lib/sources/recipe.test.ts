/** Recipe JSON validation, plain-words descriptions, grids and grain / key proposals. */
import { describe, expect, it } from 'vitest';
import { parseRecipe } from './recipe-schema';
import { describeFeature, describeGrid } from './describe';
import { gridDays, dayIso, epochDayInZone } from './grid';
import { isEntityName, proposeGrain, proposeKeys } from './detect';
import { ravenRecipe, ravenSources, typedTable } from './test-data';
import { checkRecipeColumns, checkRecipeZones, recipeColumnsOf } from './validate';

describe('parseRecipe', () => {
	it('accepts the ravenstack recipe, through JSON, unchanged', () => {
		const r = ravenRecipe();
		expect(parseRecipe(JSON.parse(JSON.stringify(r)))).toEqual({
			ok: true,
			recipe: JSON.parse(JSON.stringify(r))
		});
	});

	it('names the path and the problem', () => {
		const bad = JSON.parse(JSON.stringify(ravenRecipe()));
		bad.features[0].days = 0;
		bad.features[1].source = 'nowhere';
		const r = parseRecipe(bad);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues).toContainEqual({
			path: 'features[0].days',
			code: 'min-days',
			message: 'must be at least 1 day'
		});
		const cross = parseRecipe({
			...ravenRecipe(),
			features: [{ ...ravenRecipe().features[1]!, source: 'nowhere' }]
		});
		expect(cross.ok === false && cross.issues[0]).toEqual({
			path: 'features[0].source',
			code: 'feature-source-unknown',
			params: { name: 'Usage rows, last 90 days', source: 'nowhere' },
			message: '"Usage rows, last 90 days" reads "nowhere", which is not a source'
		});
	});

	it('refuses a newer schema version and hostile input without throwing; drops __proto__', () => {
		expect(parseRecipe({ schemaVersion: 99 })).toMatchObject({
			ok: false,
			issues: [{ path: 'schemaVersion' }]
		});
		expect(parseRecipe(null).ok).toBe(false);
		const r = parseRecipe(
			JSON.parse(JSON.stringify(ravenRecipe()).replace('{', '{"__proto__":{"x":1},'))
		);
		expect(r.ok && Object.getPrototypeOf(r.recipe)).toBe(Object.prototype);
	});

	it('a re-imported source without a column the recipe reads: error naming the feature and the column', () => {
		// Read the raw tables once (each ravenSources() call parses every CSV: called per source,
		// this test took 30 s on a loaded machine).
		const sources = ravenSources();
		const issues = checkRecipeColumns(ravenRecipe(), (name) => {
			if (name === 'support-tickets') return ['ticket_id', 'account_id', 'submitted_at'];
			const src = sources.find((s) => s.name === name)!;
			return src.idColumn
				? ['account_id', 'industry', 'signup_date']
				: [...src.table.columns.keys()];
		});
		expect(issues.map((i) => i.message)).toContain(
			'Feature "Urgent or high tickets, 180 days" reads column "priority" from "support-tickets", which no longer has that column.'
		);
	});
});

describe('describeFeature', () => {
	it('says what the issue asks, with the window edges', () => {
		const r = ravenRecipe({
			features: [
				{
					id: 'tickets_90d',
					name: 'Tickets, last 90 days',
					source: 'support-tickets',
					kind: 'event',
					agg: 'count',
					days: 90
				}
			]
		});
		expect(describeFeature(r.features[0]!, r)).toBe(
			'Tickets, last 90 days = count of support-tickets rows with `submitted_at` in (T − 90 d, T]'
		);
		const f = ravenRecipe().features.find((x) => x.id === 'urgent_tickets_180d')!;
		expect(describeFeature(f, ravenRecipe())).toBe(
			'Urgent or high tickets, 180 days = count of support-tickets rows with `submitted_at` in (T − 180 d, T] and `priority` in "urgent", "high"'
		);
		const mrr = ravenRecipe().features.find((x) => x.id === 'mrr')!;
		expect(describeFeature(mrr, ravenRecipe())).toBe(
			'MRR = sum of `mrr_amount` over subscriptions periods with `start_date` ≤ T and (`end_date` blank or after T) (0 when none)'
		);
	});
});

describe('grids', () => {
	it('month ends, month starts and weeks, inclusive of both ends', () => {
		expect(
			gridDays({ kind: 'monthly', from: '2024-01-15', to: '2024-03-31', anchor: 'month-end' }).map(
				dayIso
			)
		).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
		expect(
			gridDays({
				kind: 'monthly',
				from: '2024-01-15',
				to: '2024-03-31',
				anchor: 'month-start'
			}).map(dayIso)
		).toEqual(['2024-02-01', '2024-03-01']);
		expect(gridDays({ kind: 'weekly', from: '2024-01-01', to: '2024-01-15' }).map(dayIso)).toEqual([
			'2024-01-01',
			'2024-01-08',
			'2024-01-15'
		]);
		expect(describeGrid({ kind: 'weekly', from: '2024-01-01', to: '2024-01-15' })).toBe(
			'Every 7 days from 2024-01-01 to 2024-01-15'
		);
	});

	it('the calendar day of an instant in a time zone', () => {
		const ms = Date.parse('2024-03-01T23:30:00Z');
		expect(dayIso(epochDayInZone(ms))).toBe('2024-03-01');
		expect(dayIso(epochDayInZone(ms, 'Asia/Tokyo'))).toBe('2024-03-02');
		expect(dayIso(epochDayInZone(Date.parse('2024-03-02T03:00:00Z'), 'America/New_York'))).toBe(
			'2024-03-01'
		);
	});
});

describe('proposals on ravenstack', () => {
	const sources = ravenSources();
	const dates: Record<string, string[]> = {
		accounts: ['signup_date'],
		subscriptions: ['start_date', 'end_date'],
		'feature-usage': ['usage_date'],
		'support-tickets': ['submitted_at', 'closed_at'],
		'churn-events': ['churn_date']
	};
	it('grain: accounts one per account, subscriptions periods, usage, tickets and churn events events', () => {
		const g = Object.fromEntries(
			sources.map((s) => [s.name, proposeGrain({ table: s, dateColumns: dates[s.name]! })])
		);
		expect(g.accounts).toMatchObject({ grain: 'account', key: 'account_id', time: 'signup_date' });
		expect(g.subscriptions).toMatchObject({
			grain: 'period',
			key: 'account_id',
			start: 'start_date',
			end: 'end_date'
		});
		expect(g['support-tickets']).toMatchObject({
			grain: 'event',
			key: 'account_id',
			time: 'submitted_at'
		});
		expect(g['churn-events']).toMatchObject({
			grain: 'event',
			key: 'account_id',
			time: 'churn_date'
		});
		expect(g['feature-usage']).toMatchObject({
			grain: 'event',
			key: 'subscription_id',
			time: 'usage_date'
		});
		expect(g.subscriptions!.reasons.join(' ')).toContain('start');
	});

	it('keys: feature usage reaches subscriptions by subscription_id (100 % overlap); tickets reach accounts', () => {
		const k = proposeKeys(sources);
		expect(k).toContainEqual(
			expect.objectContaining({
				source: 'feature-usage',
				column: 'subscription_id',
				target: 'subscriptions',
				targetColumn: 'subscription_id',
				overlap: 1
			})
		);
		expect(k).toContainEqual(
			expect.objectContaining({
				source: 'support-tickets',
				column: 'account_id',
				target: 'accounts',
				targetColumn: 'account_id',
				overlap: 1
			})
		);
	});
});

describe('proposals without an id-like name', () => {
	const who = Array.from({ length: 300 }, (_, i) => (i * 7919) % 40);
	const day = (i: number) =>
		new Date(Date.UTC(2024, 0, 1 + ((i * 31) % 90))).toISOString().slice(0, 10);
	const source = (header: string[], cell: (h: string, i: number) => string, dates: string[]) => {
		const rows = Array.from({ length: 300 }, (_, i) => header.map((h) => cell(h, i)));
		const table = typedTable(header, rows, new Set());
		return proposeGrain({
			table: { name: 'f', ids: null, idColumn: null, table },
			dateColumns: dates
		});
	};
	it.each([
		['user', 'u'],
		['customer', 'c'],
		['org', 'o'],
		['Kundennummer', 'K']
	])('"%s" with a date → an event keyed by it', (key, prefix) => {
		const g = source(
			[key, 'ts', 'kind'],
			(h, i) => (h === key ? `${prefix}${who[i]}` : h === 'ts' ? day(i) : ['a', 'b'][i % 2]!),
			['ts']
		);
		expect(g).toMatchObject({ grain: 'event', key, time: 'ts' });
		expect(g.reasons[0]).toBe(`"${key}" repeats (40 distinct values in 300 rows).`);
	});
	it('no key-like name: the repeated column with most values beside a date, said in words', () => {
		const g = source(
			['who', 'when', 'what'],
			(h, i) => (h === 'who' ? `p${who[i]}` : h === 'when' ? day(i) : ['a', 'b', 'c'][i % 3]!),
			['when']
		);
		expect(g).toMatchObject({ grain: 'event', key: 'who', time: 'when' });
		expect(g.reasons[0]).toBe(
			'No column is named like an id; "who" repeats beside a date, so it is taken as the key.'
		);
	});
	it('an own unique event_id yields to the repeated column; whole-number ids of one length count', () => {
		const g = source(
			['event_id', 'holder', 'start', 'end'],
			(h, i) =>
				h === 'event_id'
					? `E${i}`
					: h === 'holder'
						? String(10_000 + who[i]!)
						: h === 'start'
							? day(i)
							: day(i + 200),
			['start', 'end']
		);
		expect(g).toMatchObject({ grain: 'period', key: 'holder', start: 'start', end: 'end' });
		expect(g.reasons[0]).toContain('"event_id" is unique: it names each row');
	});
	it('entity names are whole words, not measures about the entity', () => {
		for (const n of [
			'user',
			'User ID',
			'customer_name',
			'orgs',
			'Kundennummer',
			'KundenNr',
			'kunden_nr',
			'clientKey'
		])
			expect(isEntityName(n), n).toBe(true);
		for (const n of [
			'user_agent',
			'org_size',
			'customer_since',
			'username_length',
			'users_active_30d'
		])
			expect(isEntityName(n), n).toBe(false);
	});
});

describe('checkRecipeZones', () => {
	it('a source stored in another zone than the recipe records is an error naming both zones', () => {
		const r = ravenRecipe();
		const tickets = r.sources.find((s) => s.name === 'support-tickets')!;
		expect(tickets.timeZone ?? 'UTC').toBe('UTC');
		expect(checkRecipeZones(r, () => 'UTC')).toEqual([]);
		expect(checkRecipeZones(r, () => null)).toEqual([]);
		const issues = checkRecipeZones(r, (name) =>
			name === 'support-tickets' ? 'Asia/Tokyo' : 'UTC'
		);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ severity: 'error', source: 'support-tickets' });
		expect(issues[0]!.message).toContain(
			'was read in Asia/Tokyo, but the recipe counts its dates in UTC'
		);
	});
});

describe('recipeColumnsOf', () => {
	it('lists what an import must keep: key, dates, feature columns, filters, link targets, outcome', () => {
		const r = ravenRecipe();
		expect(recipeColumnsOf(r, 'subscriptions').sort()).toEqual(
			[
				'account_id',
				'start_date',
				'end_date',
				'mrr_amount',
				'plan_tier',
				'seats',
				'subscription_id'
			].sort()
		);
		expect(recipeColumnsOf(r, 'support-tickets').sort()).toEqual(
			[
				'account_id',
				'submitted_at',
				'priority',
				'satisfaction_score',
				'resolution_time_hours',
				'first_response_time_minutes'
			].sort()
		);
		expect(recipeColumnsOf(r, 'churn-events').sort()).toEqual(['account_id', 'churn_date']);
		expect(recipeColumnsOf(r, 'nope')).toEqual([]);
	});
});
