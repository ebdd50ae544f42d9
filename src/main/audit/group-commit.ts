// Group commit: appends that arrive while a sync is on its way wait in a queue; when the sync
// ends, the whole queue is committed in one transaction and shares the next sync. A batch is
// started on the next turn of the event loop, so callers woken by the same sync (who append
// again at once) join one batch rather than the first going alone. Nobody's promise resolves
// before the sync that covers its own commit has finished.

interface Pending<T> {
  item: T
  resolve: () => void
  reject: (e: Error) => void
}

export interface GroupCommitTarget<T> {
  /** Commits a batch in one transaction (synchronously); returns a per-item error or undefined. */
  commit(items: T[]): Array<Error | undefined>
  /** Makes everything committed so far durable. */
  sync(): Promise<void>
  /** Runs once the batch is durable (e.g. publish a checkpoint). */
  synced?(): void
}

export class GroupCommit<T> {
  private queue: Pending<T>[] = []
  private syncing = false
  private scheduled = false
  private idle: Array<() => void> = []
  /** How many batches and items went through, and the time spent committing them and waiting
   * for their syncs (for tests and benchmarks). */
  readonly stats = { batches: 0, items: 0, commitMs: 0, syncMs: 0 }

  constructor(
    private readonly target: GroupCommitTarget<T>,
    private readonly maxBatch = 1024
  ) {}

  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.syncing || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      if (!this.syncing && this.queue.length) this.drain()
    })
  }

  /** Resolves when nothing is queued or syncing. */
  settled(): Promise<void> {
    if (!this.syncing && !this.scheduled && this.queue.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.idle.push(resolve))
  }

  private drain(): void {
    const batch = this.queue.splice(0, this.maxBatch)
    const start = performance.now()
    let errors: Array<Error | undefined>
    try {
      errors = this.target.commit(batch.map((p) => p.item))
    } catch (e) {
      const error = e as Error
      errors = batch.map(() => error)
    }
    const committed = batch.filter((p, i) => {
      if (errors[i]) p.reject(errors[i] as Error)
      return !errors[i]
    })
    const stats = this.stats
    stats.batches++
    stats.items += committed.length
    const syncStart = performance.now()
    stats.commitMs += syncStart - start
    this.syncing = true
    this.target
      .sync()
      .then(
        () => {
          stats.syncMs += performance.now() - syncStart
          for (const p of committed) p.resolve()
          this.target.synced?.()
        },
        (e: Error) => {
          stats.syncMs += performance.now() - syncStart
          for (const p of committed) p.reject(e)
        }
      )
      .finally(() => {
        this.syncing = false
        if (this.queue.length) this.schedule()
        else for (const done of this.idle.splice(0)) done()
      })
  }
}
