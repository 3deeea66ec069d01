// `npm run bench`: builds the bench page, serves it on loopback, drives headless Chromium, and
// prints each figure (median of several runs, measured with performance.now() inside the page)
// beside the baselines measured in the same run, with the ratios. Never a pass/fail test.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4190);
const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
/** `--steps=state-only,wizard`: only these step ids (of the groups run), for a quick look. */
const STEPS = process.argv
	.find((a) => a.startsWith('--steps='))
	?.slice(8)
	.split(',');
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

// Peak memory (issue 9/15): the page and its workers run in Chromium's renderer process(es), so
// their peak is the renderer's resident set. The renderer pids come from CDP
// (SystemInfo.getProcessInfo); before each timed run the kernel's high-water mark is reset
// (`5` > /proc/<pid>/clear_refs) and afterwards VmHWM is read from /proc/<pid>/status. Where the
// reset is not allowed, VmRSS is polled every 10 ms instead (a lower bound on the true peak).
const cdp = await browser.newBrowserCDPSession();
async function rendererPids() {
	try {
		const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
		return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
	} catch {
		return [];
	}
}
function statusKb(pid, field) {
	try {
		const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(
			new RegExp(`^${field}:\\s+(\\d+) kB`, 'm')
		);
		return m ? Number(m[1]) : 0;
	} catch {
		return 0;
	}
}
/** Runs `work` and returns its value with the renderers' peak resident memory in MB (summed). */
async function withPeakMemory(work) {
	const pids = await rendererPids();
	let resetOk = pids.length > 0;
	for (const pid of pids) {
		try {
			writeFileSync(`/proc/${pid}/clear_refs`, '5');
		} catch {
			resetOk = false;
		}
	}
	let polled = 0;
	const poll = () => {
		polled = Math.max(
			polled,
			pids.reduce((t, pid) => t + statusKb(pid, 'VmRSS'), 0)
		);
	};
	poll();
	const beforeMb = polled / 1024;
	const timer = setInterval(poll, 10);
	try {
		const value = await work();
		poll();
		const hwm = resetOk ? pids.reduce((t, pid) => t + statusKb(pid, 'VmHWM'), 0) : 0;
		return { value, peakMb: Math.max(hwm, polled) / 1024, beforeMb, exact: resetOk };
	} finally {
		clearInterval(timer);
	}
}
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
			if (STEPS && !STEPS.includes(step.id)) continue;
			const times = [];
			let info = '';
			let peakMb = 0;
			let beforeMb = 0;
			let exact = true;
			for (let i = 0; i < step.runs; i++) {
				const m = await withPeakMemory(() =>
					page.evaluate(([g, s]) => window.bench.run(g, s), [group.id, step.id])
				);
				const r = m.value;
				times.push(r.ms);
				info = r.info ?? info;
				if (m.peakMb > peakMb) [peakMb, beforeMb] = [m.peakMb, m.beforeMb];
				exact &&= m.exact;
			}
			const peak =
				peakMb > 0
					? `peak ${peakMb.toFixed(0)} MB, ${beforeMb.toFixed(0)} MB before${exact ? '' : ' (polled)'}`
					: '';
			const sorted = [...times].sort((a, b) => a - b);
			const median = sorted[Math.floor(sorted.length / 2)];
			results.push({
				group: group.id,
				title: group.title,
				...step,
				median,
				min: sorted[0],
				max: sorted.at(-1),
				info,
				peakMb,
				beforeMb
			});
			console.log(
				`  ${step.label.padEnd(58)} ${median.toFixed(1).padStart(9)} ms  ${info}${peak ? `  [${peak}]` : ''}`
			);
		}
	}
} finally {
	await browser.close();
	server.kill();
}

// Table and ratios against each group's baseline(s).
console.log(
	'\n| group | step | median ms | min | max | runs | vs baseline | target | peak memory (renderer) | note |'
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
	const base = r.baseline ? results.find((b) => b.group === r.group && b.id === r.baseline) : null;
	const ratio = base ? `${(r.median / base.median).toFixed(2)}× ${base.label}` : '—';
	const targetMs = r.targetMs ?? (base && r.targetRatio ? base.median * r.targetRatio : null);
	const target = targetMs
		? `${r.median <= targetMs ? 'met' : 'MISSED'} (≤ ${r.targetMs ? `${r.targetMs} ms` : `${r.targetRatio}× baseline`})`
		: '';
	console.log(
		`| ${r.group} | ${r.label} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} | ${r.runs} | ${ratio} | ${target} | ${r.peakMb ? `${r.peakMb.toFixed(0)} MB (${r.beforeMb.toFixed(0)} before)` : '—'} | ${r.info ?? ''} |`
	);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
console.log('\nSaved bench-results/latest.json');
