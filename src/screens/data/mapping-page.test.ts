import { describe, expect, it } from 'vitest';
import { mappingPage, shorten, MAPPING_PAGE_SIZE } from './mapping-page';

const cols = (n: number) =>
	Array.from({ length: n }, (_, i) => ({
		name: `m_${i + 1}`,
		originalName: `Metric ${i + 1}`,
		role: i % 10 === 0 ? 'metric' : 'ignore'
	}));

describe('mappingPage', () => {
	it('shows one page of 50 columns out of 5,000 and reads only that page', () => {
		const all = cols(5000);
		let reads = 0;
		const spy = new Proxy(all, {
			get(t, k, r) {
				if (typeof k === 'string' && /^\d+$/.test(k)) reads++;
				return Reflect.get(t, k, r);
			}
		});
		const p = mappingPage(spy, { query: '', show: 'all', page: 3 });
		expect(p.rows.map((r) => r.name)).toEqual(Array.from({ length: 50 }, (_, i) => `m_${151 + i}`));
		expect([p.matching, p.page, p.pages, p.from, p.to]).toEqual([5000, 3, 100, 151, 200]);
		expect(reads).toBe(MAPPING_PAGE_SIZE);
	});

	it('clamps the page and handles a short last page', () => {
		const p = mappingPage(cols(120), { query: '', show: 'all', page: 99 });
		expect([p.page, p.pages, p.from, p.to, p.rows.length]).toEqual([2, 3, 101, 120, 20]);
		expect(mappingPage(cols(120), { query: '', show: 'all', page: -4 }).page).toBe(0);
	});

	it('filters by header or saved name, case-insensitively, and by use', () => {
		const all = cols(5000);
		// "metric 12" matches 12, 120–129, 1200–1299: 1 + 10 + 100 = 111 columns.
		const p = mappingPage(all, { query: '  METRIC 12', show: 'all', page: 0 });
		expect(p.matching).toBe(111);
		expect(p.rows[0]!.originalName).toBe('Metric 12');
		expect(mappingPage(all, { query: 'm_4999', show: 'all', page: 0 }).rows).toEqual([all[4998]]);
		// every 10th column is used: 500 used, 4,500 ignored.
		expect(mappingPage(all, { query: '', show: 'used', page: 0 }).matching).toBe(500);
		expect(mappingPage(all, { query: '', show: 'ignored', page: 0 }).matching).toBe(4500);
		expect(mappingPage(all, { query: 'metric 1', show: 'used', page: 0 }).matching).toBe(
			// used = index % 10 === 0 → names Metric 1, 11, 21, …; those containing "metric 1":
			all.filter((c) => c.role !== 'ignore' && c.originalName.toLowerCase().includes('metric 1'))
				.length
		);
	});

	it('says so when nothing matches', () => {
		const p = mappingPage(cols(10), { query: 'nope', show: 'all', page: 0 });
		expect([p.matching, p.pages, p.page, p.from, p.to, p.rows.length]).toEqual([0, 1, 0, 0, 0, 0]);
	});
});

describe('shorten', () => {
	it('keeps short text and cuts long text to the limit with an ellipsis', () => {
		expect(shorten('abc', 3)).toBe('abc');
		expect(shorten('abcdef', 4)).toBe('abc…');
		expect(shorten('x'.repeat(4096), 60)).toHaveLength(60);
	});
	it('never splits a surrogate pair', () => {
		const s = 'ab😀cd'; // 😀 is two UTF-16 units at 2–3
		expect(shorten(s, 4)).toBe('ab…');
		expect(shorten(s, 5)).toBe('ab😀…');
	});
});
