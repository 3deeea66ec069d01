/** axe (WCAG 2.2 AA) check shared by every browser spec: no violations, summarised readably. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Run axe on the page as it is and fail with the rule ids and first nodes of any violation. */
export async function expectNoViolations(page: Page, where: string): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = violations.map((v) => ({
		id: v.id,
		help: v.help,
		nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)
	}));
	expect(summary, `axe violations on ${where}`).toEqual([]);
}
