// RELIABILITY.md "Private windows": when IndexedDB is missing or refuses to open (Firefox's old
// private windows threw InvalidStateError; some browsers disable storage), the app runs in memory
// with a banner that says so, and importing and scoring still work.
import { expect, test, type Page } from '@playwright/test';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataPage } from './pages/data';
import { PortfolioPage } from './pages/portfolio';
import { expectNoViolations } from './pages/axe';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/csv');
const BANNER =
	"Saved in this browser's memory only — private window? Export your model to keep it.";

function pageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

for (const [what, script] of [
	[
		'IndexedDB.open throws',
		() => {
			IDBFactory.prototype.open = function () {
				throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
			};
		}
	],
	[
		'IndexedDB is missing',
		() => {
			Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
		}
	]
] as const) {
	test(`${what}: a memory-only banner; the import and the portfolio still work`, async ({
		page
	}) => {
		const errors = pageErrors(page);
		await page.addInitScript(script);
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		await expect(page.getByText(BANNER)).toBeVisible();
		await expectNoViolations(page, `memory-only banner (${what})`);

		await data.chooseFile(resolve(FIXTURES, 'leading-zero-ids.csv'));
		await expect(data.roleSelect('account_id')).toHaveValue('account-id');
		await data.review();
		await data.commit();
		const counts = await data.datasetCounts('leading-zero-ids');
		expect(counts.rows).toBe('3');
		expect(counts.active).toBe(true);

		const portfolio = new PortfolioPage(page);
		await portfolio.goto();
		await expect(portfolio.accounts).toContainText('0012345');
		expect(errors).toEqual([]);
	});
}
