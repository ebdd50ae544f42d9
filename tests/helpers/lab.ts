// Test labs: a fresh data dir under the OS temp dir, a cheap scrypt cost, and cleanup.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLab, type Lab, type LabOptions } from '../../src/main/backends/local/lab'

export const TEST_PASSPHRASE = 'correct horse battery staple'
export const CHEAP_SCRYPT = { N: 1024, r: 8, p: 1 }

export function tempDir(prefix = 'keylab-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function openTestLab(dataDir: string, options: Partial<LabOptions> = {}): Lab {
  return openLab({
    dataDir,
    unlock: { passphrase: TEST_PASSPHRASE },
    scryptCost: CHEAP_SCRYPT,
    ...options
  })
}

/** A lab in a new temp dir; `cleanup` closes it and removes the dir. */
export function withTempLab(options: Partial<LabOptions> = {}): {
  lab: Lab
  dir: string
  cleanup: () => Promise<void>
} {
  const dir = tempDir()
  const lab = openTestLab(dir, options)
  return {
    lab,
    dir,
    cleanup: async () => {
      await lab.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
