// Page object for the Validation screen, plus an independent Node recomputation of its figures:
// the sample CSV parsed here (dates → epoch days, Yes/No → 1/0) and run through the same pure
// core the worker uses, to check what the page shows.
import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { defaultAsOfDay, distinctDays, lastKnownDay } from '../../../src/lib/backtest/asof';
import { BacktestCore } from '../../../src/lib/workers/backtest-core';
import type {
	ValidationResult,
	ValidationSettings
} from '../../../src/lib/workers/validation-protocol';
import type { Column, Model } from '../../../src/lib/model/types';

/** The headings of the Validation screen's panels (always shown once a run is done). */
export const PANELS = [
	'Ready to ship?',
	'Survival by tier',
	'Lead time: how early the warning came',
	'Signal register',
	'Weight robustness',
	'Drift between two dates',
	'Missing data'
] as const;

export class ValidationPage {
	readonly page: Page;
	readonly heading: Locator;
	readonly status: Locator;

	constructor(page: Page) {
		this.page = page;
		this.heading = page.getByRole('heading', { level: 1, name: 'Validation' });
		this.status = page.getByTestId('val-status');
	}

	async goto(): Promise<void> {
		await this.page.goto('/#/validation');
		await expect(this.heading).toBeVisible();
	}

	async waitForResult(): Promise<void> {
		await expect(this.status).toHaveText(/Validation\s+done/, { timeout: 90_000 });
	}

	async num(testId: string, attr = 'data-value'): Promise<number> {
		return Number(await this.page.getByTestId(testId).first().getAttribute(attr));
	}

	async download(button: Locator): Promise<{ download: Download; text: string }> {
		const wait = this.page.waitForEvent('download');
		await button.click();
		const download = await wait;
		return { download, text: readFileSync(await download.path(), 'utf8') };
	}
}

const SAMPLE = new URL('../../../public/sample/portfolio.csv', import.meta.url);

/** The sample CSV as the import stores it, and its snapshot/outcome facts. */
export function sampleColumns() {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(SAMPLE, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	const rows = parsed.data;
	const columns: [string, Column][] = [];
	for (const name of parsed.meta.fields ?? []) {
		const cells = rows.map((r) => (r[name] ?? '').trim());
		const num = (f: (c: string) => number): Column => ({
			kind: 'number',
			values: Float64Array.from(cells, (c) => (c === '' ? NaN : f(c)))
		});
		if (cells.every((c) => c === '' || /^\d{4}-\d{2}-\d{2}$/.test(c)))
			columns.push([name, num((c) => Date.parse(c) / 864e5)]);
		else if (cells.every((c) => c === '' || /^(yes|no)$/i.test(c)))
			columns.push([name, num((c) => (/yes/i.test(c) ? 1 : 0))]);
		else if (cells.every((c) => c === '' || Number.isFinite(Number(c))))
			columns.push([name, num(Number)]);
		else {
			const dict = [...new Set(cells.filter((c) => c !== ''))];
			const index = new Map(dict.map((d, k) => [d, k]));
			columns.push([
				name,
				{
					kind: 'category',
					codes: Int32Array.from(cells, (c) => (c === '' ? -1 : index.get(c)!)),
					dictionary: dict
				}
			]);
		}
	}
	return { n: rows.length, columns, ids: rows.map((r) => r.account_id!) };
}

/** The Validation run recomputed in Node with the page's default settings. */
export function recompute(model: Model, extra: Partial<ValidationSettings> = {}): ValidationResult {
	const s = sampleColumns();
	const col = (name: string) => {
		const c = s.columns.find(([n]) => n === name)?.[1];
		return c?.kind === 'number' ? c.values : null;
	};
	const snap = col('snapshot_date')!;
	const end = lastKnownDay(snap, col('churn_date'));
	const asOfDay = defaultAsOfDay(distinctDays(snap), 90, end);
	const core = new BacktestCore();
	core.setData({
		...s,
		roles: {
			snapshotDate: 'snapshot_date',
			churned: 'churned',
			churnDate: 'churn_date',
			contractValue: 'contract_value'
		}
	});
	return core.validate({
		type: 'validation/run',
		id: 1,
		model,
		settings: {
			asOfDay,
			horizonDays: 90,
			seed: 42,
			spread: 0.2,
			draws: 20,
			driftFromDay: NaN,
			...extra
		}
	});
}
