// The Validation screen in Japanese: every panel of a run on the sample, the trajectory table,
// the per-segment results with their small-sample warnings, a definition shown on focus and the
// ready-to-ship lines re-judged after a threshold change: no English UI word outside data and
// proper names, axe clean.
import { expect, test, type Page } from '@playwright/test';
import { ja } from '../../src/lib/i18n/ja';
import { expectNoViolations } from './pages/axe';
import { englishWords, expectNoEnglish, PROPER } from './pages/i18n-check';

const PREFIXES = ['app.', 'nav.', 'nd.', 'val.'];
/** Proper names the screen shows as they are (statistics, units). */
const NAMES = [...PROPER, 'PSI', 'JSON'];

/**
 * The data this screen shows as it is: the model's tier names (in captions and headings of
 * tier columns), the segment column's name and values, the chart's tier legend.
 */
async function dataWords(page: Page): Promise<string[]> {
	return page.evaluate(() => [
		...[...document.querySelectorAll('main th[scope=row], main [data-data]')].map(
			(e) => e.textContent ?? ''
		),
		...[...document.querySelectorAll('main option')].map((o) => o.textContent ?? '')
	]);
}

/** The sample model's tier names: data the sentences are built around. */
const TIERS = ['Green', 'Yellow', 'Red'];

async function check(page: Page, where: string): Promise<void> {
	await expectNoEnglish(page, where, PREFIXES);
	const allowed = [...NAMES, ...TIERS, 'segment', ...(await dataWords(page))];
	expect(await englishWords(page, allowed), `English words on ${where}`).toEqual([]);
}

test.use({ locale: 'ja-JP' });

test('Validation in Japanese: every panel, the trajectory table, per-segment results, a definition; axe clean', async ({
	page
}) => {
	test.setTimeout(240_000);
	await page.goto('/#/validation');
	await expect(page.getByRole('heading', { level: 1, name: ja['val.title'] })).toBeVisible();
	const status = page.getByTestId('val-status');
	await expect(status).toContainText('検証が完了しました', { timeout: 120_000 });
	for (const key of [
		'val.h.ready',
		'val.h.survival',
		'val.h.lead',
		'val.h.signals',
		'val.h.robust',
		'val.h.drift',
		'val.h.missing'
	] as const)
		await expect(page.getByRole('heading', { level: 2, name: ja[key] })).toBeVisible();
	await expect(page.getByRole('form', { name: ja['val.c.settings'] })).toBeVisible();
	await expect(page.getByRole('button', { name: /をCSVでダウンロード$/ }).first()).toBeVisible();
	await check(page, 'Validation');
	await expectNoViolations(page, 'Validation in Japanese');

	// A definition shown on keyboard focus (before any click: focus by keyboard shows it), then
	// the trajectory table (folded by default).
	const term = page.getByRole('button', { name: ja['val.sv.cIndex'], exact: true });
	await term.focus();
	await expect(term).toHaveAccessibleDescription(/^ハレルの c 指標/);
	await expect(page.getByRole('tooltip').filter({ hasText: /ハレルの c 指標/ })).toBeVisible();
	await page.locator('summary', { hasText: ja['val.ld.table'] }).click();
	await expect(page.getByRole('table', { name: ja['val.ld.tableCaption'] })).toBeVisible();
	await check(page, 'a definition and the trajectory table');

	// A ready-to-ship threshold changed: the lines are re-judged in Japanese.
	const events = page.getByRole('spinbutton', { name: ja['val.ready.minEvents'] });
	await events.fill('100000');
	await expect(page.getByTestId('ready-events')).toHaveAttribute('data-status', 'fail');
	await expect(page.getByTestId('ready-events')).toContainText(ja['val.ready.fail']);
	await check(page, 'a failed ready-to-ship line');

	// Per-segment results of the sample's segment column: small segments carry the warning.
	await page.getByLabel(ja['val.c.segmentOf']).selectOption('segment');
	await page.getByRole('button', { name: ja['val.c.run'] }).click();
	const section = page.getByRole('region', { name: ja['val.h.segments'] });
	await expect(section).toBeVisible({ timeout: 120_000 });
	await expect(status).toContainText('検証が完了しました', { timeout: 120_000 });
	await expect(section.getByTestId('segment-warning')).toContainText('件未満です');
	await expect(section.getByTestId('segment-row').last().getByRole('rowheader')).toHaveText(
		ja['val.sm.all']
	);
	await check(page, 'per-segment results');
	await expectNoViolations(page, 'Validation per segment in Japanese');
});
