import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { ThresholdDrag } from './threshold-drag.svelte';

/** A drag whose committed values are a model's, held here (`commit` stands for a model edit). */
function handles(initial: number[]) {
	let model = initial;
	const d = new ThresholdDrag(() => model);
	return { d, commit: (mins: number[]) => (model = mins) };
}

describe('ThresholdDrag', () => {
	it('previews while dragging; on release it hands the values over, the model holds them', () => {
		const { d, commit } = handles([80, 50, 0]);
		d.start(0);
		d.move(72.4);
		flushSync();
		expect(d.mins).toEqual([72, 50, 0]);
		expect(d.isDragging).toBe(true);
		const out = d.end();
		expect(out).toEqual([72, 50, 0]);
		expect(d.isDragging).toBe(false);
		// No copy is kept: until the model takes them, the handles show the model's values.
		expect(d.mins).toEqual([80, 50, 0]);
		commit(out!);
		expect(d.mins).toEqual([72, 50, 0]);
	});

	it.each([
		[0, 30, 51],
		[0, 140, 100],
		[1, 95, 79],
		[1, -3, 1]
	])('clamps handle %i dragged to %d → %d (keeps tiers ordered)', (i, to, want) => {
		const { d } = handles([80, 50, 0]);
		d.start(i);
		d.move(to);
		expect(d.mins[i]).toBe(want);
	});

	it('returns null when a drag ends where it started, and cancel restores', () => {
		const { d } = handles([80, 50, 0]);
		d.start(1);
		d.move(50);
		expect(d.end()).toBeNull();
		d.start(1);
		d.move(40);
		d.cancel();
		expect(d.mins).toEqual([80, 50, 0]);
	});

	it('has no handle for the last tier', () => {
		const { d } = handles([80, 50, 0]);
		d.start(2);
		expect(d.isDragging).toBe(false);
		expect(d.key(2, 'ArrowUp')).toBeNull();
	});

	it.each([
		['ArrowUp', 81],
		['ArrowRight', 81],
		['ArrowDown', 79],
		['ArrowLeft', 79],
		['PageUp', 85],
		['PageDown', 75],
		['Home', 51],
		['End', 100],
		['a', null]
	])('key %s on the top handle', (key, want) => {
		const { d } = handles([80, 50, 0]);
		const r = d.key(0, key);
		expect(r === null ? null : r[0]).toBe(want);
	});

	it('does not commit a key at a bound', () => {
		const { d } = handles([100, 50, 0]);
		expect(d.key(0, 'ArrowUp')).toBeNull();
		expect(d.key(0, 'End')).toBeNull();
	});

	it('follows the model: a change elsewhere (undo) shows at once and keys step from it', () => {
		const { d, commit } = handles([80, 50, 0]);
		commit(d.key(0, 'ArrowDown')!);
		expect(d.mins).toEqual([79, 50, 0]);
		commit([75, 40, 0]); // undo, another screen, a reply: whatever set the model
		expect(d.mins).toEqual([75, 40, 0]);
		expect(d.key(0, 'ArrowDown')).toEqual([74, 40, 0]);
		expect(d.key(1, 'ArrowUp')).toEqual([75, 41, 0]);
	});
});
