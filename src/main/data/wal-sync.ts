// Group commit for a WAL database: commits run with synchronous=NORMAL, and a caller that must
// not answer before its commit is on disk awaits flush(). Concurrent callers share one fdatasync
// of the -wal file; a caller that arrives while a sync runs waits for the next one.
import { open, type FileHandle } from 'node:fs/promises'

export class WalSync {
  private handle?: FileHandle
  private running?: Promise<void>
  private queued?: Promise<void>
  syncs = 0

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
  }
}
