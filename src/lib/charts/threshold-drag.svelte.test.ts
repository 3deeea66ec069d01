import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { ThresholdDrag } from './threshold-drag.svelte';

describe('ThresholdDrag', () => {
	it('previews while dragging and commits on release', () => {
		const d = new ThresholdDrag([80, 50, 0]);
		d.start(0);
		d.move(72.4);
		flushSync();
		expect(d.mins).toEqual([72, 50, 0]);
		expect(d.isDragging).toBe(true);
		expect(d.end()).toEqual([72, 50, 0]);
		expect(d.mins).toEqual([72, 50, 0]);
		expect(d.isDragging).toBe(false);
	});

	it.each([
		[0, 30, 51],
		[0, 140, 100],
		[1, 95, 79],
		[1, -3, 1]
	])('clamps handle %i dragged to %d → %d (keeps tiers ordered)', (i, to, want) => {
		const d = new ThresholdDrag([80, 50, 0]);
		d.start(i);
		d.move(to);
		expect(d.mins[i]).toBe(want);
	});

	it('returns null when a drag ends where it started, and cancel restores', () => {
		const d = new ThresholdDrag([80, 50, 0]);
		d.start(1);
		d.move(50);
		expect(d.end()).toBeNull();
		d.start(1);
		d.move(40);
		d.cancel();
		expect(d.mins).toEqual([80, 50, 0]);
	});

	it('has no handle for the last tier', () => {
		const d = new ThresholdDrag([80, 50, 0]);
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
		const d = new ThresholdDrag([80, 50, 0]);
		const r = d.key(0, key);
		expect(r === null ? null : r[0]).toBe(want);
	});

	it('does not commit a key at a bound', () => {
		const d = new ThresholdDrag([100, 50, 0]);
		expect(d.key(0, 'ArrowUp')).toBeNull();
		expect(d.key(0, 'End')).toBeNull();
	});

	it('sync replaces the committed values and drops a preview', () => {
		const d = new ThresholdDrag([80, 50, 0]);
		d.start(0);
		d.move(60);
		d.sync([75, 40, 0]);
		expect(d.mins).toEqual([75, 40, 0]);
		expect(d.isDragging).toBe(false);
	});
});
