import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { crossOriginIsolationHeaders, securityHeaders } from './scripts/headers.mjs';
import { modelsPlugin } from './scripts/modelsPlugin.ts';

export default defineConfig({
  plugins: [svelte(), modelsPlugin()],
  server: { headers: crossOriginIsolationHeaders },
  preview: { headers: securityHeaders, host: 'localhost' },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // Unminified on purpose: tfjs-backend-wasm starts its pthread workers from
    // the emscripten factory's own source text (Function.toString), and
    // minification renames the closure variables that text refers to
    // ("e is not defined" in every WASM thread).
    minify: false,
    rollupOptions: { input: { main: 'index.html', bench: 'bench.html' } },
  },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
});
