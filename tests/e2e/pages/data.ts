// Page object for the Data screen (import wizard + datasets list): role-based locators only.
import { expect, type Locator, type Page } from '@playwright/test';

export class DataPage {
	readonly page: Page;
	readonly heading: Locator;
	readonly fileInput: Locator;
	readonly wizard: Locator;
	readonly datasets: Locator;
	readonly datasetsTable: Locator;
	readonly reviewButton: Locator;
	readonly importButton: Locator;
	readonly status: Locator;

	constructor(page: Page) {
		this.page = page;
		this.heading = page.getByRole('heading', { level: 1, name: 'Data' });
		this.fileInput = page.getByLabel(/Drop a CSV file here/);
		this.wizard = page.getByRole('region', { name: /Import a CSV file|Re-map/ });
		this.datasets = page.getByRole('region', { name: 'Datasets' });
		this.datasetsTable = this.datasets.getByRole('table', { name: 'Stored datasets' });
		this.reviewButton = page.getByRole('button', { name: 'Review import' });
		this.importButton = page.getByRole('button', {
			name: /^(Import [\d,]+ rows|Skip [\d,]+ rows and import)$/
		});
		this.status = page.getByRole('status').filter({ hasText: /Loading|Opening/ });
	}

	/** Open the Data screen (`base` is '' for the site root, or e.g. '/tools/health/'). */
	async goto(base = '/'): Promise<void> {
		await this.page.goto(`${base}#/data`);
		await expect(this.heading).toBeVisible();
	}

	/** Wait until the first-open loader is done (status line gone). */
	async waitForBoot(): Promise<void> {
		await expect(this.page.getByText(/^(Opening saved data|Loading)/)).toHaveCount(0, {
			timeout: 30_000
		});
	}

	async chooseFile(path: string): Promise<void> {
		await this.fileInput.setInputFiles(path);
		await expect(this.reviewButton).toBeVisible({ timeout: 30_000 });
	}

	roleSelect(column: string): Locator {
		return this.page.getByRole('combobox', { name: `Role of ${column}`, exact: true });
	}

	typeSelect(column: string): Locator {
		return this.page.getByRole('combobox', { name: `Type of ${column}`, exact: true });
	}

	/** The mapping-table row of a column (its row header is the original header). */
	mappingRow(column: string): Locator {
		return this.wizard.getByRole('row').filter({
			has: this.page.getByRole('rowheader', { name: new RegExp(`^${escape(column)}(?:\\s|$)`) })
		});
	}

	async review(): Promise<void> {
		await this.reviewButton.click();
		await expect(this.importButton).toBeVisible({ timeout: 30_000 });
	}

	async commit(): Promise<void> {
		await this.importButton.click();
		await expect(this.page.getByText(/^Stored “.+”: [\d,]+ rows/)).toBeVisible({ timeout: 60_000 });
	}

	async anotherFile(): Promise<void> {
		await this.page.getByRole('button', { name: 'Import another file' }).click();
	}

	/** A datasets-list row by dataset name. */
	datasetRow(name: string): Locator {
		return this.datasetsTable.getByRole('row').filter({
			has: this.page.getByRole('rowheader', { name: new RegExp(`^${escape(name)}(?:\\s|$)`) })
		});
	}

	/** Rows and columns as the list shows them, e.g. { rows: '7,043', columns: '21' }. */
	async datasetCounts(name: string): Promise<{ rows: string; columns: string; active: boolean }> {
		const cells = this.datasetRow(name).getByRole('cell');
		return {
			rows: (await cells.nth(0).innerText()).trim(),
			columns: (await cells.nth(1).innerText()).trim(),
			active: (await cells.nth(4).innerText()).includes('Active')
		};
	}

	async datasetNames(): Promise<string[]> {
		const heads = this.datasetsTable.getByRole('rowheader');
		const n = await heads.count();
		const out: string[] = [];
		for (let i = 0; i < n; i++) out.push((await heads.nth(i).innerText()).split('\n')[0]!.trim());
		return out;
	}
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
