// The audit log's SQLCipher database (audit.db in the data dir, key derived from the root key):
// the records with their hash chain, the signed checkpoints, the log's identity, all refused
// UPDATE and DELETE by triggers; and event_index with index_counts, the derived columns the
// table pages over.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { LabStoreException } from '../../shared/errors'
import { openCipherDb, type Db } from '../data/cipher-db'
import { deriveKey } from '../data/root-key'

export const AUDIT_DB_FILE = 'audit.db'
export const SCHEMA_VERSION = '1'
const APPEND_ONLY = ['events', 'checkpoints', 'meta'] as const

/** The key indexes also hold the columns other filters test, so a key filter combined with an
 * event name, errors only or read-only is answered from the index alone (no table reads). */
const KEY_INDEXES = `
  create index event_index_key1 on event_index (key1, seq, name, ro, err) where key1 is not null;
  create index event_index_key2 on event_index (key2, seq, name, ro, err) where key2 is not null;
`

const TABLES = `
  create table meta (name text primary key, value text not null);
  create table events (
    seq integer primary key,
    prev blob not null,
    hash blob not null,
    body text not null
  );
  create table checkpoints (
    number integer primary key,
    body text not null,
    signature blob not null
  );
  create table event_index (
    seq integer primary key,
    t integer not null,
    name text not null,
    key1 text,
    key2 text,
    label text,
    principal text not null,
    backend text not null,
    err text,
    ro integer not null,
    service integer not null
  );
  create index event_index_name on event_index (name, seq);
  ${KEY_INDEXES}
  create index event_index_err on event_index (seq) where err is not null;
  create index event_index_ro on event_index (ro, seq);
  create index event_index_t on event_index (t, seq);
  create table index_counts (
    kind text not null, value text not null, n integer not null, primary key (kind, value)
  ) without rowid;
`

export function triggerNames(): string[] {
  return APPEND_ONLY.flatMap((t) => [`${t}_no_update`, `${t}_no_delete`])
}

function triggerSql(table: string, action: 'update' | 'delete'): string {
  return `create trigger if not exists ${table}_no_${action} before ${action} on ${table}
    begin select raise(abort, 'the audit log is append-only: ${action} on ${table} refused'); end;`
}

export function auditDbKey(rootKey: Buffer): Buffer {
  return deriveKey(rootKey, 'audit.db')
}

/** Opens audit.db; a missing file is created only when `create` (never by a reader). */
export function openAuditDb(dir: string, rootKey: Buffer, create: boolean): Db {
  const file = join(dir, AUDIT_DB_FILE)
  if (!create && !existsSync(file)) throw new LabStoreException(`there is no audit log in ${dir}`)
  return openCipherDb(file, auditDbKey(rootKey), 'audit log')
}

export function isNewDb(db: Db): boolean {
  return !db.prepare("select 1 from sqlite_master where type = 'table' and name = 'meta'").get()
}

/** A trigger's SQL as SQLite keeps it (no IF NOT EXISTS), in one case and spacing. */
const normalSql = (sql: string): string =>
  sql
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^create trigger if not exists /, 'create trigger ')
    .replace(/;\s*$/, '')
    .trim()

/** The append-only triggers that are missing or not as KeyLab made them (dropped, or made
 * again to do nothing, by someone holding the key). */
export function missingTriggers(db: Db): string[] {
  const present = new Map(
    (
      db.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as {
        name: string
        sql: string | null
      }[]
    ).map((r) => [r.name, normalSql(r.sql ?? '')])
  )
  return APPEND_ONLY.flatMap((t) => (['update', 'delete'] as const).map((a) => [t, a] as const))
    .filter(([t, a]) => present.get(`${t}_no_${a}`) !== normalSql(triggerSql(t, a)))
    .map(([t, a]) => `${t}_no_${a}`)
}

/** Creates the schema of a new log with its identity (meta rows), in one transaction. */
export function createSchema(db: Db, meta: Record<string, string>): void {
  db.transaction(() => {
    db.exec(TABLES)
    const put = db.prepare('insert into meta (name, value) values (?, ?)')
    put.run('schema', SCHEMA_VERSION)
    for (const [name, value] of Object.entries(meta)) put.run(name, value)
    for (const t of APPEND_ONLY) db.exec(triggerSql(t, 'update') + triggerSql(t, 'delete'))
  })()
}

/** Gives a log made before the key indexes covered other filters the indexes it has now
 * (derived data: dropped and built again from event_index, in one transaction). */
export function upgradeIndexes(db: Db): void {
  const sql = db
    .prepare("select sql from sqlite_master where type = 'index' and name = 'event_index_key1'")
    .pluck()
    .get() as string | undefined
  if (sql === undefined || /\bname\b/.test(sql)) return
  db.transaction(() => {
    db.exec('drop index event_index_key1; drop index event_index_key2;')
    db.exec(KEY_INDEXES)
  })()
}

/** Puts back removed triggers (the writer does; verify reports them missing first). */
/** Makes the append-only triggers again, replacing any altered one of the same name. */
export function restoreTriggers(db: Db): void {
  for (const name of missingTriggers(db)) db.exec(`drop trigger if exists ${name}`)
  for (const t of APPEND_ONLY) db.exec(triggerSql(t, 'update') + triggerSql(t, 'delete'))
}

export function readMeta(db: Db): Map<string, string> {
  const rows = db.prepare('select name, value from meta').all() as { name: string; value: string }[]
  const meta = new Map(rows.map((r) => [r.name, r.value]))
  const schema = meta.get('schema')
  if (schema !== SCHEMA_VERSION) {
    throw new LabStoreException(`audit log schema ${schema ?? '(none)'} is not ${SCHEMA_VERSION}`)
  }
  return meta
}
