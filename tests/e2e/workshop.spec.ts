// The workshop kit through the real UI: a facilitator starts a blind-rating round, three
// participants (each in their own browser, as on their phones) rate the cards and allocate
// points, their codes are merged (one by pasting a whole link, one through the answer link),
// and the room's agreement and weights match hand-computed values. Keyboard and axe included.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoViolations } from './pages/axe';

/**
 * Ratings per participant for accounts A–D. Counts per account [R, Y, G]:
 * A [3,0,0], B [0,1,2], C [1,1,1], D [0,0,3].
 * Fleiss' κ by hand: Pᵢ = (Σc² − 3)/6 → 1, 1/3, 0, 1, so P̄ = 7/12; pⱼ = 4/12, 2/12, 6/12, so
 * P̄e = 56/144 = 7/18; κ = (7/12 − 7/18)/(1 − 7/18) = 7/22 = 0.318 ("fair", Landis & Koch).
 */
const PEOPLE = [
	{ name: 'Aiko', ratings: 'RYRG', points: [50, 30, 20] },
	{ name: 'Bo', ratings: 'RGYG', points: [40, 40, 20] },
	{ name: 'Chen', ratings: 'RGGG', points: [30, 50, 20] }
];
const NAMES = { R: 'Red', Y: 'Yellow', G: 'Green' } as const;

async function startRound(page: Page): Promise<string> {
	await page.goto('/#/workshop');
	await expect(page.getByRole('heading', { level: 1, name: 'Workshop' })).toBeVisible();
	const start = page.getByRole('button', { name: 'Start the round' });
	await expect(start).toBeEnabled({ timeout: 45_000 });
	await page.getByLabel('Round title (shown to participants)').fill('Q4 design workshop');
	await page.getByLabel('Accounts to rate').fill('4');
	await page.getByLabel('How to pick').selectOption({ label: 'Random' });
	await page.getByLabel('Seed').fill('3');
	await start.click();
	await expect(page.getByText('Round started with 4 accounts.')).toBeVisible();
	const link = page.getByLabel('Link for participants');
	await expect(link).toHaveValue(/#\/workshop\?r=[A-Za-z0-9_-]+$/);
	return link.inputValue();
}

/** One participant on their own device: rate, allocate, return the answer code. */
async function participate(
	browser: Browser,
	link: string,
	who: (typeof PEOPLE)[number],
	useKeyboard: boolean
): Promise<{ code: string; link: string }> {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1, name: 'Rate these accounts' })).toBeVisible();
	await expect(page.getByText('Q4 design workshop')).toBeVisible();
	// Raw values only: no score and no tier on the cards.
	const cards = page.getByRole('group', { name: /^Account [A-D]$/ });
	await expect(cards).toHaveCount(4);
	await expect(page.locator('dl').first()).not.toContainText(/score/i);
	await page.getByLabel('Your name or initials').fill(who.name);
	for (const [i, r] of [...who.ratings].entries()) {
		const card = page.getByRole('group', { name: `Account ${'ABCD'[i]}` });
		if (useKeyboard) {
			// Tab into the card's radio group, arrow to the rating (Red, Yellow, Green order).
			await card.getByRole('radio', { name: 'Red' }).focus();
			await page.keyboard.press('Space');
			for (let k = 0; k < 'RYG'.indexOf(r); k++) await page.keyboard.press('ArrowRight');
		} else {
			await card.getByRole('radio', { name: NAMES[r as keyof typeof NAMES] }).check();
		}
		await expect(card.getByRole('radio', { name: NAMES[r as keyof typeof NAMES] })).toBeChecked();
	}
	const pointInputs = page.getByRole('spinbutton', { name: /^Points for / });
	const dims = await pointInputs.count();
	expect(dims).toBeGreaterThanOrEqual(3);
	for (let j = 0; j < dims; j++) await pointInputs.nth(j).fill(String(who.points[j] ?? 0));
	await expect(page.getByText('Total: 100 of 100 points')).toBeVisible();
	if (useKeyboard) {
		await page.getByRole('button', { name: 'Make my answer code' }).focus();
		await page.keyboard.press('Enter');
		await expectNoViolations(page, 'participant view');
	} else {
		await page.getByRole('button', { name: 'Make my answer code' }).click();
	}
	const code = await page.getByLabel('Answer code').inputValue();
	const answerLink = await page.getByLabel('Answer link').inputValue();
	expect(code).toMatch(/^[A-Za-z0-9_-]{20,200}$/);
	await ctx.close();
	return { code, link: answerLink };
}

