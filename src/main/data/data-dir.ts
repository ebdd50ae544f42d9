// Opens a KeyLab data dir (the same layout for the desktop app and `keylab serve`): creates it
// when new, locks it, and recovers its root key.
import { mkdirSync } from 'node:fs'
import { FORMAT, readManifest, writeManifest, type Manifest } from './manifest'
import { lockDataDir, type DirLock } from './lock'
import { createRootKey, recoverRootKey, DEFAULT_SCRYPT, type Unlock } from './root-key'

export interface OpenedDataDir {
  dir: string
  rootKey: Buffer
  manifest: Manifest
  lock: DirLock
  created: boolean
}

export interface OpenDataDirOptions {
  /** scrypt cost for a new passphrase-protected dir (tests use a cheaper one). */
  scryptCost?: { N: number; r: number; p: number }
}

export function openDataDir(
  dir: string,
  unlock: Unlock,
  options: OpenDataDirOptions = {}
): OpenedDataDir {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const lock = lockDataDir(dir)
  try {
    const existing = readManifest(dir)
    if (existing) {
      return {
        dir,
        rootKey: recoverRootKey(dir, existing, unlock),
        manifest: existing,
        lock,
        created: false
      }
    }
    const { rootKey, manifest: fields } = createRootKey(
      dir,
      unlock,
      options.scryptCost ?? DEFAULT_SCRYPT
    )
    const manifest: Manifest = { format: FORMAT, createdAt: new Date().toISOString(), ...fields }
    writeManifest(dir, manifest)
    return { dir, rootKey, manifest, lock, created: true }
  } catch (e) {
    lock.release()
    throw e
  }
}
