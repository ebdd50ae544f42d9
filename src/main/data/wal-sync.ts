// Group commit for a WAL database: commits run with synchronous=NORMAL, and a caller that must
// not answer before its commit is on disk awaits flush(). Concurrent callers share one fdatasync
// of the -wal file; a caller that arrives while a sync runs waits for the next one. flushHere()
// syncs on the calling thread instead, when the event loop has nothing better to do meanwhile.
import { closeSync, fdatasyncSync, openSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'

export class WalSync {
  private handle?: FileHandle
  private fd?: number
  private running?: Promise<void>
  private queued?: Promise<void>
  /** Syncs made, on the thread pool and here (tests, and checkpoints to tell new commits). */
  syncs = 0
  /** ...of which on the calling thread. */
  syncsHere = 0

  constructor(private readonly walFile: string) {}

  flush(): Promise<void> {
    if (!this.running) {
      this.running = this.sync().finally(() => (this.running = undefined))
      return this.running
    }
    this.queued ??= this.running.then(() => {
      this.queued = undefined
      return this.flush()
    })
    return this.queued
  }

  /** Makes everything committed so far durable, on this thread: an fdatasync covers every
   * write made before it, whatever sync may be running on the thread pool. */
  flushHere(): void {
    if (this.fd === undefined) {
      try {
        this.fd = openSync(this.walFile, 'r')
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
        throw e
      }
    }
    fdatasyncSync(this.fd)
    this.syncs++
    this.syncsHere++
  }

  private async sync(): Promise<void> {
    if (!this.handle) {
      try {
        this.handle = await open(this.walFile, 'r')
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
        throw e
      }
    }
    await this.handle.datasync()
    this.syncs++
  }

  async close(): Promise<void> {
    await this.running
    await this.queued
    await this.handle?.close()
    this.handle = undefined
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}
