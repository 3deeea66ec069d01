// The Actions & export screen in Japanese on the sample portfolio: playbooks, the worklist,
// expansion candidates, file/SQL/dbt/chart exports and the model card show no English UI word
// (data and proper names aside), axe clean.
import { expect, test, type Page } from '@playwright/test';
import { ja } from '../../src/lib/i18n/ja';
import { expectNoViolations } from './pages/axe';
import { englishWords, expectNoEnglish, PROPER } from './pages/i18n-check';

const PREFIXES = ['app.', 'nav.', 'act.'];
/** Names shown as they are: formats, tools and the CS platforms the dbt text names. */
const NAMES = [
	...PROPER,
	'JSON',
	'SQL',
	'SVG',
	'PNG',
	'dbt',
	'CTE',
	'README',
	'Gainsight',
	'HubSpot',
	'Vitally',
	'Planhat',
	'KS'
];

/**
 * The data this screen shows as it is: the model's text (playbook actions and owners — in inputs,
 * as worklist headings and in the model card — tier, dimension and metric names, the model name)
 * and the dataset's column names (the pickers' options).
 */
async function dataWords(page: Page): Promise<string[]> {
	return page.evaluate(() => [
		...[...document.querySelectorAll<HTMLInputElement>('main input, main textarea')].map(
			(i) => i.value
		),
		...[
			...document.querySelectorAll(
				'main option, main h3[id^="wl-"], #card-title, .model-card .desc, .model-card code'
			)
		].map((e) => e.textContent ?? '')
	]);
}

async function check(page: Page, where: string): Promise<void> {
	await expectNoEnglish(page, where, PREFIXES);
	const allowed = [...NAMES, ...(await dataWords(page))];
	expect(await englishWords(page, allowed), `English words on ${where}`).toEqual([]);
}

test.use({ locale: 'ja-JP' });

test('Actions & export in Japanese: playbooks, worklist, expansion, exports and the model card have no English UI word; axe clean', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/#/actions');
	await expect(page.getByRole('heading', { level: 1, name: ja['nav.actions'] })).toBeVisible();
	const worklist = page.getByRole('region', { name: ja['act.worklist'] });
	await expect(worklist.getByRole('region').first()).toBeVisible({ timeout: 45_000 });
	await expect(page.getByRole('button', { name: ja['act.wl.download'] })).toBeEnabled();
	await expect(page.getByRole('heading', { name: ja['act.expansion'] })).toBeVisible();
	await expect(page.getByRole('article', { name: /^モデルカード：/ })).toBeVisible();
	await expect(page.getByRole('button', { name: ja['act.ch.histSvg'] })).toBeVisible();
	await check(page, 'Actions & export');
	// Text built in code, inside table cells (which the word check leaves to data): the worklist's
	// top driver and the card's schemes, direction and missing-value rule are said in Japanese.
	await expect(
		worklist.getByText(/^.+：[\d.]+ 点中 [\d.]+ 点を失っています$/).first()
	).toBeVisible();
	const inputs = page.locator('.model-card table.inputs tbody tr:not(.dim)');
	expect(await inputs.count()).toBeGreaterThan(0);
	for (const text of await inputs.evaluateAll((rows) =>
		rows.map((r) => [...r.querySelectorAll('td')].slice(1, 3).map((c) => c.textContent ?? ''))
	))
		for (const cell of text) expect(cell).toMatch(/(ほど良い|点|除外|直線)/);
	await expect(page.locator('.model-card ul li').first()).toContainText('採点するには');
	await expectNoViolations(page, 'Actions & export in Japanese');

	// The scored CSV's column legend, a filtered worklist, and the notes of an export.
	await page.locator('summary', { hasText: ja['act.f.columns'] }).click();
	await expect(page.getByRole('table', { name: ja['act.f.columnsCaption'] })).toBeVisible();
	await page.getByRole('combobox', { name: ja['act.wl.action'] }).selectOption({ index: 1 });
	await expect(worklist.getByRole('region')).toHaveCount(1);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: ja['act.f.json'] }).click();
	await download;
	await expect(page.getByText(ja['act.f.noteJson'])).toBeVisible();
	await check(page, 'the legend, a filtered worklist and an export note');
	await expectNoViolations(page, 'legend and filtered worklist in Japanese');
});
