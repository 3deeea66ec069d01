/**
 * Bench page. scripts/bench.mjs calls window.bench.plan / setup / run; every timed region is
 * between two performance.now() calls in this page, with gc() (when exposed) outside it.
 */
import { groups } from './groups';
import type { BenchGroup, BenchStepInfo } from './types';

declare global {
	interface Window {
		bench: {
			plan(quick: boolean): { id: string; title: string; steps: Omit<BenchStepInfo, never>[] }[];
			setup(groupId: string): Promise<void>;
			run(groupId: string, stepId: string): Promise<{ ms: number; info?: string }>;
		};
		gc?: () => void;
	}
}

let quickMode = false;
let active: BenchGroup | null = null;

window.bench = {
	plan(quick) {
		quickMode = quick;
		return groups(quick).map((g) => ({
			id: g.id,
			title: g.title,
			steps: g.steps.map((s) => s.info)
		}));
	},
	async setup(groupId) {
		active = groups(quickMode).find((g) => g.id === groupId) ?? null;
		await active?.setup?.();
	},
	async run(groupId, stepId) {
		const step =
			active?.id === groupId ? active.steps.find((s) => s.info.id === stepId) : undefined;
		if (!step) throw new Error(`no step ${groupId}/${stepId}`);
		window.gc?.();
		await step.prepare?.();
		const t0 = performance.now();
		const info = await step.run();
		const ms = performance.now() - t0;
		return { ms, info: info ?? undefined };
	}
};

document.getElementById('status')!.textContent = 'ready';
