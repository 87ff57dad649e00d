import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { crossOriginIsolationHeaders, securityHeaders } from './scripts/headers.mjs';
import { appPublicCopy } from './dev/publicFiles.ts';

/**
 * `vite build` bundles the app alone (index.html). `--mode bench` builds the
 * in-browser benchmark page (bench/browser/) into dist-bench/ instead, for
 * `npm run bench:detect`; the dev server serves it at /bench/browser/.
 * Static files come from public/: `public/models` links to `models/`, where
 * `npm run models:install` puts the verified weights, so they are served at
 * /models/ and copied (dereferenced) into the build: all of it for the bench
 * page, and all but the bench-only models (manifest `benchOnly`) for the app.
 */
export default defineConfig(({ mode }) => ({
  plugins: [svelte(), ...(mode === 'bench' ? [] : [appPublicCopy()])],
  server: { headers: crossOriginIsolationHeaders },
  preview: { headers: securityHeaders, host: 'localhost' },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: mode === 'bench' ? 'dist-bench' : 'dist',
    copyPublicDir: mode === 'bench',
    chunkSizeWarningLimit: 4096,
    // Unminified on purpose: tfjs-backend-wasm starts its pthread workers from
    // the emscripten factory's own source text (Function.toString), and
    // minification renames the closure variables that text refers to
    // ("e is not defined" in every WASM thread).
    minify: false,
    rollupOptions: { input: mode === 'bench' ? 'bench/browser/index.html' : 'index.html' },
  },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
}));
