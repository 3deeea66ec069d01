// Writes src/lib/model/engine/fast/kernels.generated.ts: the fast path's row loops, written from
// three step templates that are the fast path's only copy of the scoring rule (metricStep: a
// metric's points or its missing policy's; chunkStep: a dimension into the account score;
// countStep: not scored, histogram bin or tier). The blocked kernels are unrolled for 4, 3, 2
// and 1 columns; the drag path's row loop (summaryRows) is one guarded ≤ 4-wide loop. Unrolled arities keep the columns in locals
// (V8 runs a row loop over a few locals far faster than an inner loop over an array of columns);
// a single guarded ≤ 4-wide kernel measured 1.6–3× slower on the metric step (min of 25 runs,
// 1M rows, Node 20), so the arities are generated rather than written four times by hand.
//   node scripts/gen-kernels.mjs          (re)write the file
//   node scripts/gen-kernels.mjs --check  exit 1 if the file differs from what would be written
// scripts/gen-kernels.test.ts checks that regenerating gives no diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

export const TARGET = fileURLToPath(
	new URL('../src/lib/model/engine/fast/kernels.generated.ts', import.meta.url)
);

const ARITIES = [4, 3, 2, 1];
const range = (c) => Array.from({ length: c }, (_, t) => t);

/**
 * The metric step, the one home of the fast path's rule for a metric inside a dimension: the
 * row's point `p` with weight `w` is added to the sums; a point without a value (NaN) takes its
 * missing policy's points `f` instead (and a NaN `f`, the policy "exclude", skips the metric).
 * `decl` declares p and w on a row's first step. Every kernel that scores a dimension is written
 * from this template, in metric order, so its sums are the reference engine's bit for bit.
 */
function metricStep({ decl, p, w, f }) {
	return `
		${decl}p = ${p};
		${decl}w = ${w};
		if (p !== p) {
			if (${f} === ${f}) {
				nm += w * ${f};
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}`;
}

/** `let ` on a row's first step of an unrolled loop (`const ` when it is the only one). */
const declFor = (t, c) => (t > 0 ? '' : c === 1 ? 'const ' : 'let ');
/** `base + t` in generated code (`base` alone for t = 0). */
const plus = (base, t) => `${base}${t ? ` + ${t}` : ''}`;

function metricsKernel(c) {
	const cols = range(c).map((t) => `p${t} = cols[${plus('j0', t)}]!`);
	const fills = range(c).map((t) => `f${t} = fill[${plus('j0', t)}]!`);
	return `
/** Metrics j0 … j0 + ${c - 1} of the dimension added to each row's sums of the block. */
function metrics${c}(a: MetricAcc, j0: number): void {
	const { grp, num, den, base, len, k, wm, fill, cols } = a;
	const ${cols.join(', ')};
	const ${fills.join(', ')};
	const first = j0 === 0;
	for (let j = 0; j < len; j++) {
		const i = base + j;
		const g = grp[j]! * k + j0;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;${range(c)
			.map((t) =>
				metricStep({ decl: declFor(t, c), p: `p${t}[i]!`, w: `wm[${plus('g', t)}]!`, f: `f${t}` })
			)
			.join('')}
		num[j] = nm;
		den[j] = dn;
	}
}`;
}

/**
 * The dimension step, the one home of the fast path's rule for the account score: dimension
 * score `v` with weight `w` counts when the weight is positive and the score exists (not NaN).
 */
function chunkStep({ decl, v, w }) {
	return `
		${decl}v = ${v};
		${decl}w = ${w};
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}`;
}

function chunkKernel(c) {
	const cols = range(c).map((t) => `s${t} = S[${plus('d', t)}]!`);
	return `
/** Dimensions d … d + ${c - 1} added to each row's sums of the block. */
function chunk${c}(a: Acc, d: number, S: readonly Float64Array[]): void {
	const { idx, gather, base, grp, num, den, len, D, dw } = a;
	const ${cols.join(', ')};
	const first = d === 0;
	for (let j = 0; j < len; j++) {
		const i = gather ? idx[j]! : base + j;
		const g = grp[j]! * D + d;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;${range(c)
			.map((t) => chunkStep({ decl: declFor(t, c), v: `s${t}[i]!`, w: `dw[${plus('g', t)}]!` }))
			.join('')}
		num[j] = nm;
		den[j] = dn;
	}
}`;
}

