// Background tasks that cannot serve never leave a spinner without an end: a worker file that
// 404s (a stale tab after a redeploy, or a blocked file) gives a message with a Reload button on
// import, Portfolio and Backtest; Cancel ends a stuck import worker and a fresh one reads the
// next file at once.
import { expect, test, type Page } from '@playwright/test';
import { DataPage } from './pages/data';
import { expectNoViolations } from './pages/axe';
import { missingWorker, redeployed } from './pages/redeploy';

const UPDATED = 'The app was updated — reload to continue.';
const BLOCKED = 'This browser blocked a background task — reload to try again.';

function trouble(page: Page) {
	return page.getByTestId('worker-trouble');
}

test.describe('workers fail loudly', () => {
	test('Portfolio: a score worker gone after a redeploy says so, and Reload recovers', async ({
		page
	}) => {
		await missingWorker(page, 'score');
		await redeployed(page);
		await page.goto('/#/portfolio');
		await expect(trouble(page)).toContainText(UPDATED, { timeout: 30_000 });
		await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
		await expect(page.locator('main')).not.toContainText('Scoring…');
		await expect(page.getByRole('main').getByText(UPDATED).first()).toBeVisible();
		await expectNoViolations(page, 'portfolio with a failed worker');

		// The "new version" is there after all: Reload brings the portfolio back.
		await page.unrouteAll({ behavior: 'wait' });
		await trouble(page).getByRole('button', { name: 'Reload' }).click();
		await expect(page.getByRole('table', { name: 'Accounts per tier' })).toBeVisible({
			timeout: 45_000
		});
		await expect(trouble(page)).toHaveCount(0);
	});

	test('Backtest: a backtest worker that cannot load ends "Running…" with a message', async ({
		page
	}) => {
		await missingWorker(page, 'backtest');
		await page.goto('/#/backtest');
		await expect(trouble(page)).toContainText(BLOCKED, { timeout: 30_000 });
		await expect(trouble(page).getByRole('button', { name: 'Reload' })).toBeVisible();
		await expect(page.getByTestId('bt-status')).not.toContainText('Running');
	});

	test('Import: a parse worker that cannot load gives a message, not "Reading… 0 B"', async ({
		page
	}) => {
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		await missingWorker(page, 'parse');
		await data.fileInput.setInputFiles({
			name: 'small.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('account_id,score\nA1,3\nA2,4\n')
		});
		await expect(trouble(page)).toContainText(BLOCKED, { timeout: 30_000 });
		await expect(page.getByText(/The file could not be read: This browser blocked/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Cancel reading' })).toHaveCount(0);
	});
});

test('Cancel ends a stuck import; the next small file imports promptly', async ({ page }) => {
	const data = new DataPage(page);
	await data.goto();
	await data.waitForBoot();
	// The next parse worker is stuck on its file (it never answers); later ones are the real one.
	let served = 0;
	await page.route('**/assets/parse.worker-*.js', async (route) => {
		if (served++ > 0) return route.continue();
		// The real response's headers, with a body that never answers.
		const res = await route.fetch();
		await route.fulfill({ response: res, body: 'self.onmessage = () => {};' });
	});
	await data.fileInput.setInputFiles({
		name: 'stuck.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('account_id,score\n' + 'A,1\n'.repeat(1000))
	});
	const cancel = page.getByRole('button', { name: 'Cancel reading' });
	await expect(cancel).toBeVisible();
	// A stalled step shows no estimate, but how long nothing has moved.
	await expect(page.getByText(/0 rows · 0 B of 4\.0 KB · no progress for \d+ s/)).toBeVisible();
	await expect(page.getByText(/left$/)).toHaveCount(0);
	await cancel.click();
	await expect(cancel).toHaveCount(0);

	await data.fileInput.setInputFiles({
		name: 'small.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('account_id,score\nA1,3\nA2,4\n')
	});
	// Promptly: well inside the old 69–120 s wait, on a fresh worker.
	await expect(data.reviewButton).toBeVisible({ timeout: 10_000 });
	expect(served).toBe(2);
});
