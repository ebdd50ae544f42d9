// Opening and closing a lab: data dir (lock + root key), encrypted store, engine.
import { openDataDir, type OpenDataDirOptions } from '../../data/data-dir'
import type { Unlock } from '../../data/root-key'
import { LabEngine, type EngineOptions } from './engine'
import { LabStore } from './store/lab-store'

export interface LabOptions extends EngineOptions, OpenDataDirOptions {
  dataDir: string
  unlock: Unlock
}

export interface Lab {
  dataDir: string
  engine: LabEngine
  /** Root key of the data dir, for the other encrypted files kept there (audit log). */
  rootKey: Buffer
  close(): Promise<void>
}

export function openLab(options: LabOptions): Lab {
  const dir = openDataDir(options.dataDir, options.unlock, options)
  let store: LabStore | undefined
  try {
    store = new LabStore(dir.dir, dir.rootKey)
    const engine = new LabEngine(store, options)
    let closed = false
    return {
      dataDir: dir.dir,
      engine,
      rootKey: dir.rootKey,
      async close() {
        if (closed) return
        closed = true
        try {
          await engine.close()
        } finally {
          dir.lock.release()
        }
      }
    }
  } catch (e) {
    void store?.close()
    dir.lock.release()
    throw e
  }
}
