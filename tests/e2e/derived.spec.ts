// Derived metrics on the Model screen: a ratio and a change over 60 days on the sample portfolio,
// previews checked against values computed here from the CSV, the portfolio rescored, the derived
// column still there after a reload, axe clean.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ModelPage } from './pages/model';
import { expectNoViolations } from './pages/axe';
import { savedActiveModel } from './pages/storage';

/** The sample CSV as rows of strings by header (no quoted fields in it). */
function sampleRows(): Record<string, string>[] {
	const text = readFileSync(new URL('../../public/sample/portfolio.csv', import.meta.url), 'utf8');
	const [head, ...lines] = text.trim().split(/\r?\n/);
	const names = head!.split(',');
	return lines.map((l) => {
		const cells = l.split(',');
		return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
	});
}

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? NaN : Number(s));
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const round2 = (x: number) => String(Math.round(x * 100) / 100);

/** Each account's rows sorted by snapshot date. */
function byAccount(rows: Record<string, string>[]): Map<string, Record<string, string>[]> {
	const out = new Map<string, Record<string, string>[]>();
	for (const r of rows) {
		const list = out.get(r.account_id!) ?? [];
		list.push(r);
		out.set(r.account_id!, list);
	}
	for (const list of out.values())
		list.sort((a, b) => day(a.snapshot_date!) - day(b.snapshot_date!));
	return out;
}

function median(xs: number[]): number {
	const s = xs.slice().sort((a, b) => a - b);
	const m = s.length;
	return m % 2 ? s[(m - 1) / 2]! : (s[m / 2 - 1]! + s[m / 2]!) / 2;
}

async function firstPreviewRow(
	page: Page
): Promise<{ account: string; date: string; value: string }> {
	const row = page
		.getByRole('region', { name: 'Preview of the derived values' })
		.getByRole('row')
		.nth(1);
	const cells = await row.getByRole('cell').allInnerTexts();
	const account = await row.getByRole('rowheader').innerText();
	return { account, date: cells[0]!, value: cells[1]! };
}

test('derived ratio and change: preview matches the CSV, rescores, survives a reload', async ({
	page
}) => {
	test.setTimeout(120_000);
	const accounts = byAccount(sampleRows());
	const m = new ModelPage(page);
	await m.goto();
	const before = await m.counts();

	await page.getByText('Add a derived metric', { exact: true }).click();
	const form = page.getByRole('form', { name: 'Derived metric' });
	await form.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('ratio');
	await form.getByRole('combobox', { name: 'Numerator', exact: true }).selectOption('active_users');
	await form.getByRole('combobox', { name: 'Denominator', exact: true }).selectOption('seats');
	await expect(form.getByRole('spinbutton', { name: 'Multiply by' })).toHaveValue('100');
	await expect(form.getByRole('textbox', { name: 'New column name' })).toHaveValue(
		'active_users_per_seats'
	);
	await expect(form).toContainText('active_users_per_seats = active_users ÷ seats × 100');

	// First preview row: one account on its latest snapshot.
	const r1 = await firstPreviewRow(page);
	const hist1 = accounts.get(r1.account)!;
	const last1 = hist1.at(-1)!;
	expect(r1.date).toBe(last1.snapshot_date);
	expect(r1.value).toBe(round2((num(last1.active_users) / num(last1.seats)) * 100));
	// Median over every account's latest snapshot.
	const ratios = [...accounts.values()]
		.map((h) => h.at(-1)!)
		.map((r) => (num(r.active_users) / num(r.seats)) * 100)
		.filter((x) => Number.isFinite(x));
	await expect(page.getByTestId('derived-summary')).toContainText(
		`On the latest snapshot of ${accounts.size} accounts`
	);
	await expect(page.getByTestId('derived-summary')).toContainText(
		`median ${round2(median(ratios))}`
	);
	await expectNoViolations(page, 'derived metric form (ratio)');

	await form
		.getByRole('combobox', { name: 'Add to dimension', exact: true })
		.selectOption({ index: 0 });
	await form.getByRole('button', { name: 'Add derived metric' }).click();
	await expect(form.getByRole('status')).toContainText('Added active_users_per_seats');
	await expect(
		page.getByText('active_users_per_seats = active_users ÷ seats × 100 ·')
	).toBeVisible();
	await expect.poll(() => m.counts(), { timeout: 30_000 }).not.toEqual(before);
	const afterRatio = await m.counts();

	// Change of logins_30d over 60 days, in percent.
	await form.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('change');
	await form.getByRole('combobox', { name: 'Column', exact: true }).selectOption('logins_30d');
	await form.getByRole('spinbutton', { name: 'Days', exact: true }).fill('60');
	await form.getByRole('combobox', { name: 'Change as', exact: true }).selectOption('pct');
	await expect(form.getByRole('textbox', { name: 'New column name' })).toHaveValue(
		'logins_30d_pct_change_60d'
	);
	const r2 = await firstPreviewRow(page);
	const hist2 = accounts.get(r2.account)!;
	const now = hist2.at(-1)!;
	const then = hist2.filter((r) => day(r.snapshot_date!) <= day(now.snapshot_date!) - 60).at(-1)!;
	const expected =
		((num(now.logins_30d) - num(then.logins_30d)) / Math.abs(num(then.logins_30d))) * 100;
	expect(r2.value).toBe(round2(expected));
	await expectNoViolations(page, 'derived metric form (change)');
	await form.getByRole('button', { name: 'Add derived metric' }).click();
	await expect(form.getByRole('status')).toContainText('Added logins_30d_pct_change_60d');
	await expect.poll(() => m.counts(), { timeout: 30_000 }).not.toEqual(afterRatio);
	const afterChange = await m.counts();
	// Wait until the model autosave has written the new metric before reloading.
	await expect
		.poll(async () => (await savedActiveModel(page)) ?? '', { timeout: 30_000 })
		.toContain('logins_30d_pct_change_60d');

	// Reload: the dataset keeps both derived columns, and the autosaved model still reads them.
	await page.reload();
	await m.goto();
	const picker = page.getByRole('combobox', { name: 'Column for a new metric' }).first();
	await expect(
		picker.locator('option', { hasText: 'active_users_per_seats (= active_users ÷ seats × 100)' })
	).toHaveCount(1);
	await expect(
		picker.locator('option', {
			hasText: 'logins_30d_pct_change_60d (= % change of logins_30d vs 60 days earlier)'
		})
	).toHaveCount(1);
	await expect.poll(() => m.counts()).toEqual(afterChange);
	expect(afterChange).not.toEqual(before);
});
