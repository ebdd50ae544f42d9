// The key catalog of 10,000 lab keys in-process (no bridge, no browser): what the key list's
// first render waits for, with the services as the app runs them (authorizer and audit log on),
// and side by side without the audit log and without the authorizer, to show what each costs.
// KEYLAB_BENCH_CPU_PROF=DIR writes a CPU profile of the audited catalog reads there.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AuditLog, auditObserver } from '../../src/main/audit'
import { openLab } from '../../src/main/backends/local/lab'
import { createAuthorizer } from '../../src/main/backends/local/policy/authorizer'
import { LocalBackend } from '../../src/main/backends/local/local-backend'
import { createServices, type Services } from '../../src/main/services/services'
import { table } from './measure'

const KEYS = Number(process.env.BENCH_KEYS ?? 10_000)
const region = 'us-east-1'
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function timeCatalog(services: Services, runs: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    const { keys } = await services.catalog.listKeys({ includeTags: false })
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    if (keys.length !== KEYS) throw new Error(`catalog read ${keys.length} keys, not ${KEYS}`)
  }
  return median(times)
}

async function main(): Promise<void> {
  const rows: Array<{ figure: string; value: number }> = []
  for (const authorized of [true, false]) {
    const dir = mkdtempSync(join(tmpdir(), 'keylab-catalog-bench-'))
    try {
      const lab = openLab({
        dataDir: dir,
        unlock: { passphrase: 'bench' },
        scryptCost: { N: 1024, r: 8, p: 1 },
        tickIntervalMs: 0,
        ...(authorized ? { authorize: createAuthorizer() } : {})
      })
      let made = 0
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (made < KEYS) {
            const n = made++
            await lab.engine.call('CreateKey', { Description: `bench key ${n}` }, { region })
          }
        })
      )
      const base = { backend: new LocalBackend(lab.engine), lab: lab.engine, region }
      const common = { ...base, version: 'bench', dataDir: lab.dataDir, rootKey: lab.rootKey }
      const name = authorized ? 'authorizer on' : 'authorizer off'
      if (authorized) {
        const audit = AuditLog.open({ dataDir: lab.dataDir, rootKey: lab.rootKey })
        const services = createServices({ ...common, observe: auditObserver(audit), audit })
        await timeCatalog(services, 1)
        const profDir = process.env.KEYLAB_BENCH_CPU_PROF
        const session = profDir ? new Session() : undefined
        if (session) {
          session.connect()
          await session.post('Profiler.enable')
          await session.post('Profiler.start')
        }
        rows.push({
          figure: `catalog of ${KEYS} keys, ${name}, audit log on (ms)`,
          value: await timeCatalog(services, 5)
        })
        if (session && profDir) {
          const { profile } = await session.post('Profiler.stop')
          mkdirSync(profDir, { recursive: true })
          writeFileSync(join(profDir, 'catalog.cpuprofile'), JSON.stringify(profile))
          session.disconnect()
        }
        await audit.close()
      }
      const bare = createServices(common)
      await timeCatalog(bare, 1)
      rows.push({
        figure: `catalog of ${KEYS} keys, ${name}, audit log off (ms)`,
        value: await timeCatalog(bare, 5)
      })
      await lab.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  table(rows)
}

void main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
