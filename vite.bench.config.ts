import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/** Benchmark page: the app's own modules plus the peers, built like production (minified). */
export default defineConfig({
	root: fileURLToPath(new URL('./bench', import.meta.url)),
	base: './',
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
