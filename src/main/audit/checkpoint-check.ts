// The checkpoint half of verification: the signing key is this log's own (sealed under the
// root key, matching the fingerprint the log was created with), every checkpoint in the
// database is signed, numbered in order and linked to the one before, and the mirror file
// agrees with them (or holds one the database lost). The mirror lives in the data dir, so
// whoever holds the database key can roll both back to an older checkpoint together; copies
// of the checkpoint file kept elsewhere (witnesses) are what catch that: each must be signed by
// this log's key and found, unchanged, in the database.
import type { VerifyFailure } from '../../shared/ipc/audit-api'
import type { Db } from '../data/cipher-db'
import { basename } from 'node:path'
import {
  checkpointDigest,
  parseCheckpoint,
  readCheckpointFile,
  readMirror,
  signatureValid,
  type Checkpoint
} from './checkpoint'
import { openSigningKey, readPublicKey, type SigningKey } from './signing-key'

export interface CheckpointSource {
  db: Db
  dir: string
  rootKey?: Buffer
  signingKey?: SigningKey
  /** Checkpoint files kept apart from the data dir (earlier copies of the mirror). */
  witnesses?: string[]
}

export interface CheckpointFindings {
  problems: VerifyFailure[]
  notes: string[]
  /** Checkpoints by the record they sign (records 1..total only). */
  bySeq: Map<number, Checkpoint>
  /** The newest checkpoint known, from the database or the mirror file. */
  latest?: Checkpoint
  count: number
}

