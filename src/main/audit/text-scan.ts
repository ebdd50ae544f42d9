// A text search of the audit table: the records' bodies are encrypted pages, so matching text
// means reading each record once (about 5 us a record). A search walks the log newest first in
// slices: a page request scans only until it has its rows (or a small budget is spent), and
// the rest of the log is scanned in the background, a slice per turn of the event loop, so the
// first page comes at once and the total grows until the walk ends.
import type { Db } from '../data/cipher-db'

/** Records one slice reads (a few milliseconds). */
const SLICE = 1000

export class TextScan {
  /** Seqs of the matches found so far, newest first. */
  readonly matches: number[] = []
  /** The newest record not scanned yet (0 once the walk is over). */
  private next: number
  private readonly find

  constructor(
    private readonly db: Db,
    conds: string,
    private readonly params: unknown[],
    readonly head: number
  ) {
    this.next = head
    this.find = db
      .prepare(
        `select seq from event_index where ${conds} and seq <= ? and seq > ? order by seq desc`
      )
      .pluck()
  }

  get done(): boolean {
    return this.next <= 0
  }

  /** Records scanned so far. */
  get scanned(): number {
    return this.head - this.next
  }

  /** Why the walk ended early (the log was closed, or a page could not be read). */
  failure?: Error

  /** Scans one slice; a failure ends the walk and is kept in `failure`. */
  step(): void {
    if (this.done) return
    try {
      if (!this.db.open) throw new Error('the audit log is closed')
      const low = Math.max(0, this.next - SLICE)
      for (const seq of this.find.all(...this.params, this.next, low) as number[]) {
        this.matches.push(seq)
      }
      this.next = low
    } catch (e) {
      this.failure = e as Error
      this.next = 0
    }
  }

  /** Scans until `need` matches are found, `budget` records are read, or the log ends. */
  advance(need: number, budget: number): void {
    const stop = this.scanned + budget
    while (!this.done && this.matches.length < need && this.scanned < stop) this.step()
  }
}
