// Page object for the Actions & export screen: role-based locators, downloads read back as text/bytes.
import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class ActionsPage {
	readonly page: Page;
	readonly heading: Locator;
	readonly worklist: Locator;
	readonly exports: Locator;
	readonly card: Locator;

	constructor(page: Page) {
		this.page = page;
		this.heading = page.getByRole('heading', { level: 1, name: 'Actions & export' });
		this.worklist = page.getByRole('region', { name: 'Worklist' });
		this.exports = page.getByRole('region', { name: 'Exports' });
		this.card = page.getByRole('article', { name: /^Model card:/ });
	}

	async goto(): Promise<void> {
		await this.page.goto('/#/actions');
		await expect(this.heading).toBeVisible();
		await expect(this.groups.first()).toBeVisible({ timeout: 45_000 });
	}

	/** Worklist groups (one region per action), in order. */
	get groups(): Locator {
		return this.worklist.getByRole('region');
	}

	/** Click a button and return the download's path and suggested name. */
	async download(
		name: string | RegExp,
		scope: Locator = this.page.locator('body')
	): Promise<{
		path: string;
		name: string;
	}> {
		const [d] = await Promise.all([
			this.page.waitForEvent('download'),
			scope.getByRole('button', { name }).click()
		]);
		return { path: await saved(d), name: d.suggestedFilename() };
	}

	async downloadText(name: string | RegExp): Promise<string> {
		return readFileSync((await this.download(name)).path, 'utf8');
	}

	async downloadBytes(name: string | RegExp): Promise<Buffer> {
		return readFileSync((await this.download(name)).path);
	}

	dialect(): Locator {
		return this.exports.getByRole('combobox', { name: 'Dialect' });
	}

	tableName(): Locator {
		return this.exports.getByRole('textbox', { name: 'Table name' });
	}

	sqlPreview(): Locator {
		return this.exports.getByRole('textbox', { name: /^SQL preview/ });
	}

	playbookInput(field: 'What to do' | 'Owner role' | 'Due within days', trigger: string): Locator {
		return this.page.getByRole(field === 'Due within days' ? 'spinbutton' : 'textbox', {
			name: `${field} — ${trigger}`
		});
	}
}

async function saved(d: Download): Promise<string> {
	const path = await d.path();
	if (!path) throw new Error(`download ${d.suggestedFilename()} failed: ${await d.failure()}`);
	return path;
}

/** Pages of a PDF: `/Type /Page` objects (not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
