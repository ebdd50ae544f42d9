// Verification in worker threads (verify-run.ts with the built verify-worker.ts) reports exactly
// what verification in the main thread reports, for an intact log and for tampered ones, and
// falls back to the main thread when there is no worker file.
import { cpSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VerifyReport } from '../../../../src/shared/ipc/audit-api'
import * as hashChain from '../../../../src/main/audit/hash-chain'
import type { Db } from '../../../../src/main/data/cipher-db'
import { defaultVerifyWorker } from '../../../../src/main/audit/verify-run'
import { openAuditLab, tamper, verifyDir, verifyDirRun } from '../../../helpers/audit'
import { tempDir } from '../../../helpers/lab'
import { buildVerifyWorker } from '../../../helpers/worker-build'

const RECORDS = 2500
let base: string
let rootKey: Buffer
let workerFile: string
const copies: string[] = []

beforeAll(async () => {
  workerFile = await buildVerifyWorker()
  const env = openAuditLab()
  base = env.dir
  rootKey = Buffer.from(env.lab.rootKey)
  const { KeyMetadata } = await env.services.kms.CreateKey({ Description: 'verify target' })
  for (let i = 1; i < RECORDS; i += 100) {
    const n = Math.min(100, RECORDS - i)
    await Promise.all(
      Array.from({ length: n }, () => env.services.kms.DescribeKey({ KeyId: KeyMetadata?.KeyId }))
    )
  }
  await env.close()
}, 120_000)

afterAll(() => {
  for (const d of [base, ...copies]) rmSync(d, { recursive: true, force: true })
})

function copy(): string {
  const dir = tempDir()
  copies.push(dir)
  cpSync(base, dir, { recursive: true })
  return dir
}

const logIdOf = (db: Db): string =>
  (db.prepare("select value from meta where name = 'logId'").get() as { value: string }).value

const timeless = ({ elapsedMs: _, ...rest }: VerifyReport): Omit<VerifyReport, 'elapsedMs'> => rest

/** Both ways give the same report; the workers' one is returned. */
async function bothWays(dir: string): Promise<VerifyReport> {
  const here = verifyDir(dir)
  const { report, progress } = await verifyDirRun(dir, { workerFile, workers: 3, chunk: 300 })
  expect(timeless(report)).toEqual(timeless(here))
  expect(progress).toEqual([...progress].sort((a, b) => a - b))
  return report
}

describe('verification in worker threads', () => {
  it('is not found next to the sources, so tests run it in the main thread by default', async () => {
    expect(defaultVerifyWorker()).toBeUndefined()
    const { report, progress } = await verifyDirRun(copy(), { chunk: 300 })
    expect(report).toMatchObject({ ok: true, records: RECORDS, checkpoints: 3 })
    expect(progress.at(-1)).toBe(RECORDS)
  })

  it('verifies an intact log, reporting progress up to the last record', async () => {
    const dir = copy()
    const report = await bothWays(dir)
    expect(report).toMatchObject({ ok: true, records: RECORDS, checkpoints: 3, problems: [] })
    let fromWorkers = 0
    const { progress } = await verifyDirRun(dir, {
      workerFile,
      workers: 2,
      chunk: 300,
      onWorkerRange: (from, to) => (fromWorkers += to - from + 1)
    })
    expect(fromWorkers).toBe(RECORDS)
    expect(progress.length).toBeGreaterThan(3)
    expect(progress.at(-1)).toBe(RECORDS)
  })

  it('names a changed record in the middle of a worker range', async () => {
    const dir = copy()
    tamper(dir, rootKey, (db) =>
      db
        .prepare(
          "update events set body = json_set(body, '$.eventName', 'Decrypt') where seq = 1234"
        )
        .run()
    )
    expect((await bothWays(dir)).failure?.seq).toBe(1234)
  })

  it('names a deleted record at the first record of a range', async () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => db.prepare('delete from events where seq = 1201').run())
    expect((await bothWays(dir)).failure).toEqual({
      seq: 1201,
      reason: 'record 1201 is missing: the log goes from record 1200 to record 1202'
    })
  })

  it('names a record swapped with the last of the range before', async () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => {
      const get = db.prepare('select prev, hash, body from events where seq = ?')
      const a = get.get(900) as { prev: Buffer; hash: Buffer; body: string }
      const b = get.get(901) as { prev: Buffer; hash: Buffer; body: string }
      const put = db.prepare('update events set prev = ?, hash = ?, body = ? where seq = ?')
      put.run(b.prev, b.hash, b.body, 900)
      put.run(a.prev, a.hash, a.body, 901)
    })
    expect((await bothWays(dir)).failure?.seq).toBe(900)
  })

  it('sees a cut tail and a chain rewritten up to a signed record', async () => {
    const cut = copy()
    tamper(cut, rootKey, (db) => db.prepare('delete from events where seq > 2400').run())
    expect((await bothWays(cut)).failure?.seq).toBe(2401)
    const rewritten = copy()
    tamper(rewritten, rootKey, (db) => {
      const rows = db.prepare('select seq, prev, body from events where seq <= 1100').all() as {
        seq: number
        body: string
      }[]
      const { genesis, linkHash, toBlob } = hashChain
      let prev = genesis(logIdOf(db))
      const put = db.prepare('update events set prev = ?, hash = ?, body = ? where seq = ?')
      for (const r of rows) {
        const body = r.body.replace('"readOnly":true', '"readOnly":false')
        const hash = linkHash(prev, body)
        put.run(toBlob(prev), toBlob(hash), body, r.seq)
        prev = hash
      }
    })
    expect((await bothWays(rewritten)).failure?.checkpoint).toBe(1)
  })

  it('accepts a body holding the batch separator, checked record by record', async () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => {
      const { linkHash, toBlob } = hashChain
      const rows = db.prepare('select seq, prev, body from events where seq >= 1700').all() as {
        seq: number
        prev: Buffer
        body: string
      }[]
      let prev = rows[0].prev.toString('hex')
      const put = db.prepare('update events set prev = ?, hash = ?, body = ? where seq = ?')
      for (const r of rows) {
        const body =
          r.seq === 1700 ? r.body.replace('KeyLab console', 'KeyLab\u001econsole') : r.body
        const hash = linkHash(prev, body)
        put.run(toBlob(prev), toBlob(hash), body, r.seq)
        prev = hash
      }
      db.prepare('delete from checkpoints where number > 1').run()
    })
    const report = await bothWays(dir)
    expect(report.failure?.seq).not.toBe(1700)
  })
})