/**
 * The count step, the one home of how a row on show is counted: not scored (`isScored`), or into
 * its group's bin of its shown score, or, for a shown score outside 0…100, its tier's count.
 * The row's sums are `nm` / `dn` (dn declared by the caller) and its coverage `cov`.
 */
function countStep({ nm, cov }) {
	return `
		if (!isScored(dn, ${cov}, minCov[g]!)) {
			notScored++;
			continue;
		}
		const sh = shownOf(${nm} / dn);
		if (sh >= 0 && sh < HIST_BINS) gh[g * HIST_BINS + sh]!++;
		else {
			const t = tierIndexFor(plan.groups[g]!.tiers, sh);
			if (t >= 0) odd[g * T + t]!++;
		}`;
}

/** The blocked pass's count loop over one block's sums. */
function countBlockKernel() {
	return `
/** Counts of one block's rows per group and shown score; returns how many are not scored. */
export function countBlock(a: Acc, minCov: Float64Array, plan: CombinePlan, sums: Sums): number {
	const { grp, num, den, cov, len } = a;
	const { gh, odd, T } = sums;
	let notScored = 0;
	for (let j = 0; j < len; j++) {
		const g = grp[j]!;
		const dn = den[j]!;${countStep({ nm: 'num[j]!', cov: 'cov[j]!' })}
	}
	return notScored;
}`;
}

/** The drag path's widest row loop: up to this many dimensions and fused metrics in locals. */
const ROW_WIDTH = 4;

/**
 * The drag path's row loop (summary only, ≤ 4 dimensions): one loop, guarded rather than unrolled
 * per arity, with the fused dirty dimension's metric steps and the dimension steps written from
 * the same templates as the blocked kernels, then the count step.
 */
function summaryKernel() {
	const w = range(ROW_WIDTH);
	const pick = (arr, t, last, or) =>
		t ? `${arr}[Math.min(${t}, ${last} - 1)]${or}` : `${arr}[0]${or}`;
	const metric = (t) => {
		const step = metricStep({
			decl: t ? '' : 'let ',
			p: `q${t}[i]!`,
			w: `one ? M${t} : wm[${plus('o', t)}]!`,
			f: `f${t}`
		});
		return t ? `\nif (k > ${t}) {${step}\n}` : step;
	};
	const dimension = (t) => {
		const step = chunkStep({
			decl: t ? '' : 'let ',
			v: `e === ${t} ? fv : s${t}[i]!`,
			w: `one ? W${t} : dw[${plus('o', t)}]!`
		});
		return t ? `\nif (D > ${t}) {${step}\n}` : step;
	};
	return `
/**
 * Counts the rows into \`r.sums\`, one row loop over ≤ ${ROW_WIDTH} dimension columns in locals (and, when
 * \`fuse\` is set, that dimension's ≤ ${ROW_WIDTH} metric point columns: its score is computed in the loop
 * and used in place of its column, which is left as it was). The same operations in the same
 * order per row as the engine; the loop-invariant \`k > t\` / \`D > t\` tests only skip the missing
 * columns. Returns how many rows are not scored.
 */
export function summaryRows(r: RowPass): number {
	const { S, dw, D, groups, rows, count, cls, covT, K, minCov, plan, fuse } = r;
	const { gh, odd, T } = r.sums;
	const ${w.map((t) => `s${t} = ${pick('S', t, 'D', '!')}`).join(', ')};
	const k = fuse ? fuse.acc.k : 0;
	const e = fuse ? fuse.d : -1;
	const cols = fuse ? fuse.acc.cols : [s0];
	const ${w.map((t) => `q${t} = ${pick('cols', t, 'k', ' ?? s0')}`).join(', ')};
	const wm = fuse ? fuse.acc.wm : new Float64Array(0);
	const fill = fuse ? fuse.acc.fill : new Float64Array(0);
	const ${w.map((t) => `f${t} = fill[${t}] ?? NaN`).join(', ')};
	const ${w.map((t) => `W${t} = ${pick('dw', t, 'D', '!')}`).join(', ')};
	const one = groups === null;
	const ${w.map((t) => `M${t} = wm[${t}] ?? 0`).join(', ')};
	let notScored = 0;
	for (let at = 0; at < count; at++) {
		const i = rows === null ? at : rows[at]!;
		const g = groups === null ? 0 : groups[i]!;
		// The fused dimension's score (as the metrics kernels: metric order, policy points).
		let fv = NaN;
		if (fuse !== null) {
			if (k === 0) fv = NaN;
			else {
				const o = g * k;
				let nm = 0;
				let dn = 0;${w.map(metric).join('')}
				fv = dn > 0 ? nm / dn : NaN;
			}
		}
		// The account score over the ≤ ${ROW_WIDTH} dimensions (the fused one's value in place of its column).
		const o = g * D;
		let nm = 0;
		let dn = 0;${w.map(dimension).join('')}${countStep({ nm: 'nm', cov: 'covT[g * K + cls[i]!]!' })}
	}
	return notScored;
}`;
}

