import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { APP_CSP } from './shared/api/csp';

// The renderer is served from file:// in Electron and from the loopback bridge in
// browser mode, so every asset path is relative.
export default defineConfig({
  root: path.resolve(__dirname, 'renderer'),
  base: './',
  // The page's CSP comes from the one definition the HTTP bridge sends too.
  plugins: [react(), { name: 'app-csp', transformIndexHtml: (html) => html.replace('%APP_CSP%', APP_CSP) }],
  build: {
    outDir: path.resolve(__dirname, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
