// WAL checkpoints off the event loop. SQLite's own (wal_autocheckpoint) run inside a commit on
// the writer's thread: a copy of every page written since the last one into the database file
// and two fsyncs, hundreds of milliseconds for a large WAL, during which nothing else is served.
// With the built worker (checkpoint-worker.ts) at hand, the writer's connection stops checking
// itself and the worker copies the frames, once a second while commits are being made. The
// frames committed during that copy are finished here (a few, so quickly), which lets SQLite
// start the WAL over at the next commit; a WAL the worker cannot keep up with is checkpointed
// here whole, as before. Without the worker (tests under vitest) nothing changes.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Db } from './cipher-db'
import type { CheckpointAnswer, CheckpointWorkerData } from './checkpoint-worker'
import { nativeBinding } from './native-binding'
import type { WalSync } from './wal-sync'

export const CHECKPOINT_WORKER_FILE = 'wal-checkpoint-worker'
const EVERY_MS = 1000
/** Frames left after the worker's copy that are finished on this thread. */
const FINISH_HERE = 2000
/** A WAL this large is checkpointed on this thread, whatever the worker is doing. */
const MAX_WAL_BYTES = 256 * 1024 * 1024

export interface WalCheckpointerOptions {
  db: Db
  /** The database file and its key, for the worker's own connection. */
  file: string
  key: Buffer
  what: string
  /** Tells whether commits were made since the last checkpoint (its sync count). */
  walSync: WalSync
  /** The writer's wal_autocheckpoint, put back if the worker stops. */
  autocheckpoint: number
  /** The built worker; by default found next to the running bundle. null: no worker. */
  workerFile?: string | null
  everyMs?: number
}

/** The built worker next to this bundle (out/main, out/main/chunks, or out/bench). */
export function defaultCheckpointWorker(): string | undefined {
  const names = [`${CHECKPOINT_WORKER_FILE}.js`, `${CHECKPOINT_WORKER_FILE}.cjs`]
  return [__dirname, join(__dirname, '..')]
    .flatMap((dir) => names.map((n) => join(dir, n)))
    .find((f) => existsSync(f))
}

export class WalCheckpointer {
  private worker?: Worker
  private running?: Promise<void>
  private answered?: () => void
  private seen = -1
  private timer?: NodeJS.Timeout
  /** Checkpoints the worker made (for tests and benchmarks). */
  checkpoints = 0

  constructor(private readonly options: WalCheckpointerOptions) {
    const file = options.workerFile === undefined ? defaultCheckpointWorker() : options.workerFile
    if (!file) return
    const data: CheckpointWorkerData = {
      file: options.file,
      key: new Uint8Array(options.key),
      what: options.what,
      binding: nativeBinding()
    }
    this.worker = new Worker(file, { workerData: data })
    this.worker.unref()
    this.worker.on('message', (answer: CheckpointAnswer) => this.finish(answer))
    this.worker.on('error', (e) => this.stop(e))
    this.worker.on('exit', () => this.stop())
    options.db.pragma('wal_autocheckpoint=0')
    this.timer = setInterval(() => this.tick(), options.everyMs ?? EVERY_MS)
    this.timer.unref()
  }

  /** Whether checkpoints run in the worker (false: SQLite's own, on this thread). */
  get offThread(): boolean {
    return this.worker !== undefined
  }

  /** Asks the worker for a checkpoint if commits were made since the last one. */
  tick(): Promise<void> {
    if (this.running) return this.running
    const { db, walSync } = this.options
    if (!this.worker || !db.open || walSync.syncs === this.seen) return Promise.resolve()
    this.seen = walSync.syncs
    if (this.walBytes() > MAX_WAL_BYTES) {
      this.checkpointHere()
      return Promise.resolve()
    }
    this.running = new Promise((resolve) => (this.answered = resolve))
    this.worker.postMessage('checkpoint')
    return this.running
  }

  private walBytes(): number {
    try {
      return statSync(`${this.options.file}-wal`).size
    } catch {
      return 0
    }
  }

  private finish(answer: CheckpointAnswer): void {
    const { db } = this.options
    if (answer.error) console.error(`${this.options.what}: checkpoint failed: ${answer.error}`)
    else {
      this.checkpoints++
      if (db.open && answer.log - answer.checkpointed <= FINISH_HERE) this.checkpointHere()
    }
    this.settle()
  }

  /** A checkpoint on the writer's connection. One is refused while that connection has a
   * statement under way (an open iterator, SQLITE_LOCKED): it is only put off then. */
  private checkpointHere(): void {
    try {
      this.options.db.pragma('wal_checkpoint(PASSIVE)')
    } catch (e) {
      const { code, message } = e as { code?: string; message: string }
      const putOff =
        code === 'SQLITE_LOCKED' || code === 'SQLITE_BUSY' || message.includes('is busy')
      if (!putOff) {
        console.error(`${this.options.what}: checkpoint failed:`, e)
      }
    }
  }

  private settle(): void {
    const done = this.answered
    this.running = undefined
    this.answered = undefined
    done?.()
  }

  /** The worker is gone (an error, or close): SQLite checkpoints on this thread again. */
  private stop(error?: Error): void {
    if (!this.worker) return
    if (error) console.error(`${this.options.what}: checkpoint worker stopped:`, error)
    this.worker = undefined
    if (this.timer) clearInterval(this.timer)
    this.restoreAutocheckpoint()
    this.settle()
  }

  /** SQLite's own checkpoints again (tried again next turn while a statement is under way). */
  private restoreAutocheckpoint(): void {
    const { db, autocheckpoint } = this.options
    if (!db.open) return
    try {
      db.pragma(`wal_autocheckpoint=${autocheckpoint}`)
    } catch {
      setImmediate(() => this.restoreAutocheckpoint())
    }
  }

  /** Waits for a checkpoint under way and ends the worker (before the database is closed). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    // The worker is unref'd so it never keeps a process alive; while closing it must, or a
    // process with nothing else to do would end in the middle of this close.
    this.worker?.ref()
    await this.running
    const worker = this.worker
    if (!worker) return
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    worker.postMessage(null)
    await exited
  }
}
