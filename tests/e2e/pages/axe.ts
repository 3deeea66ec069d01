/** axe (WCAG 2.2 AA) check shared by every browser spec: no violations, summarised readably. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Run axe on the page as it is and fail with the rule ids and first nodes of any violation.
 * Legacy mode runs axe in the page in one go: the app has no frames, and the default mode's
 * extra blank page and partial-result round trip made each check take 2–3× as long (the Model
 * screen: ~7.5–10.9 s against ~2.5–8.8 s on a loaded machine; the audit itself ~0.7 s quiet),
 * with 130-odd checks in the suite.
 */
export async function expectNoViolations(page: Page, where: string): Promise<void> {
	const { violations } = await new AxeBuilder({ page })
		.withTags(WCAG_TAGS)
		.setLegacyMode(true)
		.analyze();
	const summary = violations.map((v) => ({
		id: v.id,
		help: v.help,
		nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)
	}));
	expect(summary, `axe violations on ${where}`).toEqual([]);
}
