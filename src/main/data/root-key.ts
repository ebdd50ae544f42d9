// The data dir's 256-bit root key, from which the lab store, the material seal and the audit
// log each derive their own key. It comes from a passphrase (scrypt) in headless mode, or is
// random and kept encrypted by the OS keychain (Electron safeStorage) in the desktop app.
import { createHmac, hkdfSync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LabStoreException } from '../../shared/errors'
import type { Manifest, ScryptParams } from './manifest'

export const KEYCHAIN_FILE = 'root-key.keychain'

/** What platform/safe-storage provides; plain Node code only sees this interface. */
export interface KeychainCipher {
  isAvailable(): boolean
  encrypt(plain: Buffer): Buffer
  decrypt(sealed: Buffer): Buffer
}

export type Unlock = { passphrase: string } | { keychain: KeychainCipher }

export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 }

export function scryptKey(passphrase: string, params: ScryptParams): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024
  })
}

export function keyCheck(rootKey: Buffer): string {
  return createHmac('sha256', rootKey)
    .update('keylab key check')
    .digest()
    .subarray(0, 16)
    .toString('base64')
}

export function verifyKeyCheck(rootKey: Buffer, manifest: Manifest): boolean {
  const expected = Buffer.from(manifest.keyCheck, 'base64')
  const actual = Buffer.from(keyCheck(rootKey), 'base64')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** A purpose-bound 256-bit key derived from the root key (HKDF-SHA256). */
export function deriveKey(rootKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rootKey, Buffer.alloc(0), `keylab ${purpose}`, 32))
}

export function newScryptParams(cost = DEFAULT_SCRYPT): ScryptParams {
  return { ...cost, salt: randomBytes(16).toString('base64') }
}

/** Creates the root key of a new data dir; returns it with the manifest fields that pin it. */
export function createRootKey(
  dir: string,
  unlock: Unlock,
  scryptCost = DEFAULT_SCRYPT
): { rootKey: Buffer; manifest: Omit<Manifest, 'createdAt' | 'format'> } {
  if ('passphrase' in unlock) {
    if (!unlock.passphrase) throw new LabStoreException('a passphrase is required to create a lab')
    const scrypt = newScryptParams(scryptCost)
    const rootKey = scryptKey(unlock.passphrase, scrypt)
    return { rootKey, manifest: { protection: 'passphrase', scrypt, keyCheck: keyCheck(rootKey) } }
  }
  if (!unlock.keychain.isAvailable()) {
    throw new LabStoreException('the OS keychain is not available to protect the lab key')
  }
  const rootKey = randomBytes(32)
  writeFileSync(join(dir, KEYCHAIN_FILE), unlock.keychain.encrypt(rootKey), { mode: 0o600 })
  return { rootKey, manifest: { protection: 'keychain', keyCheck: keyCheck(rootKey) } }
}

/** Recovers the root key of an existing data dir, or says clearly why it cannot. */
export function recoverRootKey(dir: string, manifest: Manifest, unlock: Unlock): Buffer {
  let rootKey: Buffer
  if (manifest.protection === 'passphrase') {
    if (!('passphrase' in unlock)) {
      throw new LabStoreException(
        `the lab at ${dir} is protected by a passphrase; set KEYLAB_PASSPHRASE or enter it`
      )
    }
    rootKey = scryptKey(unlock.passphrase, manifest.scrypt as ScryptParams)
  } else {
    if (!('keychain' in unlock)) {
      throw new LabStoreException(`the lab at ${dir} is protected by the desktop app's OS keychain`)
    }
    const file = join(dir, KEYCHAIN_FILE)
    if (!existsSync(file)) throw new LabStoreException(`${file} is missing`)
    try {
      rootKey = unlock.keychain.decrypt(readFileSync(file))
    } catch (cause) {
      throw new LabStoreException('the OS keychain could not decrypt the lab key', { cause })
    }
  }
  if (!verifyKeyCheck(rootKey, manifest)) {
    throw new LabStoreException(
      'the lab store could not be opened: wrong key or not a KeyLab store'
    )
  }
  return rootKey
}
