// `npm run bench`: builds the bench page, serves it on loopback, drives headless Chromium, and
// prints each figure (median of several runs, measured with performance.now() inside the page)
// beside the baselines measured in the same run, with the ratios. Never a pass/fail test.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4190);
const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const executablePath = chromiumExecutable();

console.log('Building the bench page…');
execFileSync('npx', ['vite', 'build', '-c', 'vite.bench.config.ts'], { stdio: 'inherit' });
const server = spawn('node', ['scripts/serve.mjs', String(PORT)], {
	env: { ...process.env, OUT_DIR: 'dist-bench' },
	stdio: 'ignore'
});
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
	executablePath,
	args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc']
});
const page = await browser.newPage();
page.on('console', (m) => m.type() === 'error' && console.error('page:', m.text()));
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(`http://localhost:${PORT}/`);
await page.waitForFunction(() => 'bench' in window);
const plan = await page.evaluate((quick) => window.bench.plan(quick), QUICK);

const results = [];
try {
	for (const group of plan) {
		if (ONLY && !group.id.includes(ONLY)) continue;
		console.log(`\n▸ ${group.title}`);
		await page.evaluate((id) => window.bench.setup(id), group.id);
		for (const step of group.steps) {
			const times = [];
			let info = '';
			for (let i = 0; i < step.runs; i++) {
				const r = await page.evaluate(([g, s]) => window.bench.run(g, s), [group.id, step.id]);
				times.push(r.ms);
				info = r.info ?? info;
			}
			const sorted = [...times].sort((a, b) => a - b);
			const median = sorted[Math.floor(sorted.length / 2)];
			results.push({
				group: group.id,
				title: group.title,
				...step,
				median,
				min: sorted[0],
				max: sorted.at(-1),
				info
			});
			console.log(`  ${step.label.padEnd(58)} ${median.toFixed(1).padStart(9)} ms  ${info}`);
		}
	}
} finally {
	await browser.close();
	server.kill();
}

// Table and ratios against each group's baseline(s).
console.log('\n| group | step | median ms | min | max | runs | vs baseline | target | note |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
	const base = r.baseline ? results.find((b) => b.group === r.group && b.id === r.baseline) : null;
	const ratio = base ? `${(r.median / base.median).toFixed(2)}× ${base.label}` : '—';
	const targetMs = r.targetMs ?? (base && r.targetRatio ? base.median * r.targetRatio : null);
	const target = targetMs
		? `${r.median <= targetMs ? 'met' : 'MISSED'} (≤ ${r.targetMs ? `${r.targetMs} ms` : `${r.targetRatio}× baseline`})`
		: '';
	console.log(
		`| ${r.group} | ${r.label} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} | ${r.runs} | ${ratio} | ${target} | ${r.info ?? ''} |`
	);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
console.log('\nSaved bench-results/latest.json');
