// Opens an SQLCipher (v4 format) database with a raw 256-bit key, probes it before anything is
// written, then switches to WAL. A wrong key leaves the file's bytes untouched.
import Database from 'better-sqlite3-multiple-ciphers'
import { closeSync, existsSync, openSync } from 'node:fs'
import { LabStoreException } from '../../shared/errors'
import { nativeBinding } from './native-binding'

export type Db = Database.Database

/** Pages in the WAL past which SQLite checkpoints on the writer's thread (see below). */
export const WAL_AUTOCHECKPOINT = 4000

export function openCipherDb(file: string, key: Buffer, what: string): Db {
  if (key.length !== 32) throw new LabStoreException(`${what} key must be 256 bits`)
  const binding = nativeBinding()
  let db: Db
  try {
    // SQLite gives -wal and -shm the main file's mode: create it owner-only first.
    if (!existsSync(file)) closeSync(openSync(file, 'wx', 0o600))
    db = new Database(file, binding ? { nativeBinding: binding } : {})
  } catch (cause) {
    throw new LabStoreException(`the ${what} could not be opened: ${(cause as Error).message}`, {
      cause
    })
  }
  try {
    db.pragma(`cipher='sqlcipher'`)
    db.pragma('legacy=4')
    db.pragma(`key="x'${key.toString('hex')}'"`)
    db.prepare('select count(*) from sqlite_master').get()
  } catch (cause) {
    db.close()
    throw new LabStoreException(
      `the ${what} could not be opened: wrong key or not a KeyLab store`,
      { cause }
    )
  }
  db.pragma('journal_mode=WAL')
  // Commits reach the OS at once; WalSync makes them durable on disk, one fsync per group.
  db.pragma('synchronous=NORMAL')
  // Checkpoint every 4000 WAL pages (16 MB) rather than SQLite's 1000: a page rewritten by many
  // commits (the key counter, the last leaf of a table) is copied to the database once per
  // checkpoint, and each checkpoint's two fsyncs block the event loop, so fewer is cheaper.
  db.pragma(`wal_autocheckpoint=${WAL_AUTOCHECKPOINT}`)
  db.pragma('foreign_keys=ON')
  return db
}
