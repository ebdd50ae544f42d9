// Runs every tests/e2e/specs/*.spec.mjs in Chromium and prints `N passed, N failed`.
// A spec exports `tests`: [{ name, run({ browser, page, ...harness }) }].
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as harness from './harness.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv[2]
const files = readdirSync(join(here, 'specs'))
  .filter((f) => f.endsWith('.spec.mjs') && (!only || f.includes(only)))
  .sort()

let passed = 0
let failed = 0
const browser = await harness.launchBrowser()
try {
  for (const file of files) {
    const { tests } = await import(pathToFileURL(join(here, 'specs', file)).href)
    for (const t of tests) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      const page = await context.newPage()
      const errors = []
      page.on('pageerror', (e) => errors.push(e.message))
      const started = Date.now()
      try {
        await t.run({ browser, context, page, ...harness })
        if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join('; ')}`)
        passed++
        console.log(`  ✓ ${file} › ${t.name} (${Date.now() - started} ms)`)
      } catch (e) {
        failed++
        console.log(
          `  ✗ ${file} › ${t.name}\n    ${(e.stack ?? String(e)).split('\n').join('\n    ')}`
        )
        await harness
          .screenshot(page, `FAILED-${file}-${t.name}`.replace(/[^\w.-]+/g, '_'))
          .catch(() => {})
      } finally {
        await context.close()
      }
    }
  }
} finally {
  await browser.close()
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exitCode = failed ? 1 : 0
