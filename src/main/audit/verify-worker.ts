// A verify worker (a worker_threads entry, built as out/main/audit-verify-worker.js): opens
// audit.db query-only with the key it is handed and scans the ranges the main thread sends
// (chain-scan.ts), answering for each whether it is clean. It never names a failure: the main
// thread checks an unclean range itself, record by record.
import { parentPort, workerData } from 'node:worker_threads'
import { openCipherDb } from '../data/cipher-db'
import { useNativeBinding } from '../data/native-binding'
import { ChainScan } from './chain-scan'

export interface VerifyWorkerData {
  file: string
  key: Uint8Array
  /** The native SQLite binding the main thread uses, if not the package's own. */
  binding?: string
  /** The hash record 1 links to. */
  genesis: string
  /** Head hashes signed by checkpoints, by record number. */
  signed: Array<[number, string]>
}

export interface ScanTask {
  from: number
  to: number
}

export interface ScanAnswer extends ScanTask {
  ok: boolean
  /** The hash the range was linked to (the stored hash of record from - 1). */
  prevHash?: string
  lastHash?: string
}

function serve(): void {
  const port = parentPort
  if (!port) throw new Error('verify-worker runs only as a worker thread')
  const data = workerData as VerifyWorkerData
  useNativeBinding(data.binding)
  const db = openCipherDb(data.file, Buffer.from(data.key), 'audit log')
  db.pragma('query_only = ON')
  const chain = new ChainScan(db)
  const signed = new Map(data.signed)
  port.on('message', (task: ScanTask | null) => {
    if (task === null) {
      db.close()
      port.close()
      return
    }
    const prevHash = task.from === 1 ? data.genesis : chain.storedHash(task.from - 1)
    const answer: ScanAnswer =
      prevHash === undefined
        ? { ...task, ok: false }
        : { ...task, prevHash, ...chain.scanRange(task.from, task.to, signed, prevHash) }
    port.postMessage(answer)
  })
}

serve()
