// The audit log opened for reading only (keylab audit verify/export): no lock is taken, so it
// works while KeyLab runs, and the connection is query-only, so it never writes to the log.
import { LabStoreException } from '../../shared/errors'
import type { Db } from '../data/cipher-db'
import { readManifest } from '../data/manifest'
import { recoverRootKey, type Unlock } from '../data/root-key'
import { openAuditDb } from './audit-db'

export interface AuditReader {
  dir: string
  rootKey: Buffer
  db: Db
  close(): void
}

export function openAuditReader(dir: string, unlock: Unlock): AuditReader {
  const manifest = readManifest(dir)
  if (!manifest) throw new LabStoreException(`${dir} is not a KeyLab data dir (no keylab.json)`)
  const rootKey = recoverRootKey(dir, manifest, unlock)
  const db = openAuditDb(dir, rootKey, false)
  db.pragma('query_only = ON')
  return { dir, rootKey, db, close: () => db.close() }
}
