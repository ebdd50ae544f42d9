// The audit log screen: operations done in the UI show up in the log, filters and search find
// them, a record opens with its full CloudTrail JSON, integrity verifies, and both exports
// download.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { quickCreateKey } from '../lifecycle-steps.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const BIG = 250_000

/** Seeds a data dir's audit log with synthetic records through the real append path. */
async function seed(dir, count, passphrase) {
  const outDir = join(ROOT, 'out', 'test-bin')
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: join(ROOT, 'tests', 'helpers', 'seed-audit-log.ts'),
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: 'seed-audit-log.cjs' }
      }
    }
  })
  const run = spawnSync(
    process.execPath,
    [join(outDir, 'seed-audit-log.cjs'), dir, String(count), passphrase],
    {
      encoding: 'utf8'
    }
  )
  if (run.status !== 0) throw new Error(`seeding failed: ${run.stderr}`)
}

async function createKey(page, description) {
  await page.getByRole('link', { name: 'Customer managed keys' }).first().click()
  await quickCreateKey(page, { description })
  const arn = await page.locator('[data-test=key-arn]').textContent()
  return arn.split('/').pop()
}

async function rowsText(page) {
  return (await page.locator('[data-test=audit-row]').allTextContents()).join('\n')
}

export const tests = [
  {
    name: `a log of ${BIG.toLocaleString('en-US')} records scrolls end to end, windows fetched from SQL`,
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect, PASSPHRASE }) {
      const dir = newDataDir()
      const seeded = Date.now()
      await seed(dir, BIG, PASSPHRASE)
      console.log(`    seeded ${BIG.toLocaleString('en-US')} records in ${Date.now() - seeded} ms`)
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url + '#/audit')
        await page
          .locator('[data-test=audit-count]')
          .filter({ hasText: BIG.toLocaleString('en-US') })
          .waitFor()
        const scroller = page.locator('[data-test=audit-scroller]')
        const rowAt = (i) =>
          page.locator(`[data-test=audit-row][aria-rowindex="${i}"]`).filter({ hasText: /\S/ })
        await rowAt(1).waitFor()
        const jump = async (fraction, index) => {
          const started = Date.now()
          await scroller.evaluate(
            (el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f),
            fraction
          )
          await rowAt(index).waitFor()
          return Date.now() - started
        }
        const toEnd = await jump(1, BIG)
        const last = await rowAt(BIG).textContent()
        expect(
          /ListKeys|Decrypt|Encrypt|DescribeKey|GenerateDataKey|CreateKey/.test(last),
          `oldest row: ${last}`
        )
        const toMiddle = await jump(0.5, BIG / 2)
        const rendered = await page.locator('[data-test=audit-row]').count()
        expect(rendered < 80, `only the visible rows are in the DOM (${rendered})`)
        console.log(`    jump to the end ${toEnd} ms, to the middle ${toMiddle} ms`)
        await screenshot(page, 'audit-log-big')

        await page.locator('[data-test=audit-event]').selectOption('Decrypt')
        await page.locator('[data-test=audit-count]').filter({ hasText: '(75,000)' }).waitFor()
        await page.locator('[data-test=audit-event]').selectOption('')
        await page.locator('[data-test=audit-errors]').check()
        await page.locator('[data-test=audit-count]').filter({ hasText: '(2,500)' }).waitFor()
        await jump(1, 2500)
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'operations done in the UI are on record, searchable, openable and verified',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        const keyId = await createKey(page, 'Audited from the UI')
        await page.goto(lab.url + '#/keys/00000000-0000-4000-8000-000000000000')
        await page.getByRole('alert').waitFor()

        await page.getByRole('link', { name: 'Audit log' }).click()
        await page.getByRole('heading', { name: 'Audit log' }).waitFor()
        await page
          .locator('[data-test=audit-row]')
          .filter({ hasText: 'CreateKey' })
          .first()
          .waitFor()
        const text = await rowsText(page)
        expect(text.includes('ListKeys'), `ListKeys is on record:\n${text}`)
        expect(text.includes('DescribeKey'), 'DescribeKey is on record')
        expect(text.includes('lab-admin'), 'the principal is shown')
        expect(text.includes('NotFoundException'), 'the failed DescribeKey is on record')

        await page.locator('[data-test=audit-errors]').check()
        await page.locator('[data-test=audit-count]').filter({ hasText: '(1)' }).waitFor()
        const errors = await rowsText(page)
        expect(
          errors.includes('NotFoundException') && !errors.includes('CreateKey'),
          `errors only:\n${errors}`
        )
        await page.locator('[data-test=audit-errors]').uncheck()

        await page.locator('[data-test=audit-event]').selectOption('CreateKey')
        await page.locator('[data-test=audit-count]').filter({ hasText: '(1)' }).waitFor()
        await page.locator('[data-test=audit-event]').selectOption('')
        await page.locator('[data-test=audit-search]').fill('Audited from the UI')
        await page.locator('[data-test=audit-count]').filter({ hasText: '(1)' }).waitFor()

        await page.locator('[data-test=audit-row]').filter({ hasText: 'CreateKey' }).click()
        const drawer = page.locator('[data-test=audit-drawer]')
        await drawer.waitFor()
        const json = JSON.parse(await page.locator('[data-test=audit-json]').textContent())
        expect(json.eventSource === 'kms.amazonaws.com', 'a CloudTrail KMS event')
        expect(json.eventName === 'CreateKey' && json.eventType === 'AwsApiCall', 'CreateKey call')
        expect(json.requestParameters.description === 'Audited from the UI', 'its request')
        expect(json.responseElements.keyMetadata.keyId === keyId, 'its response')
        expect(json.resources[0].ARN.endsWith(keyId), 'its resource')
        await screenshot(page, 'audit-log-record')

        await drawer.getByRole('button', { name: 'Close' }).click()
        await page.locator('[data-test=audit-search]').fill('')
        await page.locator('[data-test=verify-integrity]').click()
        const verdict = page.locator('[data-test=verify-verdict]')
        await verdict.waitFor()
        const verdictText = await verdict.textContent()
        expect(verdictText.includes('The audit log is intact'), `verdict: ${verdictText}`)
        await screenshot(page, 'audit-log-verified')
        await page.getByRole('button', { name: 'Close' }).last().click()

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('[data-test=export-cloudtrail]').click()
        ])
        const exported = JSON.parse(readFileSync(await download.path(), 'utf8'))
        expect(
          exported.Records.some((r) => r.eventName === 'CreateKey'),
          'the export has the CreateKey event'
        )
        const [csv] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('[data-test=export-csv]').click()
        ])
        expect(
          readFileSync(await csv.path(), 'utf8').startsWith('seq,eventTime,eventName'),
          'CSV header'
        )
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  }
]
