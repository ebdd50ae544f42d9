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
import { appendFloor } from './audit-floor'
import { table } from './measure'

const TOTAL = Number(process.env.AUDIT_BENCH_RECORDS ?? 1_000_000)
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
    const rows: Array<{ figure: string; value: number; target: string }> = []
    rows.push({
      figure: 'fdatasync of a 4 KB write on this disk (ms)',
      value: fdatasyncMs(dir),
      target: ''
    })
    const log = AuditLog.open({ dataDir: dir, rootKey })
    const single = await appendsPerSecond(log, 1, 3000)
    rows.push({ figure: 'durable appends/s, 1 writer', value: single, target: '' })
    // The floor under the 16-writer figure, measured just before it (audit-floor.ts).
    const pool = Array.from({ length: 4096 }, (_, i) => record(i))
    for (const chain of [false, true]) {
      const floor = appendFloor(dir, pool, chain, 3000)
      const what = chain ? 'bare + hash chain' : 'bare SQLCipher commit + fdatasync'
      rows.push(
        { figure: `floor, 16 writers, ${what} (appends/s)`, value: floor.perSec, target: '' },
        { figure: `  floor, ${what}: commit of 16 (µs)`, value: floor.commitUs, target: '' },
        { figure: `  floor, ${what}: its fdatasync (µs)`, value: floor.syncUs, target: '' }
      )
    }
    for (const writers of [16, 256]) {
      const before = { ...log.commitStats }
      const perSec = await appendsPerSecond(log, writers, 3000)
      rows.push({
        figure: `durable appends/s, ${writers} concurrent writers`,
        value: perSec,
        target: writers === 16 ? '>= 20,000' : ''
      })
      // Where a cycle goes: each writer waits for its own sync, so a cycle is one commit of the
      // batch plus one sync, and appends/s is at most batch / (commit + sync).
      const after = log.commitStats
      const batches = after.batches - before.batches
      const per = (ms: number): number => (ms * 1000) / batches
      rows.push(
        {
          figure: `  ${writers} writers: records per batch`,
          value: (after.items - before.items) / batches,
          target: ''
        },
        {
          figure: `  ${writers} writers: commit of a batch (µs)`,
          value: per(after.commitMs - before.commitMs),
          target: ''
        },
        {
          figure: `  ${writers} writers: its sync, fdatasync of the WAL (µs)`,
          value: per(after.syncMs - before.syncMs),
          target: ''
        }
      )
    }

    const fillStart = Date.now()
    const batch: Promise<void>[] = []
    for (let i = log.headSeq; i < TOTAL; i++) {
      batch.push(log.append(record(i)))
      if (batch.length === 2048) await Promise.all(batch.splice(0))
    }
    await Promise.all(batch)
    const fillSec = (Date.now() - fillStart) / 1000
    rows.push({
      figure: `fill to ${TOTAL.toLocaleString('en-US')} records (s)`,
      value: fillSec,
      target: ''
    })
    await log.close()
    rows.push({
      figure: 'audit.db size (MB)',
      value: statSync(join(dir, 'audit.db')).size / 1e6,
      target: ''
    })

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
    rows.push({
      figure: `verify ${log.headSeq.toLocaleString('en-US')} records, ${Math.min(4, availableParallelism())} worker threads (s)`,
      value: await verify(worker),
      target: '< 5'
    })
    rows.push({
      figure: `verify ${log.headSeq.toLocaleString('en-US')} records, main thread only (s)`,
      value: await verify(null),
      target: ''
    })

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
        rows.push({
          figure: `text search, ${name}: whole log read in the background (s)`,
          value: Number(process.hrtime.bigint() - t) / 1e9,
          target: ''
        })
      }
      const deep = time(filter, 5000)
      const again = time(filter, 5100)
      rows.push({ figure: `page of 100, ${name}: first (ms)`, value: first, target: '< 50' })
      rows.push({
        figure: `page of 100, ${name}: at offset 5,000 / 5,100 (ms)`,
        value: Math.max(deep, again),
        target: '< 50'
      })
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
