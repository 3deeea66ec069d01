/**
 * Vitest environment for tests of rune wiring (`$effect.root`, `$effect`): plain Node globals,
 * but modules are transformed for the client (`viteEnvironment: 'client'`), so Svelte compiles
 * runes with its client runtime and effects really run (the default Node environment compiles
 * them for the server, where `$effect` never runs). Use with
 * `// @vitest-environment ./tests/svelte-client-env.ts` at the top of a test file.
 */
import type { Environment } from 'vitest/environments';

export default {
	name: 'svelte-client-node',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
} satisfies Environment;
