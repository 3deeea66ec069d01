// The Backtest screen in Japanese on the sample portfolio: the report card, a rolling backtest,
// a challenger compared, suggested weights and thresholds, a definition on focus and an accepted
// suggestion show no English UI word (data and proper names aside), axe clean.
import { expect, test, type Page } from '@playwright/test';
import { ja } from '../../src/lib/i18n/ja';
import { expectNoViolations } from './pages/axe';
import { englishWords, expectNoEnglish, PROPER } from './pages/i18n-check';

const PREFIXES = ['app.', 'nav.', 'bt.'];
/** Names of methods and statistics shown as they are in Japanese. */
const NAMES = [...PROPER, 'ROC', 'KS', 'Wilson', 'Platt', 'JSON'];

/**
 * The data this screen shows as it is: the model's tier and metric names, the challenger
 * picker's options (template and saved model names) and the dataset's name.
 */
async function dataWords(page: Page): Promise<string[]> {
	return page.evaluate(() => [
		...[...document.querySelectorAll('main th[scope=row], main option')].map(
			(e) => e.textContent ?? ''
		)
	]);
}

async function check(page: Page, where: string): Promise<void> {
	await expectNoEnglish(page, where, PREFIXES);
	const allowed = [...NAMES, ...(await dataWords(page))];
	expect(await englishWords(page, allowed), `English words on ${where}`).toEqual([]);
}

const status = (page: Page) => page.getByTestId('bt-status');
const done = /件のアカウントのバックテストが .+ で完了しました/;

test.use({ locale: 'ja-JP' });

test('Backtest in Japanese: report, rolling, challenger, suggestions and an accept have no English UI word; axe clean', async ({
	page
}) => {
	test.setTimeout(240_000);
	await page.goto('/#/backtest');
	await expect(page.getByRole('heading', { level: 1, name: ja['bt.title'] })).toBeVisible();
	await expect(status(page)).toHaveText(done, { timeout: 60_000 });
	await expect(page.getByRole('form', { name: ja['bt.c.settings'] })).toBeVisible();
	await expect(page.getByRole('radio', { name: ja['bt.c.pit'] })).toBeChecked();
	await expect(page.getByRole('button', { name: 'ティアの表をCSVでダウンロード' })).toBeVisible();
	await expect(page.getByRole('heading', { name: ja['bt.cmp.weights'] })).toBeVisible();
	await expect(page.getByRole('button', { name: ja['bt.f.accept'] })).toBeVisible({
		timeout: 90_000
	});
	await check(page, 'the report');
	await expectNoViolations(page, 'Backtest in Japanese');

	// A definition on keyboard focus, in Japanese.
	const term = page.getByRole('button', { name: 'AUC', exact: true }).first();
	await term.focus();
	await expect(term).toHaveAccessibleDescription(ja['bt.def.auc']);
	await expect(page.getByRole('tooltip').filter({ hasText: ja['bt.def.auc'] })).toBeVisible();
	await page.keyboard.press('Escape');

	// A rolling backtest and a challenger: the over-time section and the comparison.
	await page.getByRole('checkbox', { name: ja['bt.c.rolling'] }).check();
	await expect(page.getByRole('heading', { name: ja['bt.overTime'] })).toBeVisible({
		timeout: 90_000
	});
	await page.getByRole('combobox', { name: ja['bt.cmp.challenger'] }).selectOption({
		label: ja['bt.ch.template'].replace('{name}', ja['mi.tpl.usage-led-saas.name'])
	});
	await expect(page.getByTestId('delta-auc')).toBeVisible({ timeout: 90_000 });
	await expect(status(page)).toHaveText(done, { timeout: 90_000 });
	await expect(page.getByRole('table', { name: /^ティアの移動/ })).toBeVisible();
	await check(page, 'a rolling backtest with a challenger');
	await expectNoViolations(page, 'rolling backtest and challenger in Japanese');

	// Accepting the suggested weights: the notice and the re-run report.
	const accept = page.getByRole('button', { name: ja['bt.f.accept'] });
	await expect(accept).toBeEnabled({ timeout: 90_000 });
	await accept.click();
	await expect(page.getByText(/^推奨の重みを適用/)).toBeVisible();
	await expect(page.getByRole('button', { name: ja['bt.undo'] })).toBeVisible();
	await expect(status(page)).toHaveText(done, { timeout: 90_000 });
	await check(page, 'an accepted suggestion');
	await expectNoViolations(page, 'accepted suggestion in Japanese');
});
