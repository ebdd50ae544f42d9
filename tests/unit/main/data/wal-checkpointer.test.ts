// WAL checkpoints in the built worker thread: the writer stops checkpointing itself, the worker
// copies the frames into the database file while commits go on, the rest is finished on the
// writer so the WAL starts over, and without (or after losing) the worker SQLite's own
// checkpoints come back.
import { randomBytes } from 'node:crypto'
import { rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openCipherDb, WAL_AUTOCHECKPOINT, type Db } from '../../../../src/main/data/cipher-db'
import { WalCheckpointer } from '../../../../src/main/data/wal-checkpointer'
import { WalSync } from '../../../../src/main/data/wal-sync'
import { AuditLog } from '../../../../src/main/audit/audit-log'
import { Verifier } from '../../../../src/main/audit/verifier'
import { openAuditDb } from '../../../../src/main/audit/audit-db'
import { syntheticRecord } from '../../../helpers/synthetic-calls'
import { tempDir } from '../../../helpers/lab'
import { buildCheckpointWorker } from '../../../helpers/worker-build'

let workerFile: string
beforeAll(async () => {
  workerFile = await buildCheckpointWorker()
}, 60_000)

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function openDb(): { db: Db; file: string; key: Buffer; walSync: WalSync } {
  const dir = tempDir()
  dirs.push(dir)
  const file = join(dir, 'test.db')
  const key = randomBytes(32)
  const db = openCipherDb(file, key, 'test store')
  db.exec('create table t (id integer primary key, body text not null)')
  return { db, file, key, walSync: new WalSync(`${file}-wal`) }
}

async function write(db: Db, walSync: WalSync, rows: number, from = 0): Promise<void> {
  const insert = db.prepare('insert into t (id, body) values (?, ?)')
  db.transaction(() => {
    for (let i = from; i < from + rows; i++) insert.run(i, 'x'.repeat(500))
  })()
  await walSync.flush()
}

/** A store whose checkpoints run in the built worker, only when a test asks (tick). */
function withWorker(): ReturnType<typeof openDb> & { cp: WalCheckpointer } {
  const store = openDb()
  const cp = new WalCheckpointer({
    ...store,
    what: 'test store',
    autocheckpoint: WAL_AUTOCHECKPOINT,
    workerFile,
    everyMs: 60_000
  })
  return { ...store, cp }
}

const autocheckpoint = (db: Db): number =>
  db.pragma('wal_autocheckpoint', { simple: true }) as number

describe('WAL checkpointer', () => {
  it('checkpoints in the worker, finishes here, and the WAL starts over', async () => {
    const { db, file, key, walSync, cp } = withWorker()
    expect(cp.offThread).toBe(true)
    expect(autocheckpoint(db)).toBe(0)
    await write(db, walSync, 20_000)
    const dbBytes = statSync(file).size
    await cp.tick()
    expect(cp.checkpoints).toBe(1)
    expect(statSync(file).size).toBeGreaterThan(dbBytes + 5_000_000)
    const [after] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{
      log: number
      checkpointed: number
    }>
    expect(after.checkpointed).toBe(after.log)
    // Nothing committed since: no checkpoint asked for.
    await cp.tick()
    expect(cp.checkpoints).toBe(1)
    const walBytes = statSync(`${file}-wal`).size
    await write(db, walSync, 100, 20_000)
    expect(statSync(`${file}-wal`).size).toBe(walBytes) // written from the start again
    await cp.close()
    await walSync.close()
    db.close()
    const again = openCipherDb(file, key, 'test store')
    expect(again.prepare('select count(*) from t').pluck().get()).toBe(20_100)
    again.close()
  })

  it('puts off finishing a checkpoint while the writer has a statement under way', async () => {
    const { db, walSync, cp } = withWorker()
    await write(db, walSync, 2000)
    const reading = db.prepare('select id from t').iterate()
    reading.next()
    await cp.tick()
    expect(cp.checkpoints).toBe(1)
    reading.return?.()
    await write(db, walSync, 10, 2000)
    await cp.tick()
    expect(cp.checkpoints).toBe(2)
    const [after] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{
      log: number
      checkpointed: number
    }>
    expect(after.checkpointed).toBe(after.log)
    await cp.close()
    await walSync.close()
    db.close()
  })

  it('leaves SQLite checkpointing here without the worker, or once the worker is gone', async () => {
    const none = openDb()
    const without = new WalCheckpointer({
      ...none,
      what: 'test store',
      autocheckpoint: WAL_AUTOCHECKPOINT,
      workerFile: null
    })
    expect(without.offThread).toBe(false)
    expect(autocheckpoint(none.db)).toBe(WAL_AUTOCHECKPOINT)
    await without.close()
    none.db.close()

    const broken = openDb()
    const crashing = join(dirs[dirs.length - 1], 'crashing-worker.js')
    writeFileSync(crashing, "throw new Error('worker could not start')")
    const lost = new WalCheckpointer({
      ...broken,
      what: 'test store',
      autocheckpoint: WAL_AUTOCHECKPOINT,
      workerFile: crashing
    })
    expect(autocheckpoint(broken.db)).toBe(0)
    await expect.poll(() => lost.offThread).toBe(false)
    expect(autocheckpoint(broken.db)).toBe(WAL_AUTOCHECKPOINT)
    await lost.close()
    broken.db.close()
  })

  it('keeps the audit log whole and verifiable with checkpoints in the worker', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const rootKey = randomBytes(32)
    const log = AuditLog.open({ dataDir: dir, rootKey, checkpointWorker: workerFile })
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 2000 }, (_, i) => log.append(syntheticRecord(i))))
      await (log as unknown as { checkpointer: WalCheckpointer }).checkpointer.tick()
    }
    expect((log as unknown as { checkpointer: WalCheckpointer }).checkpointer.checkpoints).toBe(3)
    await log.close()
    const db = openAuditDb(dir, rootKey, false)
    const verifier = new Verifier({ db, dir, rootKey })
    while (!verifier.step()) continue
    const report = verifier.report()
    db.close()
    expect(report).toMatchObject({ ok: true, records: 6000, problems: [] })
  })
})
