// The hash chain: each record's hash is SHA-256 over the previous record's hash (64 lowercase
// hex characters) followed by the record's canonical JSON, as UTF-8; the record stores both.
// The first record links to the log's genesis value, derived from its random id, so one log's
// records never verify as part of another's. Hashes travel as hex strings (cheapest to make,
// compare and concatenate) and are stored as 32-byte blobs.
import { hash } from 'node:crypto'

export function genesis(logId: string): string {
  return hash('sha256', `keylab audit log ${logId}`, 'hex')
}

export function linkHash(prevHex: string, body: string): string {
  return hash('sha256', prevHex + body, 'hex')
}

export const toBlob = (hex: string): Buffer => Buffer.from(hex, 'hex')
