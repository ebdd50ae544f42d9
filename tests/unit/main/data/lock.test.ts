import { spawn } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lockDataDir, LOCK_FILE } from '../../../../src/main/data/lock'
import { tempDir } from '../../../helpers/lab'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('data dir lock', () => {
  it('refuses a dir locked by another live process and names its pid', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'])
    try {
      writeFileSync(join(dir, LOCK_FILE), `${other.pid}\n`)
      expect(() => lockDataDir(dir)).toThrow(`in use by another KeyLab process (pid ${other.pid})`)
    } finally {
      other.kill()
    }
  })

  it('takes over a lock left by a process that is gone, and releases it', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const gone = spawn(process.execPath, ['-e', '0'])
    await new Promise((r) => gone.on('exit', r))
    writeFileSync(join(dir, LOCK_FILE), `${gone.pid}\n`)
    const lock = lockDataDir(dir)
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true)
    lock.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })
})
