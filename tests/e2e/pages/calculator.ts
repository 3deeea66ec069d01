// Page object for the public calculator: role-based locators only.
import { expect, type Locator, type Page } from '@playwright/test';

/** The worked example of the 'Four dimensions' template (DESIGN.md): 79, Green. */
export const WORKED_EXAMPLE = [
	[/^Product usage/, '18'],
	[/^Support experience/, '22'],
	[/^Onboarding/, '23'],
	[/^Engagement/, '16']
] as const;

export class CalculatorPage {
	readonly page: Page;
	readonly heading: Locator;
	readonly template: Locator;
	readonly form: Locator;
	readonly summary: Locator;
	readonly drivers: Locator;
	readonly nextTier: Locator;
	readonly breakdown: Locator;
	readonly shareButton: Locator;
	readonly shareLink: Locator;
	readonly alert: Locator;
	readonly clearButton: Locator;
	readonly exampleButton: Locator;

	constructor(page: Page) {
		this.page = page;
		this.heading = page.getByRole('heading', { level: 1, name: /calculator/i });
		this.template = page.getByRole('combobox', { name: 'Template' });
		this.form = page.getByRole('form', { name: 'Account signals' });
		this.summary = page.getByRole('region', { name: 'Score', exact: true });
		this.drivers = page.getByRole('region', { name: 'What drives this score', exact: true });
		this.nextTier = page.getByRole('region', { name: 'What would move it up a tier' });
		this.breakdown = page.getByRole('table');
		this.shareButton = page.getByRole('button', { name: 'Copy share link' });
		this.shareLink = page.getByRole('textbox', { name: 'Share link' });
		this.alert = page.getByRole('alert');
		this.clearButton = page.getByRole('button', { name: 'Clear all inputs' });
		this.exampleButton = page.getByRole('button', { name: 'Start from the worked example' });
	}

	/** Open the calculator at `path` (relative to baseURL: '' or 'tools/health/'). */
	async goto(path = '', hash = '#/calculator'): Promise<void> {
		await this.page.goto(`${path}${hash}`);
		await expect(this.heading).toBeVisible();
	}

	async chooseTemplate(name: string | RegExp): Promise<void> {
		const options = await this.template.locator('option').allTextContents();
		const label = options.find((o) => (typeof name === 'string' ? o === name : name.test(o)));
		if (!label) throw new Error(`no template option matching ${name}: ${options.join(', ')}`);
		await this.template.selectOption({ label });
	}

	input(name: string | RegExp): Locator {
		return this.form.getByRole('spinbutton', { name });
	}

	/** All inputs of the form (number inputs and selects), in document order. */
	inputs(): Locator {
		return this.form.locator('input, select');
	}

	async fillWorkedExample(): Promise<void> {
		await this.chooseTemplate(/^Four dimensions/);
		for (const [name, value] of WORKED_EXAMPLE) await this.input(name).fill(value);
	}

	async expectScore(score: number, tier: string): Promise<void> {
		await expect(this.summary).toContainText(String(score));
		await expect(this.summary.getByText(String(score), { exact: true })).toBeVisible();
		await expect(this.summary.getByText(tier, { exact: true })).toBeVisible();
	}

	/** Click "Copy share link" and return the link from the read-only field. */
	async copyShareLink(): Promise<string> {
		await this.shareButton.click();
		await expect(this.shareLink).toBeVisible();
		return this.shareLink.inputValue();
	}

	/** Current values of every input, for "nothing changed" checks. */
	async formState(): Promise<{ template: string; values: string[] }> {
		return {
			template: await this.template.inputValue(),
			values: await this.inputs().evaluateAll((els) =>
				els.map((e) => (e as HTMLInputElement | HTMLSelectElement).value)
			)
		};
	}
}
