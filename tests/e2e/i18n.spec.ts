// Japanese and English: the browser's language by default, a switch that remembers, every
// translated screen walked in Japanese with no English UI text left, axe clean in Japanese, and a
// calculator share link that opens in the recipient's own language.
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src/lib/i18n/en';
import { ja } from '../../src/lib/i18n/ja';
import { expectNoViolations } from './pages/axe';
import { englishWords, expectNoEnglish as expectNoEnglishIn, PROPER } from './pages/i18n-check';
import { PortfolioPage } from './pages/portfolio';

/** The screens whose text is in the catalogs (model content, e.g. template names, is data). */
const TRANSLATED_PREFIXES = ['app.', 'nav.', 'calc.', 'ws.', 'nd.', 'pf.'];

const expectNoEnglish = (page: Page, where: string) =>
	expectNoEnglishIn(page, where, TRANSLATED_PREFIXES);

test.describe('languages', () => {
	test.use({ locale: 'ja-JP' });

	test('a Japanese browser gets Japanese; the calculator and the workshop have no English UI text', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.goto('/#/calculator');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
		await expect(page.getByRole('heading', { level: 1, name: ja['calc.title'] })).toBeVisible();
		const nav = page.getByRole('navigation', { name: ja['app.screens'] });
		for (const key of ['nav.calculator', 'nav.portfolio', 'nav.workshop'] as const)
			await expect(nav.getByRole('link', { name: ja[key] })).toBeVisible();
		await expect(page).toHaveTitle(`${ja['nav.calculator']} · ${ja['app.name']}`);
		await expect(page.getByText(ja['calc.exampleNote'], { exact: true })).toBeVisible();
		await page.getByRole('button', { name: ja['calc.clear'] }).click();
		await expect(page.getByText(ja['calc.notScored'], { exact: true })).toBeVisible();
		await expectNoEnglish(page, 'calculator');
		await expectNoViolations(page, 'calculator in Japanese');

		await page.goto('/#/workshop');
		await expect(page.getByRole('heading', { level: 1, name: ja['ws.title'] })).toBeVisible();
		const start = page.getByRole('button', { name: ja['ws.setup.start'] });
		await expect(start).toBeEnabled({ timeout: 45_000 });
		await page.getByLabel(ja['ws.setup.count']).fill('3');
		await page.getByLabel(ja['ws.setup.method']).selectOption({ label: ja['ws.setup.random'] });
		await start.click();
		await expect(page.getByText('3 件のアカウントでラウンドを開始しました。')).toBeVisible();
		// A bad code is refused in Japanese.
		await page.getByLabel(ja['ws.answers.paste']).fill('abc');
		await page.getByRole('button', { name: ja['ws.answers.add'] }).click();
		await expect(page.getByRole('alert')).toHaveText(ja['ws.err.answerDamaged']);
		await expectNoEnglish(page, 'workshop (facilitator)');
		await expectNoViolations(page, 'workshop in Japanese');

		const link = await page.getByLabel(ja['ws.setup.link']).inputValue();
		await page.goto(link);
		await expect(page.getByRole('heading', { level: 1, name: ja['ws.p.title'] })).toBeVisible();
		await expect(page.getByRole('group', { name: 'アカウント A' })).toBeVisible();
		await expectNoEnglish(page, 'workshop (participant)');
		await expectNoViolations(page, 'participant view in Japanese');
	});
});

