import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { crossOriginIsolationHeaders } from './scripts/headers.mjs';
import { modelsPlugin } from './scripts/modelsPlugin';

export default defineConfig({
  plugins: [svelte(), modelsPlugin()],
  server: { headers: crossOriginIsolationHeaders },
  preview: { headers: crossOriginIsolationHeaders, host: 'localhost' },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
});
