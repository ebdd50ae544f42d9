// keylab.json: the data dir's manifest. It says how the root key is protected (OS keychain or
// passphrase + scrypt parameters) and holds a check value, so a wrong key is refused before any
// database file is opened.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LabStoreException } from '../../shared/errors'

export const MANIFEST_FILE = 'keylab.json'
export const FORMAT = 1

export interface ScryptParams {
  N: number
  r: number
  p: number
  /** base64 */
  salt: string
}

export interface Manifest {
  format: number
  createdAt: string
  protection: 'passphrase' | 'keychain'
  scrypt?: ScryptParams
  /** base64 of HMAC-SHA256(rootKey, "keylab key check"), first 16 bytes. */
  keyCheck: string
}

export function readManifest(dir: string): Manifest | undefined {
  const file = join(dir, MANIFEST_FILE)
  if (!existsSync(file)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (cause) {
    throw new LabStoreException(`${file} is not a KeyLab manifest (invalid JSON)`, { cause })
  }
  const m = parsed as Partial<Manifest>
  if (m.format !== FORMAT || (m.protection !== 'passphrase' && m.protection !== 'keychain')) {
    throw new LabStoreException(`${file} is not a KeyLab manifest of format ${FORMAT}`)
  }
  if (m.protection === 'passphrase' && !m.scrypt) {
    throw new LabStoreException(`${file} has no scrypt parameters for its passphrase`)
  }
  return m as Manifest
}

/** Written to a temporary file and renamed, so a crash never leaves half a manifest. */
export function writeManifest(dir: string, manifest: Manifest): void {
  const file = join(dir, MANIFEST_FILE)
  const tmp = `${file}.tmp-${process.pid}`
  writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 })
  renameSync(tmp, file)
}
