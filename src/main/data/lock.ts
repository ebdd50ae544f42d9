// One process per data dir: an exclusive lock file holding the owner's pid. A lock left by a
// process that is gone is taken over; a live owner is a clear error.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { LabBusyException } from '../../shared/errors'

export const LOCK_FILE = 'keylab.lock'

export interface DirLock {
  release(): void
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function lockDataDir(dir: string): DirLock {
  const file = join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, `${process.pid}\n`)
      closeSync(fd)
      let released = false
      const release = (): void => {
        if (released) return
        released = true
        process.off('exit', release)
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file)
        } catch {
          // already gone
        }
      }
      process.on('exit', release)
      return { release }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10)
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new LabBusyException(
          `the lab at ${dir} is in use by another KeyLab process (pid ${owner}); stop it or use another data dir`
        )
      }
      if (owner === process.pid) {
        throw new LabBusyException(`the lab at ${dir} is already open in this process`)
      }
      unlinkSync(file)
    }
  }
  throw new LabBusyException(`could not lock the lab at ${dir}`)
}
