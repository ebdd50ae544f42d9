// The renderer alone, for component work in a browser (`vite --config vite.web.config.ts`).
// The web host (`keylab web`) serves electron-vite's own out/renderer build.
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  resolve: { alias: { '@renderer': resolve(__dirname, 'src/renderer/src') } },
  plugins: [vue()],
  build: { outDir: resolve(__dirname, 'out/renderer'), emptyOutDir: true }
})
