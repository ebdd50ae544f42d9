// The audit log's figures: durable appends per second (one writer, 16 concurrent writers, group
// commit; event_index is written when appends pause, so not on this path), verification of
// 1,000,000 records, and the time of filtered table windows over them (a text search answers
// its first window at once and reads the rest of the log in the background: timed apart). Records are built by the
// real record builder from realistic calls (console and endpoint). Before the 16-writer figure,
// its floor on this disk: the same 16-row commits and syncs with nothing else (audit-floor.ts).
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fdatasyncSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { AuditLog } from '../../src/main/audit/audit-log'
import { AuditQuery } from '../../src/main/audit/audit-query'
import { AUDIT_DB_FILE, auditDbKey, openAuditDb } from '../../src/main/audit/audit-db'
import { Verifier } from '../../src/main/audit/verifier'
import { runVerifier } from '../../src/main/audit/verify-run'
import type { AuditFilter } from '../../src/shared/ipc/audit-api'
import { SYNTHETIC_KEYS, syntheticRecord } from '../../tests/helpers/synthetic-calls'
import { appendFloor, type Floor } from './audit-floor'
import { table } from './measure'

const TOTAL = Number(process.env.AUDIT_BENCH_RECORDS ?? 1_000_000)
const ROUNDS = 3
const ROUND_MS = 2000

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const record = syntheticRecord
const KEYS = SYNTHETIC_KEYS

async function appendsPerSecond(log: AuditLog, writers: number, ms: number): Promise<number> {
  const pool = Array.from({ length: 4096 }, (_, i) => record(i))
  let n = 0
  const end = Date.now() + ms
  const start = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (Date.now() < end) await log.append(pool[n++ % pool.length])
    })
  )
  return n / (Number(process.hrtime.bigint() - start) / 1e9)
}

