// Page object for the Backtest screen: role-based locators, plus test ids for the figures.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export class BacktestPage {
	readonly page: Page;
	readonly heading: Locator;
	readonly status: Locator;
	readonly auc: Locator;
	readonly interval: Locator;
	readonly scored: Locator;
	readonly seed: Locator;
	readonly resamples: Locator;
	readonly runAgain: Locator;

	constructor(page: Page) {
		this.page = page;
		this.heading = page.getByRole('heading', { level: 1, name: 'Backtest' });
		this.status = page.getByTestId('bt-status');
		this.auc = page.getByTestId('auc');
		this.interval = page.getByTestId('auc-interval');
		this.scored = page.getByTestId('scored');
		this.seed = page.getByRole('spinbutton', { name: 'Seed' });
		this.resamples = page.getByRole('spinbutton', { name: 'Resamples' });
		this.runAgain = page.getByRole('button', { name: 'Run again' });
	}

	async goto(base = '/'): Promise<void> {
		await this.page.goto(`${base}#/backtest`);
		await expect(this.heading).toBeVisible();
	}

	/** Wait until a report is on screen and no run is pending. */
	async waitForReport(): Promise<void> {
		await expect(this.status).toHaveText(/Backtest\s+of\s+[\d,]+\s+accounts\s+done/, {
			timeout: 60_000
		});
		await expect(this.auc).toBeVisible();
	}

	/** Full-precision AUC of the report on show. */
	async aucValue(): Promise<number> {
		return Number(await this.auc.getAttribute('data-value'));
	}

	async intervalValue(): Promise<[number, number]> {
		return [
			Number(await this.interval.getAttribute('data-lo')),
			Number(await this.interval.getAttribute('data-hi'))
		];
	}

	async scoredCount(): Promise<number> {
		return toNumber(await this.scored.innerText());
	}

	/** Account counts of the tier table rows, and the table's total. */
	async tierCounts(): Promise<{ rows: number[]; total: number }> {
		const cells = await this.page.getByTestId('tier-accounts').allInnerTexts();
		return {
			rows: cells.map(toNumber),
			total: toNumber(await this.page.getByTestId('tier-total').innerText())
		};
	}

	/** Wait until the full-precision AUC satisfies `pred`. */
	async waitForAuc(pred: (auc: number) => boolean): Promise<number> {
		await expect.poll(async () => pred(await this.aucValue()), { timeout: 60_000 }).toBe(true);
		await this.waitForReport();
		return this.aucValue();
	}

	async setSeed(seed: number): Promise<void> {
		await this.seed.fill(String(seed));
		await this.seed.press('Tab');
	}

	/** Click a button and return the download's text. */
	async download(button: Locator): Promise<{ download: Download; text: string }> {
		const wait = this.page.waitForEvent('download');
		await button.click();
		const download = await wait;
		const path = await download.path();
		return { download, text: readFileSync(path, 'utf8') };
	}
}

export function toNumber(text: string): number {
	return Number(text.replace(/[^\d.-]/g, ''));
}
