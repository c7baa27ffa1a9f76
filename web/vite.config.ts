import { defineConfig } from 'vitest/config';

// `npm run dev` asks this API for /config.json (the local host answers it), so the dev server
// works against `sdc local up` or `sdc demo` on any port: SDC_API=http://127.0.0.1:18181 npm run dev
const api = process.env.SDC_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // Relative asset URLs: dist/ works from any origin and any folder (the router uses the hash).
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  server: {
    proxy: { '/config.json': { target: api, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