/** What one durable write costs on this disk: the floor under any single writer. */
function fdatasyncMs(dir: string): number {
  const fd = openSync(join(dir, 'sync-probe'), 'w')
  const page = Buffer.alloc(4096, 1)
  const start = process.hrtime.bigint()
  for (let i = 0; i < 200; i++) {
    writeSync(fd, page)
    fdatasyncSync(fd)
  }
  closeSync(fd)
  return Number(process.hrtime.bigint() - start) / 200 / 1e6
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keylab-audit-bench-'))
  const rootKey = randomBytes(32)
  try {
    console.log(
      `load average at start: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`
    )
    const rows: Array<{ figure: string; value: number; runs: string; target: string }> = []
    const row = (figure: string, value: number, target = '', runs = ''): void => {
      rows.push({ figure, value, runs, target })
    }
    // Where a cycle goes: each writer waits for its own sync, so a cycle is one commit of the
    // batch plus one sync, and appends/s is at most batch / (commit + sync).
    const cycle = (writers: number, from: AuditLog['commitStats']): void => {
      const to = log.commitStats
      const batches = to.batches - from.batches
      const per = (ms: number): number => (ms * 1000) / batches
      row(`  ${writers} writers: records per batch`, (to.items - from.items) / batches)
      row(`  ${writers} writers: commit of a batch (µs)`, per(to.commitMs - from.commitMs))
      row(`  ${writers} writers: its sync (µs)`, per(to.syncMs - from.syncMs))
    }
    row('fdatasync of a 4 KB write on this disk (ms)', fdatasyncMs(dir))
    const log = AuditLog.open({ dataDir: dir, rootKey })
    row('durable appends/s, 1 writer', await appendsPerSecond(log, 1, 3000))

    // 16 writers, beside their floor on this disk (audit-floor.ts): a round of each, three
    // rounds, so that the disk's swings reach all three alike; the median and every run shown.
    const pool = Array.from({ length: 4096 }, (_, i) => record(i))
    const bare: Floor[] = []
    const chain: Floor[] = []
    const logged: number[] = []
    const before = { ...log.commitStats }
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(appendFloor(dir, pool, false, ROUND_MS))
      chain.push(appendFloor(dir, pool, true, ROUND_MS))
      logged.push(await appendsPerSecond(log, 16, ROUND_MS))
    }
    const runs = (values: number[]): string =>
      values.map((v) => Math.round(v).toLocaleString('en-US')).join(' / ')
    for (const [what, floors] of [
      ['bare SQLCipher commit + fdatasync', bare],
      ['bare + hash chain', chain]
    ] as const) {
      const perSec = floors.map((f) => f.perSec)
      row(`floor, 16 writers, ${what} (appends/s)`, median(perSec), '', runs(perSec))
      row(`  floor, ${what}: commit of 16 (µs)`, median(floors.map((f) => f.commitUs)))
      row(`  floor, ${what}: its fdatasync (µs)`, median(floors.map((f) => f.syncUs)))
    }
    row('durable appends/s, 16 concurrent writers', median(logged), '>= 20,000', runs(logged))
    cycle(16, before)

    const before256 = { ...log.commitStats }
    row('durable appends/s, 256 concurrent writers', await appendsPerSecond(log, 256, 3000))
    cycle(256, before256)

    const fillStart = Date.now()
    const batch: Promise<void>[] = []
    for (let i = log.headSeq; i < TOTAL; i++) {
      batch.push(log.append(record(i)))
      if (batch.length === 2048) await Promise.all(batch.splice(0))
    }
    await Promise.all(batch)
    const fillSec = (Date.now() - fillStart) / 1000
    row(`fill to ${TOTAL.toLocaleString('en-US')} records (s)`, fillSec, '')
    await log.close()
    row('audit.db size (MB)', statSync(join(dir, 'audit.db')).size / 1e6, '')

    const verify = async (workerFile: string | null): Promise<number> => {
      const db = openAuditDb(dir, rootKey, false)
      const t0 = Date.now()
      const verifier = new Verifier({ db, dir, rootKey })
      const report = await runVerifier(verifier, {
        file: join(dir, AUDIT_DB_FILE),
        key: auditDbKey(rootKey),
        workerFile
      })
      const sec = (Date.now() - t0) / 1000
      db.close()
      if (!report.ok) throw new Error(`verify failed: ${JSON.stringify(report.failure)}`)
      return sec
    }
    const worker = join(__dirname, 'audit-verify-worker.cjs')
    row(
      `verify ${log.headSeq.toLocaleString('en-US')} records, ${Math.min(4, availableParallelism())} worker threads (s)`,
      await verify(worker),
      '< 5'
    )
    row(
      `verify ${log.headSeq.toLocaleString('en-US')} records, main thread only (s)`,
      await verify(null),
      ''
    )

    const reopened = AuditLog.open({ dataDir: dir, rootKey })
    const query = new AuditQuery(reopened)
    const time = (filter: AuditFilter, offset: number): number => {
      const t = process.hrtime.bigint()
      query.page({ filter, offset, limit: 100 })
      return Number(process.hrtime.bigint() - t) / 1e6
    }
    const hour = Date.now() - 10 * 60_000
    const rare = String(query.record(Math.ceil(reopened.headSeq / 2)).event.requestID)
    const filters: Array<[string, AuditFilter]> = [
      ['no filter', {}],
      ['event = Decrypt', { eventName: 'Decrypt' }],
      ['key = one of 200', { keyId: KEYS[7] }],
      ['errors only', { errorsOnly: true }],
      ['mutating only', { readOnly: false }],
      ['last 10 minutes', { from: hour }],
      ['Decrypt + key + read-only', { eventName: 'Decrypt', keyId: KEYS[7], readOnly: true }],
      ['text "tenant":"t7"', { text: '"tenant":"t7"' }],
      ['text, a request id (1 match)', { text: rare }]
    ]
    for (const [name, filter] of filters) {
      const first = time(filter, 0)
      if (filter.text) {
        // The rest of the log is searched in the background; deeper windows wait for it here.
        const t = process.hrtime.bigint()
        await query.searched()
        row(
          `text search, ${name}: whole log read in the background (s)`,
          Number(process.hrtime.bigint() - t) / 1e9,
          ''
        )
      }
      const deep = time(filter, 5000)
      const again = time(filter, 5100)
      row(`page of 100, ${name}: first (ms)`, first, '< 50')
      row(`page of 100, ${name}: at offset 5,000 / 5,100 (ms)`, Math.max(deep, again), '< 50')
    }
    await reopened.close()
    table(rows)
    console.log(
      `load average at end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
