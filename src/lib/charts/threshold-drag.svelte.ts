/**
 * Threshold drag state for the score histogram's tier handles (like layerchart's brush state):
 * only the preview while a handle moves, and keyboard steps. The committed minimums are not kept
 * here: they are read from the model (`committed`), so a late reply or an undo can never leave
 * the handles on a stale copy. No DOM: the component turns pointer pixels into values with
 * `pixelToValue` and calls these methods. Handle i moves `mins[i]`; the last tier's min is fixed
 * at 0, so there are `mins.length − 1`. `end` and `key` return the minimums to commit; the
 * caller writes them to the model.
 */

/** Keys a slider handles and how far each moves (in score points). */
const KEY_STEPS: Record<string, number> = {
	ArrowRight: 1,
	ArrowUp: 1,
	ArrowLeft: -1,
	ArrowDown: -1,
	PageUp: 5,
	PageDown: -5
};

export class ThresholdDrag {
	#committed: () => readonly number[];
	#preview = $state.raw<number[] | null>(null);
	/** Index of the handle being dragged, or null. */
	active = $state<number | null>(null);

	/** `committed`: the model's tier minimums, best tier first (read on every use). */
	constructor(committed: () => readonly number[] = () => []) {
		this.#committed = committed;
	}

	/** Minimums in force for display: the preview while dragging, else the model's. */
	get mins(): readonly number[] {
		return this.#preview ?? this.#committed();
	}

	get isDragging(): boolean {
		return this.active !== null;
	}

	/** Allowed range for handle i: strictly between its neighbours, inside 1…100. */
	bounds(i: number, mins: readonly number[] = this.mins): [number, number] {
		const below = mins[i + 1];
		const above = i > 0 ? mins[i - 1] : undefined;
		const lo = below === undefined ? 1 : below + 1;
		const hi = above === undefined ? 100 : above - 1;
		return [lo, hi];
	}

	/** Clamp and round a value for handle i. */
	clamp(i: number, value: number): number {
		const [lo, hi] = this.bounds(i);
		return Math.min(hi, Math.max(lo, Math.round(value)));
	}

	start(i: number): void {
		const mins = this.#committed();
		if (i < 0 || i >= mins.length - 1) return;
		this.active = i;
		this.#preview = mins.slice();
	}

	/** Move the active handle to `value` (a preview: nothing is committed). */
	move(value: number): void {
		const i = this.active;
		if (i === null || !this.#preview) return;
		const next = this.#preview.slice();
		next[i] = this.clamp(i, value);
		if (next[i] !== this.#preview[i]) this.#preview = next;
	}

	/** End the drag: returns the new minimums to commit, or null when nothing changed. */
	end(): number[] | null {
		const preview = this.#preview;
		const committed = this.#committed();
		this.active = null;
		this.#preview = null;
		if (!preview || preview.every((m, i) => m === committed[i])) return null;
		return preview;
	}

	/** Abandon the drag (Escape): back to the committed minimums. */
	cancel(): void {
		this.active = null;
		this.#preview = null;
	}

	/**
	 * A key on handle i: arrows ±1, PageUp/PageDown ±5, Home/End to the bounds. Returns the new
	 * minimums to commit, or null when the key is not a slider key or nothing moved.
	 */
	key(i: number, key: string): number[] | null {
		const mins = this.#committed();
		const current = mins[i];
		if (current === undefined || i >= mins.length - 1) return null;
		const [lo, hi] = this.bounds(i, mins);
		let value: number;
		if (key === 'Home') value = lo;
		else if (key === 'End') value = hi;
		else if (key in KEY_STEPS) value = current + (KEY_STEPS[key] ?? 0);
		else return null;
		value = Math.min(hi, Math.max(lo, value));
		if (value === current) return null;
		const next = mins.slice();
		next[i] = value;
		return next;
	}
}
