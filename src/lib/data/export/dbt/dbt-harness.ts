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

/** The unit tests' rows in schema.yml (one JSON object per line under `rows:`). */
export function unitTestRows(schemaYml: string): {
	given: Record<string, unknown>[];
	expect: Record<string, unknown>[];
} {
	const given: Record<string, unknown>[] = [];
	const expect: Record<string, unknown>[] = [];
	let into: Record<string, unknown>[] | null = null;
	for (const line of schemaYml.split('\n')) {
		if (/^ {4}given:/.test(line)) into = given;
		else if (/^ {4}expect:/.test(line)) into = expect;
		const row = /^\s+- (\{.*\})$/.exec(line);
		if (row && into) into.push(JSON.parse(row[1]!) as Record<string, unknown>);
	}
	return { given, expect };
}
