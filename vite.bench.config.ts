import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** Benchmark page: the app's own modules plus the peers, built like production (minified). */
export default defineConfig({
	root: fileURLToPath(new URL('./bench', import.meta.url)),
	base: './',
	// The import path runs the app's state classes (runes), so the Svelte plugin compiles them.
	plugins: [svelte()],
	resolve: {
		alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) }
	},
	worker: { format: 'es' },
	build: {
		target: 'es2022',
		outDir: fileURLToPath(new URL('./dist-bench', import.meta.url)),
		emptyOutDir: true,
		assetsInlineLimit: 0,
		chunkSizeWarningLimit: 5000
	},
	logLevel: 'warn'
});
