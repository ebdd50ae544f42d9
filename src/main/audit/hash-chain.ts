// The hash chain: each record stores SHA-256(previous record's hash || its canonical JSON, UTF-8)
// next to the previous hash itself. The first record links to the log's genesis value, derived
// from its random id, so one log's records never verify as part of another's.
import { createHash } from 'node:crypto'

export const HASH_BYTES = 32

export function genesis(logId: string): Buffer {
  return createHash('sha256').update(`keylab audit log ${logId}`).digest()
}

export function linkHash(prev: Buffer, body: string): Buffer {
  return createHash('sha256').update(prev).update(body, 'utf8').digest()
}
