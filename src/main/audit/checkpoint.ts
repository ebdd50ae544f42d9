// Signed checkpoints, modelled on CloudTrail's digest files: every N records, every few seconds
// of activity and on close, the log signs its head (record count and hash), the time, and the
// previous checkpoint's digest. Each is stored in audit.db and the latest is mirrored to
// audit-checkpoint.json, so removing checkpoints from the database is seen too. Threat model:
// signing-key.ts.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { CheckpointInfo } from '../../shared/ipc/audit-api'
import { canonicalJson } from './canonical-json'
import { signText, verifyText, type SigningKey } from './signing-key'

export const CHECKPOINT_FILE = 'audit-checkpoint.json'
export const CHECKPOINT_FORMAT = 'keylab-audit-checkpoint/1'

export interface CheckpointStatement {
  format: typeof CHECKPOINT_FORMAT
  logId: string
  number: number
  /** Records covered: 1..records. */
  records: number
  /** Hash of record `records`, hex. */
  headHash: string
  signedAt: string
  /** checkpointDigest() of checkpoint number - 1; null for the first. */
  previousCheckpoint: string | null
  publicKeyFingerprint: string
  /** Signed as KeyLab closed the log: no record may follow it unless KeyLab opened it again. */
  closed?: true
}

export interface Checkpoint {
  statement: CheckpointStatement
  /** The canonical JSON that was signed. */
  body: string
  signature: Buffer
}

export function checkpointDigest(cp: Checkpoint): string {
  return createHash('sha256').update(cp.body).update(cp.signature).digest('hex')
}

export function makeCheckpoint(
  key: SigningKey,
  logId: string,
  previous: Checkpoint | undefined,
  records: number,
  headHash: string,
  now: number,
  closed = false
): Checkpoint {
  const statement: CheckpointStatement = {
    format: CHECKPOINT_FORMAT,
    logId,
    number: (previous?.statement.number ?? 0) + 1,
    records,
    headHash,
    signedAt: new Date(now).toISOString(),
    previousCheckpoint: previous ? checkpointDigest(previous) : null,
    publicKeyFingerprint: key.fingerprint,
    ...(closed ? { closed: true as const } : {})
  }
  const body = canonicalJson(statement)
  return { statement, body, signature: signText(key, body) }
}

export function parseCheckpoint(body: string, signature: Buffer): Checkpoint {
  return { statement: JSON.parse(body) as CheckpointStatement, body, signature }
}

export function signatureValid(key: SigningKey, cp: Checkpoint): boolean {
  try {
    return verifyText(key, cp.body, cp.signature)
  } catch {
    return false
  }
}

export function checkpointInfo(cp: Checkpoint): CheckpointInfo {
  const { number, records, headHash, signedAt } = cp.statement
  return { number, records, headHash, signedAt }
}

/** Writes the mirror: a temporary file, synced, then renamed over the previous one. */
export async function writeMirror(dir: string, cp: Checkpoint): Promise<void> {
  const file = join(dir, CHECKPOINT_FILE)
  const tmp = `${file}.tmp-${process.pid}`
  const text = JSON.stringify(
    { checkpoint: cp.statement, signature: cp.signature.toString('base64') },
    null,
    2
  )
  const handle = await open(tmp, 'w', 0o600)
  try {
    await handle.writeFile(`${text}\n`)
    await handle.datasync()
  } finally {
    await handle.close()
  }
  await rename(tmp, file)
}

export type Mirror =
  | { state: 'missing' }
  | { state: 'invalid'; reason: string }
  | { state: 'ok'; checkpoint: Checkpoint }

export function readMirror(dir: string): Mirror {
  return readCheckpointFile(join(dir, CHECKPOINT_FILE))
}

/** A checkpoint file: the mirror, or a copy of it kept elsewhere (a witness, see verifier.ts). */
export function readCheckpointFile(file: string): Mirror {
  if (!existsSync(file)) return { state: 'missing' }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      checkpoint: CheckpointStatement
      signature: string
    }
    if (parsed.checkpoint?.format !== CHECKPOINT_FORMAT || typeof parsed.signature !== 'string') {
      return { state: 'invalid', reason: `${basename(file)} is not a KeyLab checkpoint` }
    }
    const body = canonicalJson(parsed.checkpoint)
    return {
      state: 'ok',
      checkpoint: {
        statement: parsed.checkpoint,
        body,
        signature: Buffer.from(parsed.signature, 'base64')
      }
    }
  } catch (e) {
    return {
      state: 'invalid',
      reason: `${basename(file)} cannot be read: ${(e as Error).message}`
    }
  }
}
