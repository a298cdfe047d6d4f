import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const backend = 'http://127.0.0.1:8080'

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Element Plus functions (ElMessage, ElMessageBox) and components are imported on demand,
    // with their styles; the generated .d.ts files are committed so vue-tsc runs before vite.
    AutoImport({
      resolvers: [ElementPlusResolver()],
      dts: 'src/auto-imports.d.ts',
    }),
    Components({
      resolvers: [ElementPlusResolver()],
      dts: 'src/components.d.ts',
      dirs: [],
    }),
  ],
  resolve: {
    alias: { '@': '/src' },
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/metrics': backend,
    },
  },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Mounting a page with Element Plus takes seconds on a busy two-core machine; 5 s timed out there.
    testTimeout: 20000,
    // Element Plus components come with CSS imports, which only Vite (not Node) can load.
    server: { deps: { inline: ['element-plus'] } },
  },
})
