// Vite builds the React client from client/ into dist/client; in development it proxies the
// API to the express server on :3000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/trpc': 'http://localhost:3000' } },
});
