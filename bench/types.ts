/** The shapes of the bench's groups and steps (shared by the page, the groups and the runner). */

export interface BenchStepInfo {
	id: string;
	label: string;
	runs: number;
	baseline?: string;
	targetMs?: number;
	/** Target as a multiple of the baseline's median (e.g. 1.5 × the bare parse). */
	targetRatio?: number;
}

export interface BenchStep {
	info: BenchStepInfo;
	prepare?: () => Promise<void> | void;
	run: () => Promise<string | void> | string | void;
}

export interface BenchGroup {
	id: string;
	title: string;
	setup?: () => Promise<void>;
	steps: BenchStep[];
}
