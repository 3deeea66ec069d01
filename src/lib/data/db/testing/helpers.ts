/**
 * Test fixtures for the storage tests: a deterministic dataset of any size with NaNs,
 * dictionary-coded categories (with missing codes) and ids with leading zeros.
 */
import type { Dataset } from '$lib/data/dataset';
import type { Column } from '$lib/model/types';

/** Deterministic dataset of `n` rows; `seed` changes the values (not the shape). */
export function makeDataset(n: number, id = 'ds-test', seed = 1, fileHash = `hash-${id}`): Dataset {
	let s = seed >>> 0;
	const rnd = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const util = new Float64Array(n);
	const nps = new Float64Array(n);
	const date = new Float64Array(n);
	const segment = new Int32Array(n);
	const sponsor = new Int32Array(n);
	const ids: string[] = [];
	for (let i = 0; i < n; i++) {
		util[i] = rnd() * 100;
		nps[i] = rnd() < 0.3 ? NaN : Math.round(rnd() * 200 - 100);
		date[i] = 19_723 + (i % 18) * 30;
		segment[i] = rnd() < 0.05 ? -1 : Math.floor(rnd() * 3);
		sponsor[i] = Math.floor(rnd() * 2);
		ids.push(i % 7 === 0 ? String(i).padStart(8, '0') : `ACC-${String(i).padStart(6, '0')}`);
	}
	if (n > 0) util[0] = -0;
	const columns = new Map<string, Column>([
		['seat_utilisation_pct', { kind: 'number', values: util }],
		[
			'segment',
			{ kind: 'category', codes: segment, dictionary: ['SMB', 'Mid-market', 'Enterprise'] }
		],
		['nps', { kind: 'number', values: nps }],
		['snapshot_date', { kind: 'number', values: date }],
		['exec_sponsor_engaged', { kind: 'category', codes: sponsor, dictionary: ['No', 'Yes'] }]
	]);
	return {
		meta: {
			id,
			name: `Dataset ${id}`,
			fileName: `${id}.csv`,
			fileHash,
			createdAt: 1_700_000_000_000 + seed,
			rows: n,
			columns: [...columns.keys()].map((name) => ({
				name,
				originalName: name,
				role:
					name === 'segment' ? 'segment' : name === 'snapshot_date' ? 'snapshot-date' : 'metric',
				type: columns.get(name)?.kind === 'category' ? 'category' : 'number',
				missingShare: 0
			})),
			dateRange: n > 0 ? [19_723, 19_723 + 17 * 30] : null,
			bytes: 0
		},
		ids,
		table: { n, columns }
	};
}

/** Byte-exact equality of two datasets' rows (NaN payloads and −0 included); throws on mismatch. */
export function assertSameRows(a: Dataset, b: Dataset): void {
	if (a.table.n !== b.table.n) throw new Error(`n ${a.table.n} vs ${b.table.n}`);
	if (a.ids.length !== b.ids.length) throw new Error('ids length');
	for (let i = 0; i < a.ids.length; i++)
		if (a.ids[i] !== b.ids[i]) throw new Error(`id ${i}: ${a.ids[i]} vs ${b.ids[i]}`);
	const names = [...a.table.columns.keys()];
	const namesB = [...b.table.columns.keys()];
	if (names.join('|') !== namesB.join('|')) throw new Error(`columns ${names} vs ${namesB}`);
	for (const name of names) {
		const x = a.table.columns.get(name);
		const y = b.table.columns.get(name);
		if (!x || !y || x.kind !== y.kind) throw new Error(`column ${name} kind`);
		const xa = x.kind === 'number' ? x.values : x.codes;
		const ya = y.kind === 'number' ? y.values : y.codes;
		if (xa.constructor !== ya.constructor) throw new Error(`column ${name} array type`);
		const xb = new Uint8Array(xa.buffer, xa.byteOffset, xa.byteLength);
		const yb = new Uint8Array(ya.buffer, ya.byteOffset, ya.byteLength);
		if (xb.length !== yb.length) throw new Error(`column ${name} length`);
		for (let i = 0; i < xb.length; i++)
			if (xb[i] !== yb[i]) throw new Error(`column ${name} differs at byte ${i}`);
		if (x.kind === 'category' && y.kind === 'category')
			if (x.dictionary.join('\u0001') !== y.dictionary.join('\u0001'))
				throw new Error(`column ${name} dictionary`);
	}
}
