/** The benchmark groups: each has a setup (not timed) and steps (timed), baselines first. */
import { syntheticCsvParts, BENCH_METRICS } from './synthetic';
import { papaBareParse, duckdbOpen, duckdbIngest, duckdbScores, duckdbLoadColumns } from './peer';
import type { BenchGroup } from './types';
import { backtestGroup } from './backtest-group';
import { eventImportGroup, sourcesGroup } from './sources-group';
import { validationGroup } from './validation-group';
import { reliabilityGroup } from './reliability-group';
import { firstOpenGroup } from './first-open-group';
import { prepareImport, prepareRescore, productImport, productRescore } from './product';

let csvFile: File | null = null;

function importGroup(rows: number): BenchGroup {
	const label = rows >= 1e6 ? `${rows / 1e6}M` : `${rows / 1e3}k`;
	return {
		id: `import-${label}`,
		title: `Import ${label} rows × 12 columns CSV`,
		async setup() {
			const parts = syntheticCsvParts(rows);
			csvFile = new File(parts, 'bench.csv', { type: 'text/csv' });
		},
		steps: [
			{
				info: { id: 'papa', label: 'PapaParse bare parse (arrays, no typing; baseline)', runs: 3 },
				async run() {
					const r = await papaBareParse(csvFile!);
					return `${r.rows} rows, ${(csvFile!.size / 1e6).toFixed(1)} MB`;
				}
			},
			{
				info: {
					id: 'product',
					label: 'Workbench import: parse worker → typed columns → IndexedDB (end to end)',
					runs: 3,
					baseline: 'papa',
					targetRatio: 1.5
				},
				prepare: prepareImport,
				run: () => productImport(csvFile!)
			},
			{
				info: { id: 'duckdb-open', label: 'DuckDB-wasm instantiate (peer, once)', runs: 1 },
				async run() {
					await duckdbOpen();
				}
			},
			{
				info: {
					id: 'duckdb',
					label: 'DuckDB-wasm in-memory CSV ingest (peer)',
					runs: 3,
					baseline: 'papa'
				},
				async run() {
					const r = await duckdbIngest(csvFile!);
					return `${r.rows} rows`;
				}
			}
		]
	};
}

/** Typed metric columns of n accounts, as the score worker holds them. */
function syntheticColumns(n: number, metrics = 12): Float64Array[] {
	const cols: Float64Array[] = [];
	let seed = 1;
	for (let m = 0; m < metrics; m++) {
		const c = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			seed = (seed * 1103515245 + 12345) >>> 0;
			c[i] = (seed >>> 8) / 167772.16;
		}
		cols.push(c);
	}
	return cols;
}

function rescoreGroup(n: number): BenchGroup {
	const label = n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`;
	let cols: Float64Array[] = [];
	const out = new Float64Array(n);
	return {
		id: `rescore-${label}`,
		title: `Rescore after a weight change, ${label} accounts × 12 metrics`,
		async setup() {
			await prepareRescore(n);
			cols = syntheticColumns(n);
			if (n >= 1e6) {
				const named: Record<string, Float64Array> = {};
				cols.forEach((c, i) => (named[`m${i}`] = c));
				await duckdbLoadColumns('scores_src', named, n);
			}
		},
		steps: [
			{
				info: {
					id: 'floor',
					label: 'floor: one pass over the 12 typed arrays (baseline)',
					runs: 7
				},
				run() {
					const w = 1 / cols.length;
					out.fill(0);
					for (const c of cols) for (let i = 0; i < n; i++) out[i]! += w * c[i]!;
				}
			},
			{
				info: {
					id: 'dimension',
					label: 'Workbench rescore, dimension weight (worker round trip + histogram)',
					runs: 15,
					baseline: 'floor',
					targetMs: n >= 1e6 ? 33 : 4
				},
				run: () => productRescore('dimension')
			},
			{
				info: {
					id: 'metric',
					label: 'Workbench rescore, metric weight (worker round trip + histogram)',
					runs: 15,
					baseline: 'floor',
					targetMs: n >= 1e6 ? 33 : 4
				},
				run: () => productRescore('metric')
			},
			...(n >= 1e6
				? [
						{
							info: {
								id: 'duckdb',
								label: 'DuckDB-wasm SQL weighted score → Float64Array (peer)',
								runs: 3,
								baseline: 'floor'
							},
							async run() {
								const sum = Array.from(
									{ length: 12 },
									(_, i) => `${(1 / 12).toFixed(6)} * m${i}`
								).join(' + ');
								const s = await duckdbScores(`SELECT ${sum} AS score FROM scores_src`);
								return `${s.length} scores`;
							}
						}
					]
				: [])
		]
	};
}

export function groups(quick: boolean): BenchGroup[] {
	const big = quick ? 100_000 : 1_000_000;
	return (
		quick
			? [importGroup(big), rescoreGroup(100_000)]
			: [importGroup(big), rescoreGroup(100_000), rescoreGroup(big)]
	)
		.concat(
			backtestGroup(),
			validationGroup(),
			reliabilityGroup(),
			quick ? [eventImportGroup(500_000)] : [sourcesGroup(), eventImportGroup(5_000_000)]
		)
		.concat(firstOpenGroup());
}

export { BENCH_METRICS };