test('the switch remembers the choice; a share link opens in the recipient’s language', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const sender = await browser.newContext({ locale: 'en-US' });
	const page = await sender.newPage();
	await page.goto('/#/calculator');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const sw = page.getByLabel('Language');
	await sw.focus();
	await sw.selectOption('ja');
	await expect(page.getByRole('heading', { level: 1, name: ja['calc.title'] })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: ja['calc.title'] })).toBeVisible();
	await expect(page.getByLabel(ja['app.language'])).toHaveValue('ja');

	// Make a share link in Japanese.
	const first = page.getByRole('spinbutton').first();
	await first.fill('10');
	await sender.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.getByRole('button', { name: ja['calc.copyLink'] }).click();
	const link = await page.getByLabel(ja['calc.shareLink']).inputValue();
	expect(link).toMatch(/#\/calculator\?s=/);
	// The link carries no language: the recipient's own setting decides.
	expect(new URL(link).hash).not.toMatch(/lang=/);

	// An English recipient reads it in English; the sender's own browser stays Japanese.
	const recipient = await browser.newContext({ locale: 'en-US' });
	const other = await recipient.newPage();
	await other.goto(link);
	await expect(other.getByRole('heading', { level: 1, name: en['calc.title'] })).toBeVisible();
	await expect(
		other.getByRole('status').filter({ hasText: 'Opened a shared calculation' })
	).toBeVisible();
	await recipient.close();
	await sender.close();
});

test('the currency setting (¥ / $ / €) shows wherever money does, and is remembered', async ({
	page
}) => {
	test.setTimeout(90_000);
	const portfolio = new PortfolioPage(page);
	await portfolio.goto();
	// The first tier's contract value (count, share, value): found without words, so it holds in Japanese.
	const money = page.locator('tr:has([data-testid^="tier-count-"])').first().locator('td').nth(2);
	await expect(money).toContainText('$');
	const currency = page.getByLabel('Currency');
	await expect(currency).toHaveValue('USD');
	await currency.selectOption('JPY');
	await expect(money).toContainText('¥');
	await expect(money).not.toContainText('$');
	await page.reload();
	await expect(money).toBeVisible({ timeout: 45_000 });
	await expect(page.getByLabel('Currency')).toHaveValue('JPY');
	await expect(money).toContainText('¥');
	// The language switch reaches the same formatters: Japanese writes yen full-width (￥).
	await page.getByLabel('Language').selectOption('ja');
	await expect(money).toContainText('￥');
	await page.getByLabel(ja['app.currency']).selectOption('EUR');
	await expect(money).toContainText('€');
	await expectNoViolations(page, 'portfolio with the currency switch');
});

test.describe('screens in Japanese', () => {
	test.use({ locale: 'ja-JP' });

	test('Portfolio: no English UI word, axe clean', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/#/portfolio');
		await expect(page.getByRole('heading', { level: 1, name: ja['nav.portfolio'] })).toBeVisible();
		await expect(page.getByRole('table', { name: ja['pf.perTier'] })).toBeVisible({
			timeout: 45_000
		});
		// Data on this screen: the model's name and tier names, the sample's column names.
		const status = await page.getByText(/モデル「/).innerText();
		const model = /「(.*)」/.exec(status)![1]!;
		const tiers = await page.getByRole('table', { name: ja['pf.perTier'] }).innerText();
		await expectNoEnglish(page, 'Portfolio');
		expect(await englishWords(page, [...PROPER, model, tiers])).toEqual([]);
		await expectNoViolations(page, 'Portfolio in Japanese');
		// The drill-down of the first account.
		await page
			.getByRole('region', { name: ja['pf.accountsTitle'] })
			.getByRole('rowheader')
			.first()
			.getByRole('button')
			.click();
		const dialog = page.getByRole('dialog');
		await expect(
			dialog.getByRole('heading', { level: 3, name: ja['pf.dimensions'] })
		).toBeVisible();
		const account = (await dialog.getByRole('heading', { level: 2 }).innerText()).split(' ').pop()!;
		// The tier's action is the model's own text (a template's content), like its name.
		const action = (await dialog.locator('.score').innerText()).split('—').pop()!;
		const dims = await dialog.getByRole('table').first().innerText();
		expect(await englishWords(page, [...PROPER, model, tiers, account, action, dims])).toEqual([]);
		await expectNoViolations(page, 'account drill-down in Japanese');
	});
});
