import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { crossOriginIsolationHeaders } from './scripts/headers.mjs';

export default defineConfig({
  plugins: [svelte()],
  // `models/` is served at /models/ (copied from npm packages at install time).
  publicDir: 'public',
  server: { headers: crossOriginIsolationHeaders },
  preview: { headers: crossOriginIsolationHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
});
