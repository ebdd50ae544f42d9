// Runs a verification to its end without holding the event loop: ranges of records are scanned
// in worker threads (verify-worker.ts, one per core, at most four) and taken in order; a range
// that does not scan clean is checked here, record by record, which names the first failure.
// Without the built worker file (tests under vitest, a single core) everything is checked here,
// in slices, yielding to the event loop between them.
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { VerifyReport } from '../../shared/ipc/audit-api'
import { nativeBinding } from '../data/native-binding'
import type { Verifier } from './verifier'
import type { ScanAnswer, ScanTask, VerifyWorkerData } from './verify-worker'

export const VERIFY_WORKER_FILE = 'audit-verify-worker.js'
const MAX_WORKERS = 4
/** Records per worker task, and per in-thread slice. */
const CHUNK = 20_000
const SLICE = 5_000

export interface VerifyRunOptions {
  /** audit.db and its key, for the workers' own connections. */
  file: string
  key: Buffer
  /** The built worker; by default found next to the running bundle. null: no workers. */
  workerFile?: string | null
  workers?: number
  /** Records per worker task (tests use small ones). */
  chunk?: number
  onProgress?: (checked: number) => void
  /** Told of each range a worker scanned clean and the verifier took. */
  onWorkerRange?: (from: number, to: number) => void
}

/** The built worker next to this bundle (out/main, or out/main/chunks when code is split). */
export function defaultVerifyWorker(): string | undefined {
  return [join(__dirname, VERIFY_WORKER_FILE), join(__dirname, '..', VERIFY_WORKER_FILE)].find(
    (f) => existsSync(f)
  )
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Checks in slices on this thread until the verifier is past `upTo` (or has failed). */
async function checkHere(verifier: Verifier, upTo: number, progress: () => void): Promise<void> {
  // Never past upTo: the workers' answers that follow begin at upTo + 1.
  while (
    !verifier.failed &&
    verifier.next <= upTo &&
    !verifier.step(Math.min(SLICE, upTo - verifier.next + 1))
  ) {
    progress()
    await turn()
  }
  progress()
}

export async function runVerifier(
  verifier: Verifier,
  options: VerifyRunOptions
): Promise<VerifyReport> {
  const progress = (): void => options.onProgress?.(verifier.checked)
  const file = options.workerFile === undefined ? defaultVerifyWorker() : options.workerFile
  const chunk = options.chunk ?? CHUNK
  const count = Math.min(
    options.workers ?? Math.min(MAX_WORKERS, availableParallelism()),
    Math.ceil((verifier.total - verifier.next + 1) / chunk)
  )
  if (file && count > 1) await checkInWorkers(verifier, options, file, count, chunk, progress)
  await checkHere(verifier, verifier.total, progress)
  return verifier.report()
}

/**
 * Hands ranges to `count` workers (a few ahead of the verifier, no further) and takes their
 * answers in order. Resolves when every range is taken, the verifier has failed, or a worker
 * broke down (the caller then checks the rest here).
 */
function checkInWorkers(
  verifier: Verifier,
  options: VerifyRunOptions,
  file: string,
  count: number,
  chunk: number,
  progress: () => void
): Promise<void> {
  const data: VerifyWorkerData = {
    file: options.file,
    key: new Uint8Array(options.key),
    binding: nativeBinding(),
    genesis: verifier.genesisHash,
    signed: [...verifier.signedHashes()]
  }
  const total = verifier.total
  const ahead = chunk * count * 2
  const answers = new Map<number, ScanAnswer>()
  const idle: Worker[] = []
  const workers: Worker[] = []
  let nextFrom = verifier.next
  let stopped = false
  let taking: Promise<void> | undefined

  return new Promise<void>((resolve) => {
    const stop = (broken: boolean): void => {
      if (stopped) return
      stopped = true
      for (const w of workers) {
        if (broken) void w.terminate()
        else w.postMessage(null)
      }
      void (taking ?? Promise.resolve()).then(() => resolve())
    }
    const dispatch = (): void => {
      while (!stopped && idle.length && nextFrom <= total && nextFrom < verifier.next + ahead) {
        const task: ScanTask = { from: nextFrom, to: Math.min(total, nextFrom + chunk - 1) }
        nextFrom = task.to + 1
        ;(idle.pop() as Worker).postMessage(task)
      }
    }
    /** Takes the answers that follow on from the verifier, in order, one taker at a time. */
    const take = async (): Promise<void> => {
      for (let a = answers.get(verifier.next); a && !stopped; a = answers.get(verifier.next)) {
        answers.delete(a.from)
        if (a.ok && a.prevHash && a.lastHash && verifier.accept(a.to, a.prevHash, a.lastHash))
          options.onWorkerRange?.(a.from, a.to)
        else await checkHere(verifier, a.to, progress)
        progress()
        if (verifier.failed || verifier.next > total) return stop(false)
        dispatch()
      }
    }
    const onAnswer = (): void => {
      taking ??= take().finally(() => {
        taking = undefined
        if (!stopped && answers.has(verifier.next)) onAnswer()
      })
    }
    for (let i = 0; i < count; i++) {
      const worker = new Worker(file, { workerData: data })
      workers.push(worker)
      idle.push(worker)
      worker.on('message', (a: ScanAnswer) => {
        if (stopped) return
        answers.set(a.from, a)
        idle.push(worker)
        dispatch()
        onAnswer()
      })
      worker.on('error', (e) => {
        console.error('audit verify worker failed; verifying in the main thread:', e)
        stop(true)
      })
      worker.on('exit', () => stop(true))
    }
    dispatch()
  })
}
