/**
 * Work arrays kept from call to call. A new typed array of a few hundred kilobytes gets fresh
 * pages from the system, and touching them for the first time can cost far more than the work
 * done on them: in Chromium on the bench machines, ~3–4 ms per MB (a page fault per 4 KB), against
 * ~0.05 ms per MB for an array written again (README, "Validation"). What a Validation run repeats
 * (ranks, sorts, scoring slices and blocks, bins) takes its temporaries from a `Scratch` instead.
 *
 * A slot's view is valid until the same slot is asked for again: read it only until then (most
 * users take and drop a slot within one call), and give each user its own slots.
 */
type Typed = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array | Int8Array;

interface TypedConstructor<T extends Typed> {
	new (length: number): T;
}

export class Scratch {
	#slots = new Map<string, Typed>();

	/** The first `n` elements of slot `name`'s array (grown when too short; contents undefined). */
	take<T extends Typed>(ctor: TypedConstructor<T>, name: string, n: number): T {
		const known = this.#slots.get(name) as T | undefined;
		if (known && known.constructor === ctor && known.length >= n)
			return (known.length === n ? known : known.subarray(0, n)) as T;
		// Room to grow: the next, slightly larger call (another date, another draw) fits.
		const made = new ctor(Math.max(n, Math.ceil((known?.length ?? 0) * 1.25)));
		this.#slots.set(name, made);
		return (made.length === n ? made : made.subarray(0, n)) as T;
	}

	f64(name: string, n: number): Float64Array {
		return this.take(Float64Array, name, n);
	}

	i32(name: string, n: number): Int32Array {
		return this.take(Int32Array, name, n);
	}

	u32(name: string, n: number): Uint32Array {
		return this.take(Uint32Array, name, n);
	}
}
