// Page object for the Portfolio screen, plus an independent recount of tier counts in Node
// (the sample CSV scored by the engine's scoreTable), to check what the page shows.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { scoreTable } from '../../../src/lib/model/score';
import { validateModel } from '../../../src/lib/model/validate';
import type { Column, ColumnTable, Model } from '../../../src/lib/model/types';

export class PortfolioPage {
	readonly page: Page;
	readonly heading: Locator;
	readonly tierTable: Locator;
	readonly accounts: Locator;
	readonly dialog: Locator;

	constructor(page: Page) {
		this.page = page;
		this.heading = page.getByRole('heading', { level: 1, name: 'Portfolio' });
		this.tierTable = page.getByRole('table', { name: 'Accounts per tier' });
		this.accounts = page.getByRole('region', { name: 'Accounts' }).getByRole('table');
		this.dialog = page.getByRole('dialog');
	}

	async goto(): Promise<void> {
		await this.page.goto('/#/portfolio');
		await expect(this.heading).toBeVisible();
		await expect(this.tierTable).toBeVisible({ timeout: 45_000 });
	}

	handle(tier: string): Locator {
		return this.page.getByRole('slider', { name: `${tier} starts at score` });
	}

	/** Accounts shown for a tier, as a number. */
	async tierCount(tier: string): Promise<number> {
		const row = this.tierTable
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name: tier }) });
		const text = await row.getByRole('cell').first().innerText();
		return Number(text.replace(/[^\d]/g, ''));
	}

	async tierCounts(tiers: string[]): Promise<number[]> {
		const out: number[] = [];
		for (const t of tiers) out.push(await this.tierCount(t));
		return out;
	}

	/** Drag a threshold handle by mouse to the pixel of `score`; returns after the release. */
	async dragHandle(
		tier: string,
		score: number,
		opts: { hold?: (h: Locator) => Promise<void> } = {}
	): Promise<void> {
		const h = this.handle(tier);
		const svg = this.page.getByRole('group', { name: /Score distribution/ });
		const box = (await svg.boundingBox())!;
		const vb = await svg.evaluate((el) => ({ width: (el as SVGSVGElement).viewBox.baseVal.width }));
		const hb = (await h.locator('line').boundingBox())!;
		// Plot: x = left + (score / 101) × (width − left − right), in viewBox units (frame(): left 44, right 12).
		const toPx = (s: number) => box.x + ((44 + (s / 101) * (vb.width - 56)) * box.width) / vb.width;
		await this.page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
		await this.page.mouse.down();
		await this.page.mouse.move(toPx(score + 0.5) - 3, hb.y + hb.height / 2, { steps: 4 });
		await this.page.mouse.move(toPx(score), hb.y + hb.height / 2, { steps: 2 });
		if (opts.hold) await opts.hold(h);
		await this.page.mouse.up();
	}
}

// --- independent recount ----------------------------------------------------------------------

const SAMPLE = new URL('../../../public/sample/portfolio.csv', import.meta.url);

interface SampleTable {
	table: ColumnTable;
	latest: number[];
}
let cached: SampleTable | null = null;

/** The sample CSV as a ColumnTable (numbers, Yes/No → 1/0, text → categories) and latest rows. */
export function sampleTable(): SampleTable {
	if (cached) return cached;
	const parsed = Papa.parse<Record<string, string>>(readFileSync(SAMPLE, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	const rows = parsed.data;
	const columns = new Map<string, Column>();
	for (const name of parsed.meta.fields ?? []) {
		const cells = rows.map((r) => (r[name] ?? '').trim());
		const bool = cells.every((c) => c === '' || /^(yes|no|true|false)$/i.test(c));
		const nums = cells.every((c) => c === '' || Number.isFinite(Number(c)));
		if (bool)
			columns.set(name, {
				kind: 'number',
				values: Float64Array.from(cells, (c) => (c === '' ? NaN : /^(yes|true)$/i.test(c) ? 1 : 0))
			});
		else if (nums)
			columns.set(name, {
				kind: 'number',
				values: Float64Array.from(cells, (c) => (c === '' ? NaN : Number(c)))
			});
		else {
			const dict: string[] = [];
			const index = new Map<string, number>();
			const codes = Int32Array.from(cells, (c) => {
				if (c === '') return -1;
				let k = index.get(c);
				if (k === undefined) index.set(c, (k = dict.push(c) - 1));
				return k;
			});
			columns.set(name, { kind: 'category', codes, dictionary: dict });
		}
	}
	const latestByAccount = new Map<string, number>();
	rows.forEach((r, i) => {
		const prev = latestByAccount.get(r.account_id!);
		if (prev === undefined || rows[prev]!.snapshot_date! <= r.snapshot_date!)
			latestByAccount.set(r.account_id!, i);
	});
	cached = { table: { n: rows.length, columns }, latest: [...latestByAccount.values()] };
	return cached;
}

/** The model the app opens with on a fresh browser. */
export function defaultModel(): Model {
	const json: unknown = JSON.parse(
		readFileSync(
			new URL('../../../src/lib/model/templates/usage-led-saas.json', import.meta.url),
			'utf8'
		)
	);
	const r = validateModel(json);
	if (!r.ok) throw new Error(JSON.stringify(r.issues));
	return r.model;
}

/** Tier counts of the latest snapshots, scored by the engine with these tier minimums. */
export function expectedTierCounts(model: Model, mins?: number[]): number[] {
	const m = mins
		? { ...model, tiers: model.tiers.map((t, i) => ({ ...t, min: mins[i] ?? t.min })) }
		: model;
	const { table, latest } = sampleTable();
	const r = scoreTable(m, table);
	const counts = m.tiers.map(() => 0);
	for (const i of latest) {
		const t = r.tier[i]!;
		if (t >= 0) counts[t]!++;
	}
	return counts;
}