const dispatch = (name, args) =>
	ARITIES.map((c, x) =>
		x === ARITIES.length - 1
			? `else ${name}${c}(${args});`
			: `${x ? 'else ' : ''}if (c === ${c}) ${name}${c}(${args});`
	).join('\n\t');

/** The file's text, formatted as the repository's Prettier config formats it. */
export async function generateKernels() {
	const text = `// GENERATED by scripts/gen-kernels.mjs from one template per loop: do not edit by hand.
// Run \`node scripts/gen-kernels.mjs\` after changing the template (gen-kernels.test.ts checks).
/**
 * The fast path's row loops: the blocked kernels unrolled for 1–4 columns held in locals, the
 * blocked count loop, and the drag path's summary row loop, all written from the same step
 * templates. Per row the additions happen in the engine's order (metric order inside a
 * dimension, dimension order across them), so the sums are bit-identical to the reference
 * engine's; the first step of a row starts from 0.
 */
import { shownOf, tierIndexFor } from '../../tiers';
import { HIST_BINS, isScored } from '../constants';
import type { CombinePlan } from '../plan';
import type { MetricAcc } from './dimension';
import type { Acc, RowPass, Sums } from './types';

/**
 * Metrics j0 … j0 + c − 1 (1 ≤ c ≤ 4) of a dimension added to each row's sums of the block, in
 * metric order: a metric without a value takes its policy's points (and no coverage), or is
 * skipped.
 */
export function addMetrics(a: MetricAcc, j0: number, c: number): void {
	${dispatch('metrics', 'a, j0')}
}

/** Dimensions d … d + c − 1 (1 ≤ c ≤ 4) added to each row's account sums of the block. */
export function addDimensions(a: Acc, d: number, c: number, S: readonly Float64Array[]): void {
	${dispatch('chunk', 'a, d, S')}
}
${ARITIES.map(metricsKernel).join('\n')}
${ARITIES.map(chunkKernel).join('\n')}
${countBlockKernel()}
${summaryKernel()}
`;
	const options = await resolveConfig(TARGET);
	return format(text, { ...options, filepath: TARGET });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const text = await generateKernels();
	if (process.argv.includes('--check')) {
		const same = readFileSync(TARGET, 'utf8') === text;
		if (!same) console.error(`${TARGET} is stale: run node scripts/gen-kernels.mjs`);
		process.exit(same ? 0 : 1);
	}
	writeFileSync(TARGET, text);
	console.log(`Wrote ${TARGET}`);
}
