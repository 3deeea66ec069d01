/**
 * Test support (imported only by `*.test.ts`): render a dbt package's models the way dbt would
 * for the few Jinja constructs the package uses — `{{ config(…) }}`, `{{ ref('m') }}`,
 * `{{ source('s', 't') }}` (resolved through sources.yml), `{% if is_incremental() %}…{% endif %}`
 * with `{{ this }}`, and `{{ run_started_at.strftime(…) }}` — and refuse anything else.
 */

export interface RenderContext {
	files: ReadonlyMap<string, string>;
	/** Quote an identifier as the adapter does. */
	ident: (name: string) => string;
	/** The model being rendered (for `{{ this }}`). */
	self: string;
	incremental: boolean;
	/** `run_started_at`, as `YYYY-MM-DD HH:MM:SS`. */
	runStartedAt: string;
	/** Replace a ref by another relation (dbt unit tests' `given` inputs). */
	refs?: Record<string, string>;
}

/** sources.yml's tables: `<source>.<name>` → { schema, identifier }. */
export function sourceTables(
	sourcesYml: string
): Map<string, { schema: string | null; identifier: string }> {
	const out = new Map<string, { schema: string | null; identifier: string }>();
	let source = '';
	let current: { schema: string | null; identifier: string } | null = null;
	for (const line of sourcesYml.split('\n')) {
		const src = /^ {2}- name: (\S+)/.exec(line);
		if (src) source = src[1]!;
		const table = /^ {6}- name: (\S+)/.exec(line);
		if (table) {
			current = { schema: null, identifier: table[1]! };
			out.set(`${source}.${table[1]}`, current);
		}
		const id = /^ {8}identifier: (.+)$/.exec(line);
		if (id && current) current.identifier = JSON.parse(id[1]!) as string;
		const schema = /^ {8}schema: (.+)$/.exec(line);
		if (schema && current) current.schema = JSON.parse(schema[1]!) as string;
	}
	return out;
}

