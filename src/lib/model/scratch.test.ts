import { describe, expect, it } from 'vitest';
import { Scratch } from './scratch';

describe('Scratch: work arrays kept from call to call', () => {
	it('hands out the same memory for a slot, grown only when too short', () => {
		const s = new Scratch();
		const a = s.f64('x', 100);
		a.fill(7);
		const b = s.f64('x', 60);
		// Same memory, cut to the length asked for.
		expect(b.length).toBe(60);
		expect(b.buffer).toBe(a.buffer);
		expect(b[59]).toBe(7);
		const c = s.f64('x', 101);
		expect(c.length).toBe(101);
		expect(c.buffer).not.toBe(a.buffer);
		// Grown with room: a slightly longer call next time fits without a new array.
		expect(s.f64('x', 120).buffer).toBe(c.buffer);
	});

	it('keeps slots and element types apart', () => {
		const s = new Scratch();
		const x = s.f64('x', 10);
		const y = s.f64('y', 10);
		expect(y.buffer).not.toBe(x.buffer);
		const i = s.i32('x', 10);
		expect(i).toBeInstanceOf(Int32Array);
		// The slot now holds the Int32Array; asking for doubles again gives doubles.
		expect(s.f64('x', 10)).toBeInstanceOf(Float64Array);
		expect(s.take(Int8Array, 'z', 5)).toBeInstanceOf(Int8Array);
		expect(s.f64('y', 10).buffer).toBe(y.buffer);
	});
});
