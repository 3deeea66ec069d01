// Privacy and CSP under a sub-path: a whole session makes no outside request and breaks no policy.
import { expect, test, type Page } from '@playwright/test';
import { CalculatorPage } from './pages/calculator';

const SUB_PATH = 'tools/health/';

test.use({ serviceWorkers: 'block' });

/** Collect CSP violations (event listener added before any page script) and console errors. */
async function watchCsp(page: Page): Promise<string[]> {
	const problems: string[] = [];
	await page.addInitScript(() => {
		const w = window as unknown as { __cspViolations: string[] };
		w.__cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) => {
			w.__cspViolations.push(
				`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`
			);
		});
	});
	page.on('console', (msg) => {
		if (/Content[- ]Security[- ]Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (err) => {
		if (/Content[- ]Security[- ]Policy/i.test(err.message))
			problems.push(`pageerror: ${err.message}`);
	});
	return problems;
}

async function violations(page: Page): Promise<string[]> {
	return page.evaluate(
		() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []
	);
}

test('a full session under /tools/health/ stays on its own origin and within the CSP', async ({
	context,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const outside: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
			return route.continue();
		}
		outside.push(`${route.request().method()} ${url}`);
		return route.abort('blockedbyclient');
	});

	const page = await context.newPage();
	const consoleProblems = await watchCsp(page);
	const calc = new CalculatorPage(page);
	await calc.goto(SUB_PATH);
	expect(page.url()).toContain(`/${SUB_PATH}`);

	// Every screen in the navigation.
	const nav = page.getByRole('navigation', { name: 'Screens' });
	const links = nav.getByRole('link');
	const count = await links.count();
	expect(count).toBeGreaterThan(1);
	for (let i = 0; i < count; i++) {
		const link = links.nth(i);
		await link.click();
		await expect(link).toHaveAttribute('aria-current', 'page');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}

	// The calculator, and a share link opened in a second tab.
	await nav.getByRole('link', { name: 'Calculator' }).click();
	await calc.fillWorkedExample();
	await calc.expectScore(79, 'Green');
	const link = await calc.copyShareLink();
	expect(link.startsWith(`${origin}/${SUB_PATH}#/calculator?s=`)).toBe(true);

	const second = await context.newPage();
	const secondProblems = await watchCsp(second);
	await second.goto(link);
	await new CalculatorPage(second).expectScore(79, 'Green');

	expect(outside).toEqual([]);
	expect(await violations(page)).toEqual([]);
	expect(await violations(second)).toEqual([]);
	expect([...consoleProblems, ...secondProblems]).toEqual([]);
});

test('the built page carries a strict CSP meta tag and no inline script', async ({ request }) => {
	const res = await request.get(SUB_PATH);
	expect(res.ok()).toBe(true);
	const html = await res.text();
	const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
	expect(meta, 'CSP meta tag').not.toBeNull();
	const csp = meta![1]!;
	expect(csp).toMatch(/script-src 'self'(;|$)/);
	expect(csp).toMatch(/default-src 'none'/);
	expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
	// The meta comes first in <head>, before anything it should govern.
	expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
	const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
	expect(scripts.length).toBeGreaterThan(0);
	for (const [, attrs, body] of scripts) {
		expect(attrs).toMatch(/\ssrc=/);
		expect(body!.trim()).toBe('');
	}
	expect(html).not.toMatch(/\sstyle="/i);
	expect(html).not.toMatch(/<style\b/i);
	expect(html).not.toMatch(/\son[a-z]+=/i);
});
