import { describe, expect, it } from 'vitest';
import { groupSnapshots } from './snapshots';
import { accountFlagMasks, FLAG_BITS, filterAndSort, type ViewOptions } from './view';

const s = groupSnapshots(['c', 'a', 'b', 'd'], null);
const r = {
	score: Float64Array.from([70, 90.4, NaN, 40]),
	shown: Float64Array.from([70, 90, NaN, 40]),
	tier: Int8Array.from([1, 0, -1, 2])
};
const base: ViewOptions = {
	tier: null,
	segmentOf: null,
	segment: null,
	flag: null,
	flags: new Uint8Array(4),
	search: '',
	sortKey: 'score',
	sortAsc: true,
	value: null
};

describe('filterAndSort', () => {
	it.each([
		[{}, [3, 0, 1, 2]],
		[{ sortAsc: false }, [1, 0, 3, 2]],
		[{ sortKey: 'account' as const }, [1, 2, 0, 3]],
		[{ tier: 0 }, [1]],
		[{ search: 'D' }, [3]],
		[
			{ sortKey: 'value' as const, value: Float64Array.from([5, 1, 3, NaN]), sortAsc: false },
			[0, 2, 1, 3]
		]
	])('%j', (patch, want) => {
		expect(Array.from(filterAndSort(s, r, { ...base, ...patch }))).toEqual(want);
	});
	it('filters by flag and segment', () => {
		const flags = Uint8Array.from([0, FLAG_BITS.drop, 0, FLAG_BITS.drop | FLAG_BITS.usage]);
		expect(Array.from(filterAndSort(s, r, { ...base, flags, flag: 'drop' }))).toEqual([3, 1]);
		const segmentOf = (row: number) => (row % 2 ? 'SMB' : 'Ent');
		expect(Array.from(filterAndSort(s, r, { ...base, segmentOf, segment: 'SMB' }))).toEqual([3, 1]);
	});
});

describe('accountFlagMasks', () => {
	it('sets floor, drop and usage bits from their thresholds', () => {
		const belowFloor = Uint32Array.from([0, 2, 1, 0]);
		const trends = {
			drop: Float64Array.from([12, 9, 0, 0]),
			usage: Float64Array.from([NaN, -0.3, -0.5, -0.29])
		};
		const m = accountFlagMasks(s, { shown: r.shown, belowFloor }, trends, {
			dropPoints: 10,
			usageDropPct: 30
		});
		// Account 2 is not scored: no floor flag.
		expect(Array.from(m)).toEqual([
			FLAG_BITS.drop,
			FLAG_BITS.floor | FLAG_BITS.usage,
			FLAG_BITS.usage,
			0
		]);
	});
});

describe('packed score sort', () => {
	it('orders like a comparator sort, ties by account, not scored last', () => {
		const n = 5000;
		const ids = Array.from({ length: n }, (_, i) => `A${i}`);
		const snaps = groupSnapshots(ids, null);
		const score = Float64Array.from({ length: n }, (_, i) =>
			i % 50 === 0 ? NaN : Math.round(Math.random() * 1000) / 10
		);
		const tier = new Int8Array(n);
		for (const asc of [true, false]) {
			const got = Array.from(
				filterAndSort(snaps, { score, tier }, { ...base, flags: new Uint8Array(n), sortAsc: asc })
			);
			const want = Array.from({ length: n }, (_, i) => i).sort((x, y) => {
				const a = score[x]!;
				const b = score[y]!;
				if (Number.isNaN(a)) return Number.isNaN(b) ? x - y : 1;
				if (Number.isNaN(b)) return -1;
				return (asc ? a - b : b - a) || x - y;
			});
			expect(got).toEqual(want);
		}
	});
});
