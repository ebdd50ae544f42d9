// A WAL checkpoint worker (a worker_threads entry, built as out/main/wal-checkpoint-worker.js):
// opens the database with the key it is handed and, each time it is asked, copies the WAL's
// frames into the database file (PRAGMA wal_checkpoint(PASSIVE): never blocks the writer) and
// syncs it, so that copy and its fsyncs are off the event loop (wal-checkpointer.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { openCipherDb, type Db } from './cipher-db'
import { useNativeBinding } from './native-binding'

export interface CheckpointWorkerData {
  file: string
  key: Uint8Array
  what: string
  /** The native SQLite binding the main thread uses, if not the package's own. */
  binding?: string
}

export interface CheckpointAnswer {
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number
  checkpointed: number
  error?: string
}

function serve(): void {
  const port = parentPort
  if (!port) throw new Error('checkpoint-worker runs only as a worker thread')
  const data = workerData as CheckpointWorkerData
  useNativeBinding(data.binding)
  // Opened at the first checkpoint: until then the worker touches no file of the data dir.
  let db: Db | undefined
  port.on('message', (task: 'checkpoint' | null) => {
    if (task === null) {
      db?.close()
      port.close()
      return
    }
    let answer: CheckpointAnswer
    try {
      db ??= openCipherDb(data.file, Buffer.from(data.key), data.what)
      const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{
        log: number
        checkpointed: number
      }>
      answer = { log: row.log, checkpointed: row.checkpointed }
    } catch (e) {
      answer = { log: -1, checkpointed: -1, error: (e as Error).message }
    }
    port.postMessage(answer)
  })
}

serve()
