// The Ed25519 key that signs the audit log's checkpoints, kept in its own file
// (audit-signing.key): the public key in clear, the private key sealed with AES-256-GCM under a
// key derived from the root key for this purpose only ("audit signing key"), never stored in
// audit.db.
//
// Threat model. The hash chain makes any change to a record, any removal, insertion or
// reordering visible by itself. What it cannot show alone is a consistent rewrite (every hash
// recomputed) or a cut tail; the signed checkpoints are for those:
// - Someone with the files but no key reads nothing (SQLCipher; the private key is sealed).
// - Someone with audit.db's own key (derived "audit.db", e.g. handed to a SQLCipher tool) can
//   edit the database, drop its triggers, rewrite the chain and delete checkpoints, but cannot
//   sign: a rewritten chain no longer matches the signed checkpoints, a cut tail falls short of
//   the count a checkpoint signed, and deleted checkpoints are still in audit-checkpoint.json.
//   Verify also checks that the sealed private key opens under the root key and matches the
//   public key, so replacing this file with a key of one's own is seen too.
// - What stays possible for that attacker: cutting or forging the records written since the
//   last checkpoint (the unsigned tail: up to 1,000 records plus one batch, and KeyLab also signs
//   every few seconds). The checkpoint signed on close is marked closed: a record added after it
//   fails verify, and KeyLab refuses to open (and so to sign) such a log. So the tail is open to
//   forgery only after a crash, until KeyLab opens the log again. Also possible: rolling the
//   data dir back to any older checkpoint, its mirror file with it (deleting the mirror, or
//   making it again from an older checkpoint's row). Only a copy of a checkpoint kept
//   elsewhere rules that out: `keylab audit verify --witness FILE`.
// - Whoever holds the root key (the passphrase, or the OS keychain in the desktop app) can sign,
//   so KeyLab cannot defend the log against the data dir's owner; the checkpoints exported or
//   noted elsewhere are the witness for that case, as CloudTrail's digest files are for AWS.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify
} from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LabStoreException } from '../../shared/errors'
import { Sealer } from '../backends/local/crypto/seal'
import { deriveKey } from '../data/root-key'

export const SIGNING_KEY_FILE = 'audit-signing.key'
const FORMAT = 1

interface KeyFile {
  format: number
  algorithm: 'Ed25519'
  /** SPKI DER, base64. */
  publicKey: string
  /** PKCS#8 DER sealed under the derived key, bound to the public key; base64. */
  sealedPrivateKey: string
}

export interface SigningKey {
  publicKey: KeyObject
  /** SHA-256 of the SPKI DER, hex (CloudTrail's publicKeyFingerprint). */
  fingerprint: string
  privateKey?: KeyObject
}

const binding = (publicKey: string): string => `keylab audit signing key ${publicKey}`
const sealer = (rootKey: Buffer): Sealer => new Sealer(deriveKey(rootKey, 'audit signing key'))

export function fingerprintOf(spki: Buffer): string {
  return createHash('sha256').update(spki).digest('hex')
}

export function signingKeyExists(dir: string): boolean {
  return existsSync(join(dir, SIGNING_KEY_FILE))
}

export function createSigningKey(dir: string, rootKey: Buffer): SigningKey {
  const file = join(dir, SIGNING_KEY_FILE)
  if (existsSync(file)) throw new LabStoreException(`${file} exists already; it is never replaced`)
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' })
  const pub = spki.toString('base64')
  const content: KeyFile = {
    format: FORMAT,
    algorithm: 'Ed25519',
    publicKey: pub,
    sealedPrivateKey: sealer(rootKey).seal(pkcs8, binding(pub)).toString('base64')
  }
  pkcs8.fill(0)
  const tmp = `${file}.tmp-${process.pid}`
  writeFileSync(tmp, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 })
  renameSync(tmp, file)
  return { publicKey, privateKey, fingerprint: fingerprintOf(spki) }
}

function readKeyFile(dir: string): KeyFile {
  const file = join(dir, SIGNING_KEY_FILE)
  if (!existsSync(file)) throw new LabStoreException(`the audit signing key ${file} is missing`)
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyFile
    if (parsed.format !== FORMAT || parsed.algorithm !== 'Ed25519')
      throw new Error('unknown format')
    return parsed
  } catch (cause) {
    throw new LabStoreException(`${file} is not a KeyLab audit signing key`, { cause })
  }
}

/** The public key alone: enough to check signatures. */
export function readPublicKey(dir: string): SigningKey {
  const content = readKeyFile(dir)
  const spki = Buffer.from(content.publicKey, 'base64')
  return {
    publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }),
    fingerprint: fingerprintOf(spki)
  }
}

/** Both keys; fails clearly when the sealed key does not open under this root key or does not
 * belong to the public key next to it (the file was replaced). */
export function openSigningKey(dir: string, rootKey: Buffer): SigningKey {
  const content = readKeyFile(dir)
  const { publicKey, fingerprint } = readPublicKey(dir)
  let privateKey: KeyObject
  try {
    const pkcs8 = sealer(rootKey).open(
      Buffer.from(content.sealedPrivateKey, 'base64'),
      binding(content.publicKey)
    )
    privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    pkcs8.fill(0)
  } catch (cause) {
    throw new LabStoreException(
      'the audit signing key does not open with this lab key: it was replaced or belongs to another data dir',
      { cause }
    )
  }
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' })
  if (fingerprintOf(derived) !== fingerprint) {
    throw new LabStoreException('the audit signing key file holds a public key that is not its own')
  }
  return { publicKey, fingerprint, privateKey }
}

export function signText(key: SigningKey, text: string): Buffer {
  if (!key.privateKey) throw new LabStoreException('the audit log is open for reading only')
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey)
}

export function verifyText(key: SigningKey, text: string, signature: Buffer): boolean {
  return verify(null, Buffer.from(text, 'utf8'), key.publicKey, signature)
}
