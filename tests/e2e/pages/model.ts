// Page object for the Model screen: role-based locators only.
import { expect, type Locator, type Page } from '@playwright/test';

export class ModelPage {
	readonly page: Page;
	readonly heading: Locator;
	readonly undo: Locator;
	readonly redo: Locator;
	readonly importInput: Locator;
	readonly importIssues: Locator;
	readonly liveSummary: Locator;
	readonly warnings: Locator;

	constructor(page: Page) {
		this.page = page;
		this.heading = page.getByRole('heading', { level: 1, name: /^Model/ });
		this.undo = page.getByRole('button', { name: 'Undo', exact: true });
		this.redo = page.getByRole('button', { name: 'Redo', exact: true });
		this.importInput = page.getByLabel('Import model JSON');
		this.importIssues = page.getByRole('alert').filter({ hasText: 'The file was not imported' });
		this.liveSummary = page
			.getByRole('region', { name: 'Live distribution' })
			.getByText(/^Green \d+ · Yellow \d+ · Red \d+/);
		this.warnings = page.getByRole('region', { name: 'Warnings' });
	}

	async goto(): Promise<void> {
		await this.page.goto('/#/model');
		await expect(this.heading).toBeVisible();
		await expect(this.liveSummary).toBeVisible({ timeout: 45_000 });
	}

	/** [Green, Yellow, Red] counts from the live distribution summary. */
	async counts(): Promise<number[]> {
		const text = await this.liveSummary.innerText();
		return [...text.matchAll(/(\d+)/g)].slice(0, 3).map((m) => Number(m[1]));
	}

	dimensionWeight(name: string): Locator {
		return this.page.getByRole('spinbutton', { name: `${name} weight, number`, exact: true });
	}

	async setDimensionWeight(name: string, value: number): Promise<void> {
		const input = this.dimensionWeight(name);
		await input.fill(String(value));
		await input.press('Tab');
	}

	dimensionName(index: number): Locator {
		return this.page.getByRole('textbox', { name: 'Dimension name' }).nth(index);
	}

	async importFile(name: string, text: string): Promise<void> {
		await this.importInput.setInputFiles({
			name,
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
	}
}
