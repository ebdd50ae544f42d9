// The key list in Chromium with 10,000 keys: the catalog call over the web bridge, the first
// render of the list screen, a re-sort, and a filter keystroke (targets: first render < 300 ms,
// keystroke < 50 ms). The services run as `keylab web` runs them: authorizer and audit log on,
// so every DescribeKey of the catalog is a durable audit record, as in the app.
// KEYLAB_BENCH_CPU_PROF=DIR writes a CPU profile of the host during the cold first renders. Needs the built
// renderer (npx electron-vite build) and /usr/bin/chromium.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { AuditLog, auditObserver } from '../../src/main/audit'
import { openLab } from '../../src/main/backends/local/lab'
import { createAuthorizer } from '../../src/main/backends/local/policy/authorizer'
import { LocalBackend } from '../../src/main/backends/local/local-backend'
import { createServices } from '../../src/main/services/services'
import { startWebHost } from '../../src/main/web/web-host'
import { table } from './measure'

const KEYS = Number(process.env.BENCH_KEYS ?? 10_000)
const region = 'us-east-1'
const rendererDir = resolve(__dirname, '../renderer')

/** With KEYLAB_BENCH_CPU_PROF=DIR, a CPU profile of this process (the web host and services). */
async function startProfile(): Promise<() => Promise<void>> {
  const dir = process.env.KEYLAB_BENCH_CPU_PROF
  if (!dir) return async () => {}
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return async () => {
    const { profile } = await session.post('Profiler.stop')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'key-list.cpuprofile'), JSON.stringify(profile))
    session.disconnect()
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main(): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer in ${rendererDir}: run npx electron-vite build first`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'keylab-bench-'))
  const lab = openLab({
    dataDir: dir,
    unlock: { passphrase: 'bench' },
    scryptCost: { N: 1024, r: 8, p: 1 },
    tickIntervalMs: 0,
    authorize: createAuthorizer()
  })
  let made = 0
  const fill = Date.now()
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (made < KEYS) {
        const n = made++
        await lab.engine.call('CreateKey', { Description: `bench key ${n}` }, { region })
      }
    })
  )
  console.log(`created ${KEYS} keys in ${Date.now() - fill} ms`)
  const audit = AuditLog.open({ dataDir: lab.dataDir, rootKey: lab.rootKey })
  const services = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region,
    version: 'bench',
    dataDir: lab.dataDir,
    rootKey: lab.rootKey,
    observe: auditObserver(audit),
    audit
  })
  const host = await startWebHost({ services, rendererDir })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(`${host.openUrl.replace('/?', '/?')}#/settings`)
    await page.getByRole('heading', { name: 'Settings' }).waitFor()

    const timeCatalog = (body: string): Promise<number> =>
      page.evaluate(async (b) => {
        const token = sessionStorage.getItem('keylab.bridge.token')
        const t0 = performance.now()
        const res = await fetch('/rpc/catalog/listKeys', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: b
        })
        await res.json()
        return performance.now() - t0
      }, body)
    const catalog: number[] = []
    const catalogTags: number[] = []
    for (let i = 0; i < 5; i++) {
      catalog.push(await timeCatalog('{"includeTags":false}'))
      catalogTags.push(await timeCatalog('{}'))
    }

    // Cold first render: a fresh page (empty store) opens the key list. The list is read as key
    // ids and aliases, then described a slice at a time: the first rows paint once the first
    // (small) slice is in; the whole list once the last slice is. The bridge's answer to the
    // first slice is timed too, so the render after the data arrived can be told apart.
    const firstRender: number[] = []
    const afterData: number[] = []
    const wholeList: number[] = []
    const stopProfile = await startProfile()
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => (location.hash = '#/settings'))
      await page.reload()
      await page.getByRole('heading', { name: 'Settings' }).waitFor()
      const [totalMs, renderMs, wholeMs] = await page.evaluate(
        () =>
          new Promise<[number, number, number]>((done) => {
            let dataAt = 0
            const text = Response.prototype.text
            Response.prototype.text = async function (this: Response) {
              const body = await text.call(this)
              if (this.url.includes('/rpc/catalog/describeKeys') && !dataAt) {
                dataAt = performance.now()
              }
              return body
            }
            const t0 = performance.now()
            let first = 0
            const painted = (): Promise<number> =>
              new Promise((r) =>
                requestAnimationFrame(() => setTimeout(() => r(performance.now())))
              )
            const observer = new MutationObserver(() => {
              if (!document.querySelector('[data-test=key-row]')) return
              if (!first) {
                first = -1
                void painted().then((t) => (first = t))
              }
              if (document.querySelector('[data-test=key-progress]')) return
              observer.disconnect()
              void painted().then(async (t2) => {
                while (first <= 0) await painted()
                done([first - t0, first - dataAt, t2 - t0])
              })
            })
            observer.observe(document.body, { childList: true, subtree: true, characterData: true })
            document.querySelector<HTMLAnchorElement>('a[href="#/keys"]')!.click()
          })
      )
      firstRender.push(totalMs)
      afterData.push(renderMs)
      wholeList.push(wholeMs)
    }
    await stopProfile()
    const rows = await page.locator('[data-test=key-row]').count()
    const total = await page.locator('[data-test=key-count]').textContent()

    const frame = (): Promise<number> =>
      page.evaluate(
        () =>
          new Promise<number>((done) =>
            requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0))
          )
      )
    const sort: number[] = []
    for (const col of ['keyId', 'creationDate', 'aliases', 'keySpec', 'status']) {
      const t0 = await page.evaluate((c) => {
        const t = performance.now()
        document.querySelector<HTMLButtonElement>(`[data-test=sort-${c}]`)!.click()
        return t
      }, col)
      sort.push((await frame()) - t0)
    }

    const keystrokes: number[] = []
    const work: number[] = []
    for (const text of ['b', 'be', 'ben', 'bench key 1', 'bench key 12', 'bench key 123', '']) {
      const [t0, updated] = await page.evaluate(async (value) => {
        const input = document.querySelector<HTMLInputElement>('[data-test=key-filter]')!
        const t = performance.now()
        input.value = value
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await Promise.resolve()
        return [t, performance.now() - t]
      }, text)
      keystrokes.push((await frame()) - t0)
      work.push(updated)
    }
    const shown = await page.locator('[data-test=key-count]').textContent()

    console.log(
      `list shows "${total}" with ${rows} rows in the DOM (virtualized); after filters: "${shown}"`
    )
    const row = (measure: string, xs: number[]): Record<string, string | number> => ({
      measure,
      'median ms': median(xs),
      'max ms': Math.max(...xs)
    })
    table([
      row(`catalog.listKeys over the web bridge (${KEYS} keys)`, catalog),
      row('catalog.listKeys with tags (one ListResourceTags per key)', catalogTags),
      row('key list first render, cold (open → rows painted)', firstRender),
      row('  of which: first slice received → rows painted', afterData),
      row(`whole list described and shown (open → ${KEYS} rows listed)`, wholeList),
      row(`re-sort ${KEYS} rows (click → painted)`, sort),
      row('filter keystroke (input → painted)', keystrokes),
      row('  of which: input → DOM updated', work)
    ])
    console.log('targets: first render < 300 ms, keystroke < 50 ms')
  } finally {
    await browser.close()
    await host.close()
    services.close()
    await audit.close()
    await lab.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
