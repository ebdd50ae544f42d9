// The console's index of the audit log keeps one row per record whatever happens to a write: a
// chunk that fails stays queued and is written later, in order, and a hole an older KeyLab left
// (it dropped such a chunk) is filled when the log is opened.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuditLog, AuditQuery } from '../../../../src/main/audit'
import { openAuditDb } from '../../../../src/main/audit/audit-db'
import type { Db } from '../../../../src/main/data/cipher-db'
import { tempDir } from '../../../helpers/lab'
import { syntheticRecord } from '../../../helpers/synthetic-calls'

const RECORDS = 6000
let dir: string | undefined
afterEach(() => {
  vi.restoreAllMocks()
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

async function filledLog(rootKey: Buffer): Promise<AuditLog> {
  dir = tempDir()
  const log = AuditLog.open({ dataDir: dir, rootKey, checkpointWorker: null })
  await Promise.all(Array.from({ length: RECORDS }, (_, i) => log.append(syntheticRecord(i))))
  return log
}

/** What the index holds, straight from SQL, next to what the console is told. */
function indexed(db: Db, log: AuditLog): { rows: number; readOnly: number; told: number } {
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number
  return {
    rows: count('select count(*) from event_index'),
    readOnly: count('select count(*) from event_index where ro = 1'),
    told: new AuditQuery(log).page({ filter: { readOnly: true }, offset: 0, limit: 1 }).total
  }
}

describe('audit index', () => {
  it('keeps a chunk whose write failed and writes it, in order, on the next try', async () => {
    const log = await filledLog(randomBytes(32))
    expect(log.index.backlog).toBe(RECORDS)
    const insert = (log.index as unknown as { insert: { run: (...a: unknown[]) => unknown } })
      .insert
    const run = insert.run.bind(insert)
    let fail = true
    insert.run = (...args: unknown[]) => {
      if (fail && args[0] === 100) {
        fail = false
        throw new Error('disk I/O error')
      }
      return run(...args)
    }
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => log.index.flush()).toThrow('disk I/O error')
    // Nothing left the queue, and nothing of the failed transaction stayed.
    expect(log.index.backlog).toBe(RECORDS)
    expect(log.db.prepare('select count(*) from event_index').pluck().get()).toBe(0)
    expect(log.index.counts.rows).toBe(0)
    // The retry a second later writes it all.
    await new Promise((resolve) => setTimeout(resolve, 1300))
    expect(log.index.backlog).toBe(0)
    expect(error).toHaveBeenCalledTimes(1)
    const state = indexed(log.db, log)
    expect(state.rows).toBe(RECORDS)
    expect(state.told).toBe(state.readOnly)
    const deep = new AuditQuery(log).page({ filter: {}, offset: RECORDS - 100, limit: 100 })
    expect(deep.rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 100 - i))
    await log.close()
  })

  it('writes what a failed idle write kept once appends pause again', async () => {
    const log = await filledLog(randomBytes(32))
    const insert = (log.index as unknown as { insert: { run: (...a: unknown[]) => unknown } })
      .insert
    const run = insert.run.bind(insert)
    let failures = 2
    insert.run = (...args: unknown[]) => {
      if (failures > 0 && args[0] === 1) {
        failures--
        throw new Error('database is locked')
      }
      return run(...args)
    }
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    // The idle write (150 ms) fails, its retry fails, the next one goes through.
    await new Promise((resolve) => setTimeout(resolve, 2600))
    expect(failures).toBe(0)
    expect(log.index.backlog).toBe(0)
    expect(indexed(log.db, log).rows).toBe(RECORDS)
    await log.close()
  })

  it('fills a hole an older KeyLab left in the index when the log is opened', async () => {
    const rootKey = randomBytes(32)
    const log = await filledLog(rootKey)
    await log.close()
    const db = openAuditDb(dir as string, rootKey, true)
    db.prepare('delete from event_index where seq between 100 and 2147').run()
    // That KeyLab counted rows in the same transactions, so its counts matched the hole.
    db.prepare('delete from index_counts').run()
    db.close()
    const reopened = AuditLog.open({ dataDir: dir as string, rootKey, checkpointWorker: null })
    const state = indexed(reopened.db, reopened)
    expect(state.rows).toBe(RECORDS)
    expect(reopened.index.counts.rows).toBe(RECORDS)
    expect(state.told).toBe(state.readOnly)
    const window = new AuditQuery(reopened).page({ filter: {}, offset: RECORDS - 150, limit: 100 })
    expect(window.rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 150 - i))
    await reopened.close()
  })
})