/** A model's SQL with its Jinja resolved; throws on any construct the harness does not know. */
export function renderModel(sql: string, ctx: RenderContext): string {
	const sources = sourceTables(ctx.files.get('models/sources.yml') ?? '');
	let out = sql.replace(/\{\{ config\([^}]*\) \}\}\n?/g, '');
	out = out.replace(/\{% if is_incremental\(\) %\}([\s\S]*?)\{% endif %\}/g, (_, body: string) =>
		ctx.incremental ? body : ''
	);
	out = out.replace(/\{\{ this \}\}/g, ctx.ident(ctx.self));
	out = out.replace(/\{\{ ref\('([^']+)'\) \}\}/g, (_, m: string) => ctx.refs?.[m] ?? ctx.ident(m));
	out = out.replace(/\{\{ source\('([^']+)', '([^']+)'\) \}\}/g, (_, s: string, t: string) => {
		const x = sources.get(`${s}.${t}`);
		if (!x) throw new Error(`source ${s}.${t} is not declared in sources.yml`);
		return [...(x.schema ? [x.schema] : []), x.identifier].map(ctx.ident).join('.');
	});
	out = out.replace(
		/\{\{ run_started_at\.strftime\("%Y-%m-%d %H:%M:%S"\) \}\}/g,
		() => ctx.runStartedAt
	);
	if (/\{\{|\{%/.test(out))
		throw new Error(`unrendered Jinja in ${ctx.self}: ${/\{[{%][^\n]*/.exec(out)![0]}`);
	return out;
}

/** A dbt unit test as schema.yml states it (rows: one JSON object per line). */
export interface UnitTestSpec {
	name: string;
	model: string;
	given: { input: string; rows: Record<string, unknown>[] }[];
	expect: Record<string, unknown>[];
}

/** The unit tests in schema.yml, in order. */
export function unitTests(schemaYml: string): UnitTestSpec[] {
	const out: UnitTestSpec[] = [];
	let on = false;
	let into: Record<string, unknown>[] | null = null;
	for (const line of schemaYml.split('\n')) {
		if (/^unit_tests:/.test(line)) on = true;
		if (!on) continue;
		const t = out.at(-1);
		const name = /^ {2}- name: (\S+)$/.exec(line);
		if (name) out.push({ name: name[1]!, model: '', given: [], expect: [] });
		const model = /^ {4}model: (\S+)$/.exec(line);
		if (model && t) t.model = model[1]!;
		const input = /^ {6}- input: ref\('([^']+)'\)$/.exec(line);
		if (input && t) {
			const g = { input: input[1]!, rows: [] };
			t.given.push(g);
			into = g.rows;
		}
		if (/^ {4}expect:/.test(line) && t) into = t.expect;
		const row = /^\s+- (\{.*\})$/.exec(line);
		if (row && into) into.push(JSON.parse(row[1]!) as Record<string, unknown>);
	}
	return out;
}

/** What the unit test runner needs from a database. */
export interface UnitTestEngine {
	ident: (name: string) => string;
	/** A string literal. */
	str: (s: string) => string;
	/** Column names and types (as the database names them) of a query's result. */
	columns: (sql: string) => Promise<{ name: string; type: string }[]>;
	query: (sql: string) => Promise<Record<string, unknown>[]>;
}

/** A value from the database as comparable text (dates as ISO days, numbers as JS numbers). */
function cellText(v: unknown): string {
	if (v === null || v === undefined) return 'null';
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if (typeof v === 'bigint') return String(Number(v));
	if (typeof v === 'number') return String(v);
	if (typeof v === 'object' && 'toString' in v) return JSON.stringify(String(v).slice(0, 10));
	return JSON.stringify(v);
}

/**
 * Run a unit test the way dbt 1.8 does: each given input becomes a CTE `__dbt__cte__<model>`
 * put in front of the model's own CTEs, one SELECT per row with every column of the input
 * relation cast to that relation's type (a column the row leaves out is NULL; text values are
 * quoted, numbers written bare); the expected rows are cast the same way to the types of the
 * model's output columns; the model's rows (the expected columns only) and the expected rows
 * must be equal as multisets. Returns the rows found on only one side (both empty = passed).
 */
export async function runUnitTest(
	test: UnitTestSpec,
	files: ReadonlyMap<string, string>,
	db: UnitTestEngine,
	runStartedAt: string
): Promise<{ onlyActual: string[]; onlyExpected: string[] }> {
	const q = db.ident;
	const lit = (v: unknown) =>
		v === null || v === undefined ? 'null' : typeof v === 'string' ? db.str(v) : String(v);
	const fixture = (rows: Record<string, unknown>[], cols: { name: string; type: string }[]) =>
		rows
			.map(
				(r) =>
					`select ${cols.map((c) => `cast(${lit(r[c.name])} as ${c.type}) as ${q(c.name)}`).join(', ')}`
			)
			.join('\nunion all\n');
	const ctes: string[] = [];
	const refs: Record<string, string> = {};
	for (const g of test.given) {
		const cols = await db.columns(`select * from ${q(g.input)}`);
		const unknown = Object.keys(g.rows[0] ?? {}).filter((k) => !cols.some((c) => c.name === k));
		if (unknown.length) throw new Error(`${test.name}: ${g.input} has no column ${unknown[0]}`);
		refs[g.input] = `__dbt__cte__${g.input}`;
		ctes.push(`__dbt__cte__${g.input} as (\n${fixture(g.rows, cols)}\n)`);
	}
	const rendered = renderModel(files.get(`models/${test.model}.sql`)!, {
		files,
		ident: q,
		self: test.model,
		incremental: false,
		runStartedAt,
		refs
	});
	const main = rendered.replace(/^WITH\n/m, () => `WITH\n${ctes.join(',\n')},\n`);
	if (main === rendered) throw new Error(`${test.model}: no WITH to put the fixtures in`);
	const names = [...new Set(test.expect.flatMap((r) => Object.keys(r)))];
	const outCols = await db.columns(main);
	const expectCols = names.map((n) => {
		const c = outCols.find((x) => x.name === n);
		if (!c) throw new Error(`${test.name}: ${test.model} has no column ${n}`);
		return c;
	});
	const pick = `select ${names.map(q).join(', ')} from (\n${main}\n) as actual`;
	const key = (r: Record<string, unknown>) => names.map((n) => cellText(r[n])).join('|');
	const actual = (await db.query(pick)).map(key);
	const expected = (await db.query(fixture(test.expect, expectCols))).map(key);
	const left = [...expected];
	const onlyActual: string[] = [];
	for (const a of actual) {
		const k = left.indexOf(a);
		if (k < 0) onlyActual.push(a);
		else left.splice(k, 1);
	}
	return { onlyActual, onlyExpected: left };
}