test.describe('workshop', () => {
	test('a blind-rating round with three participants: κ and weights match the hand values', async ({
		page,
		browser
	}) => {
		test.setTimeout(120_000);
		const link = await startRound(page);
		const answers = [];
		for (const [i, who] of PEOPLE.entries())
			answers.push(await participate(browser, link, who, i === 0));

		const paste = page.getByLabel('Paste an answer code or link');
		const add = page.getByRole('button', { name: 'Add answers' });
		// A damaged code changes nothing and says why.
		await paste.fill(answers[0]!.code.slice(0, -6));
		await add.click();
		await expect(page.getByRole('alert')).toContainText('damaged or incomplete');
		await expect(page.getByText('No answers yet.')).toBeVisible();

		await paste.fill(answers[0]!.code);
		await add.click();
		await expect(page.getByText('Added Aiko’s answers.')).toBeVisible();
		await paste.fill(answers[1]!.link); // a whole link pasted works too
		await add.click();
		await expect(page.getByText('Added Bo’s answers.')).toBeVisible();
		// Chen's answer link opened on the facilitator's machine adds it to the round.
		await page.goto(answers[2]!.link);
		await expect(page.getByText('Added Chen’s answers.')).toBeVisible();
		await expect(page).toHaveURL(/#\/workshop$/);

		const people = page.getByRole('list', { name: 'Participants' });
		await expect(people.getByRole('listitem')).toHaveCount(3);
		await expect(page.getByTestId('fleiss-kappa')).toHaveText(
			'Agreement among 3 raters on 4 accounts: Fleiss’ κ = 0.318 (fair)'
		);
		// Disagreement first: C (no pair agrees), then B, then A and D.
		const cardRows = page
			.getByRole('table', { name: 'Ratings per account, most disagreement first' })
			.getByRole('rowheader');
		await expect(cardRows).toHaveText(['Account C', 'Account B', 'Account A', 'Account D']);

		// Weights: dimension 1 got 50/40/30 (mean 40, median 40, SD √(200/3) = 8.2), dimension 2
		// 30/40/50 (same spread), dimension 3 20/20/20 (SD 0): most disputed first.
		const weights = page.getByRole('table', { name: /^Weights: the room’s points/ });
		const first = weights.getByRole('row').nth(1);
		await expect(first.getByRole('cell').nth(0)).toHaveText('40.0');
		await expect(first.getByRole('cell').nth(1)).toHaveText('40.0');
		await expect(first.getByRole('cell').nth(2)).toHaveText('8.2');
		await expect(first.getByRole('cell').nth(3)).toHaveText('30–50');
		const third = weights.getByRole('row').nth(3);
		await expect(third.getByRole('cell').nth(0)).toHaveText('20.0');
		await expect(third.getByRole('cell').nth(2)).toHaveText('0.0');

		// The room beside the model (once the portfolio is scored): every rater has a row.
		const vs = page.getByRole('table', { name: 'Each rater against the model’s tiers' });
		await expect(vs.getByRole('rowheader')).toHaveText(['Aiko', 'Bo', 'Chen', 'Room (majority)'], {
			timeout: 45_000
		});
		await expect(page.getByTestId('expert-auc')).toBeVisible();

		// A decision for the log; it is on the model card.
		await page.getByLabel('What was decided').fill('Usage weight stays at 40 %');
		await page.getByLabel('Who decided').fill('the room');
		await page.getByRole('button', { name: 'Add to the log' }).click();
		await expect(page.getByText('Usage weight stays at 40 %')).toBeVisible();
		await expectNoViolations(page, 'workshop facilitator view');

		// Survives a reload (kept in this browser).
		await page.reload();
		await expect(page.getByTestId('fleiss-kappa')).toContainText('κ = 0.318');

		await page.goto('/#/actions');
		const card = page.getByRole('region', { name: /Decisions/ });
		await expect(card).toContainText('Usage weight stays at 40 %');
		await expect(card).toContainText('the room');
	});

	test('a link for another round or a broken round link changes nothing and says why', async ({
		page
	}) => {
		await page.goto('/#/workshop?r=not-a-round');
		await expect(page.getByRole('alert')).toContainText('damaged or incomplete');
		await page.goto('/#/workshop');
		await page.goto('/#/workshop?a=abc');
		await expect(page.getByRole('alert')).toContainText('Start a round first');
	});
});