export function checkCheckpoints(
  source: CheckpointSource,
  meta: Map<string, string>,
  total: number
): CheckpointFindings {
  const problems: VerifyFailure[] = []
  const notes: string[] = []
  const bySeq = new Map<number, Checkpoint>()
  let latest: Checkpoint | undefined
  const { db, dir, rootKey, signingKey } = source
  const logId = meta.get('logId') ?? ''
  const fail = (reason: string, seq?: number, checkpoint?: number): void => {
    problems.push({
      reason,
      ...(seq !== undefined ? { seq } : {}),
      ...(checkpoint ? { checkpoint } : {})
    })
  }

  let key: SigningKey | undefined
  try {
    key = signingKey ?? (rootKey ? openSigningKey(dir, rootKey) : readPublicKey(dir))
    if (!rootKey && !signingKey)
      notes.push('the sealed signing key was not checked (no lab key given)')
    if (key.fingerprint !== meta.get('publicKeyFingerprint')) {
      fail('the audit signing key is not the one this log was created with')
      key = undefined
    }
  } catch (e) {
    fail(`${(e as Error).message}; checkpoint signatures cannot be checked`)
  }

  const rows = db
    .prepare('select number, body, signature from checkpoints order by number')
    .all() as {
    number: number
    body: string
    signature: Buffer
  }[]
  let previous: Checkpoint | undefined
  /** The readable checkpoints by number (what witnesses are looked up in). */
  const stored = new Map<number, Checkpoint>()
  for (const row of rows) {
    const cp = readable(row)
    if (!cp) {
      fail(
        `checkpoint #${row.number} cannot be read: it is not a KeyLab checkpoint`,
        undefined,
        row.number
      )
      continue
    }
    stored.set(row.number, cp)
    checkCheckpoint(cp, row.number, previous)
    previous = cp
  }
  latest = previous
  checkMirror(previous)
  for (const file of source.witnesses ?? []) checkWitness(file, stored)
  return { problems, notes, bySeq, latest, count: rows.length }

  /** A checkpoint kept elsewhere must be this log's, signed, and in the database unchanged. */
  function checkWitness(file: string, stored: Map<number, Checkpoint>): void {
    const name = basename(file)
    const read = readCheckpointFile(file)
    if (read.state === 'missing') return void fail(`the witness ${file} does not exist`)
    if (read.state === 'invalid') return void fail(`the witness ${file}: ${read.reason}`)
    const cp = read.checkpoint
    const { number: n, records, signedAt } = cp.statement
    if (cp.statement.logId !== logId)
      return void fail(`the witness ${name} is a checkpoint of another audit log`)
    if (key && !signatureValid(key, cp))
      return void fail(`the witness ${name} is not signed by this log's key`)
    const here = stored.get(n)
    if (!here) {
      fail(
        `checkpoint #${n} (the witness ${name}, signed ${signedAt}, covering ${records} records) is ` +
          `missing from the database: the log was rolled back, or its checkpoints removed`,
        undefined,
        n
      )
      if (!latest || n > latest.statement.number) latest = cp
      if (records <= total) bySeq.set(records, cp)
    } else if (here.body !== cp.body || !here.signature.equals(cp.signature)) {
      fail(
        `checkpoint #${n} in the database is not the one the witness ${name} holds: the log was rewritten`,
        undefined,
        n
      )
    } else {
      notes.push(`matches the witness ${name}: checkpoint #${n}, ${records} records`)
    }
  }

  /** The row as a checkpoint, or undefined when it is not one (a changed body or signature). */
  function readable(row: { body: unknown; signature: unknown }): Checkpoint | undefined {
    if (typeof row.body !== 'string' || !Buffer.isBuffer(row.signature)) return undefined
    try {
      const cp = parseCheckpoint(row.body, row.signature)
      const s = cp.statement as Partial<Checkpoint['statement']> | null
      const ok =
        s !== null &&
        typeof s === 'object' &&
        Number.isInteger(s.number) &&
        Number.isInteger(s.records) &&
        typeof s.headHash === 'string' &&
        typeof s.signedAt === 'string'
      return ok ? cp : undefined
    } catch {
      return undefined
    }
  }

  function checkCheckpoint(cp: Checkpoint, number: number, previous: Checkpoint | undefined): void {
    const s = cp.statement
    const expected = (previous?.statement.number ?? 0) + 1
    if (number !== expected)
      fail(`checkpoint #${expected} is missing from the database`, undefined, expected)
    if (s.number !== number || s.logId !== logId) {
      fail(`checkpoint #${number} does not belong to this log`, s.records, number)
    } else if (key && !signatureValid(key, cp)) {
      fail(
        `checkpoint #${number} has an invalid signature: it was not signed by this log's key`,
        s.records,
        number
      )
    } else if (s.previousCheckpoint !== (previous ? checkpointDigest(previous) : null)) {
      fail(`checkpoint #${number} does not follow checkpoint #${number - 1}`, s.records, number)
    }
    if (s.records <= total) bySeq.set(s.records, cp)
  }

  function checkMirror(dbLatest: Checkpoint | undefined): void {
    const mirror = readMirror(dir)
    if (mirror.state === 'invalid') return void fail(mirror.reason)
    if (mirror.state === 'missing') {
      if (dbLatest)
        notes.push('audit-checkpoint.json is missing; KeyLab writes it again when it opens the log')
      return
    }
    const cp = mirror.checkpoint
    const n = cp.statement.number
    const latestNumber = dbLatest?.statement.number ?? 0
    if (cp.statement.logId !== logId)
      return void fail('audit-checkpoint.json belongs to another audit log: audit.db was replaced')
    if (key && !signatureValid(key, cp))
      return void fail("audit-checkpoint.json is not signed by this log's key")
    if (n > latestNumber) {
      fail(
        `checkpoint #${n} (audit-checkpoint.json, signed ${cp.statement.signedAt}, covering ${cp.statement.records} ` +
          `records) is missing from the database: checkpoints were removed`,
        undefined,
        n
      )
      latest = cp
      if (cp.statement.records <= total) bySeq.set(cp.statement.records, cp)
    } else if (n < latestNumber) {
      notes.push(
        `audit-checkpoint.json holds checkpoint #${n}; the database goes on to #${latestNumber}`
      )
    } else if (
      dbLatest &&
      (cp.body !== dbLatest.body || !cp.signature.equals(dbLatest.signature))
    ) {
      fail(`audit-checkpoint.json does not match checkpoint #${n} in the database`, undefined, n)
    }
  }
}
