// Persistence of the lab: an SQLCipher database of JSON records (keys, aliases, ...) and sealed
// secrets (key material), all loaded at open and written through on every change.
//
// The changes made in one turn of the event loop share one SQLite transaction, each change a
// savepoint inside it (so one that fails rolls back alone): committing an SQLCipher transaction
// encrypts and writes every page it touched, and sixteen CreateKeys touch the same few pages.
// The batch commits on the next turn, before anyone's durable() goes on to the fsync, so no
// caller is answered before its change is committed and on disk.
import { join } from 'node:path'
import { LabStoreException } from '../../../../shared/errors'
import { openCipherDb, WAL_AUTOCHECKPOINT, type Db } from '../../../data/cipher-db'
import { deriveKey } from '../../../data/root-key'
import { WalCheckpointer } from '../../../data/wal-checkpointer'
import { WalSync } from '../../../data/wal-sync'
import { Sealer } from '../crypto/seal'

export const LAB_DB_FILE = 'lab.db'
const SCHEMA_VERSION = '1'

export type RecordKind = string

export interface LoadedStore {
  records: Map<RecordKind, Map<string, unknown>>
  secrets: Map<string, Buffer>
  meta: Map<string, string>
}

export class LabStore {
  private readonly db: Db
  private readonly sealer: Sealer
  private readonly walSync: WalSync
  private readonly checkpointer: WalCheckpointer
  private readonly stmt
  private batch?: { done: Promise<void>; settle: (error?: Error) => void }
  /** Called when a batch fails to commit: what memory holds is ahead of the database. */
  onBatchLost?: () => void

  constructor(dir: string, rootKey: Buffer) {
    const file = join(dir, LAB_DB_FILE)
    this.db = openCipherDb(file, deriveKey(rootKey, 'lab.db'), 'lab store')
    this.sealer = new Sealer(deriveKey(rootKey, 'material seal'))
    this.walSync = new WalSync(`${file}-wal`)
    this.migrate()
    this.stmt = {
      put: this.db.prepare('insert or replace into records (kind, id, body) values (?, ?, ?)'),
      remove: this.db.prepare('delete from records where kind = ? and id = ?'),
      putSecret: this.db.prepare('insert or replace into secrets (id, sealed) values (?, ?)'),
      removeSecret: this.db.prepare('delete from secrets where id = ?'),
      removeSecretsUnder: this.db.prepare("delete from secrets where id like ? escape '\\'"),
      setMeta: this.db.prepare('insert or replace into meta (name, value) values (?, ?)')
    }
    this.checkpointer = new WalCheckpointer({
      db: this.db,
      file,
      key: deriveKey(rootKey, 'lab.db'),
      what: 'lab store',
      walSync: this.walSync,
      autocheckpoint: WAL_AUTOCHECKPOINT
    })
  }

  private migrate(): void {
    this.db.exec(`
      create table if not exists meta (name text primary key, value text not null);
      create table if not exists records (
        kind text not null, id text not null, body text not null, primary key (kind, id));
      create table if not exists secrets (id text primary key, sealed blob not null);
    `)
    const row = this.db.prepare("select value from meta where name = 'schema'").get() as
      { value: string } | undefined
    if (!row)
      this.db.prepare("insert into meta (name, value) values ('schema', ?)").run(SCHEMA_VERSION)
    else if (row.value !== SCHEMA_VERSION) {
      throw new LabStoreException(
        `lab store schema ${row.value} is newer than this KeyLab (${SCHEMA_VERSION})`
      )
    }
  }

  load(): LoadedStore {
    const records = new Map<RecordKind, Map<string, unknown>>()
    for (const row of this.db.prepare('select kind, id, body from records').iterate() as Iterable<{
      kind: string
      id: string
      body: string
    }>) {
      let byId = records.get(row.kind)
      if (!byId) records.set(row.kind, (byId = new Map()))
      byId.set(row.id, JSON.parse(row.body))
    }
    const secrets = new Map<string, Buffer>()
    for (const row of this.db.prepare('select id, sealed from secrets').iterate() as Iterable<{
      id: string
      sealed: Buffer
    }>) {
      secrets.set(row.id, this.sealer.open(row.sealed, row.id))
    }
    const meta = new Map<string, string>()
    for (const row of this.db.prepare('select name, value from meta').iterate() as Iterable<{
      name: string
      value: string
    }>) {
      meta.set(row.name, row.value)
    }
    return { records, secrets, meta }
  }

  put(kind: RecordKind, id: string, body: unknown): void {
    this.stmt.put.run(kind, id, JSON.stringify(body))
  }

  remove(kind: RecordKind, id: string): void {
    this.stmt.remove.run(kind, id)
  }

  putSecret(id: string, plain: Uint8Array): void {
    this.stmt.putSecret.run(id, this.sealer.seal(plain, id))
  }

  removeSecret(id: string): void {
    this.stmt.removeSecret.run(id)
  }

  /** Removes every secret whose id starts with `prefix`. */
  removeSecretsUnder(prefix: string): void {
    this.stmt.removeSecretsUnder.run(`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  }

  setMeta(name: string, value: string): void {
    this.stmt.setMeta.run(name, value)
  }

  /**
   * Deletes every record and secret and every meta entry not named in `keep`, in one
   * transaction: the lab is either wiped whole or left as it was.
   */
  wipe(keep: readonly string[]): void {
    this.transaction(() => {
      this.db.prepare('delete from records').run()
      this.db.prepare('delete from secrets').run()
      const names = ['schema', ...keep]
      this.db
        .prepare(`delete from meta where name not in (${names.map(() => '?').join(', ')})`)
        .run(...names)
    })
  }

  /** Runs fn as one unit (a savepoint of the open batch): all of its writes land, or none. */
  transaction<T>(fn: () => T): T {
    this.beginBatch()
    return this.db.transaction(fn)()
  }

  private beginBatch(): void {
    if (this.batch) return
    this.db.exec('begin')
    let settle: (error?: Error) => void = () => {}
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve())
    })
    done.catch(() => {})
    this.batch = { done, settle }
    setImmediate(() => this.commitBatch())
  }

  private commitBatch(): void {
    const batch = this.batch
    if (!batch) return
    this.batch = undefined
    try {
      this.db.exec('commit')
      batch.settle()
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('rollback')
      this.onBatchLost?.()
      batch.settle(new LabStoreException(`the lab store could not commit: ${(e as Error).message}`))
    }
  }

  /** Resolves once every write made so far is committed and on disk (shared fsync). */
  durable(): Promise<void> {
    const batch = this.batch
    return batch ? batch.done.then(() => this.walSync.flush()) : this.walSync.flush()
  }

  async close(): Promise<void> {
    this.commitBatch()
    await this.walSync.close()
    await this.checkpointer.close()
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)')
      this.db.close()
    }
  }
}
