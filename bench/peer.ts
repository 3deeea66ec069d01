/** Baselines measured in the same run as the product: PapaParse's bare parse and DuckDB-wasm. */
import Papa from 'papaparse';
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

/** PapaParse on the main thread, arrays of strings, no header, no typing: what Papa itself costs. */
export async function papaBareParse(file: File): Promise<{ rows: number }> {
	const text = await file.text();
	const out = Papa.parse<string[]>(text, { skipEmptyLines: true });
	return { rows: out.data.length - 1 };
}

let db: duckdb.AsyncDuckDB | null = null;

/** Instantiate DuckDB-wasm (the `eh` bundle, single thread), served from this origin. */
export async function duckdbOpen(): Promise<void> {
	if (db) return;
	const worker = new Worker(ehWorker);
	db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(ehWasm);
}

async function conn(): Promise<duckdb.AsyncDuckDBConnection> {
	await duckdbOpen();
	return db!.connect();
}

/** DuckDB-wasm in-memory CSV ingest: buffer registration + read_csv_auto into a table. */
export async function duckdbIngest(file: File, table = 't'): Promise<{ rows: number }> {
	const c = await conn();
	const name = `${table}.csv`;
	await db!.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
	await c.query(`DROP TABLE IF EXISTS ${table}`);
	await c.query(`CREATE TABLE ${table} AS SELECT * FROM read_csv_auto('${name}')`);
	const r = await c.query(`SELECT count(*)::INTEGER AS n FROM ${table}`);
	await db!.dropFile(name);
	await c.close();
	return { rows: Number(r.getChildAt(0)?.get(0)) };
}

/** Run a query that returns one DOUBLE column and copy it into a Float64Array on the JS side. */
export async function duckdbScores(sql: string): Promise<Float64Array> {
	const c = await conn();
	const r = await c.query(sql);
	await c.close();
	const col = r.getChildAt(0);
	const out = new Float64Array(r.numRows);
	for (let i = 0; i < out.length; i++) out[i] = Number(col?.get(i) ?? NaN);
	return out;
}

/** Load typed columns into DuckDB (for the rescore comparison on the same data). */
export async function duckdbLoadColumns(
	table: string,
	columns: Record<string, Float64Array>,
	n: number
): Promise<void> {
	const names = Object.keys(columns);
	const header = names.join(',') + '\n';
	const parts: string[] = [header];
	const lines: string[] = [];
	for (let i = 0; i < n; i++) {
		lines.push(names.map((k) => (Number.isNaN(columns[k]![i]!) ? '' : columns[k]![i])).join(','));
		if (lines.length === 100_000) {
			parts.push(lines.join('\n') + '\n');
			lines.length = 0;
		}
	}
	if (lines.length) parts.push(lines.join('\n') + '\n');
	await duckdbIngest(new File(parts, `${table}.csv`), table);
}
