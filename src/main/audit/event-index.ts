// event_index: the columns the console's table shows and filters on, one row per record. It is
// written behind the log, when appends pause (or before a query, or every MAX_PENDING records
// under sustained load), so a durable append touches only the events table; and a chunk per
// turn of the event loop, so a long backlog never holds up the calls being answered. Rows are
// written oldest first and leave the queue only once their transaction commits: a write that
// fails is tried again a second later, so the index never gets a hole, and whatever a crash left
// out (always its newest rows) is rebuilt from the records at the next open, as is any hole an
// older KeyLab left. Derived data: verify never relies on it.
import type { AuditRecord } from '../../shared/audit/record'
import type { Db } from '../data/cipher-db'
import { IndexCounts } from './index-counts'
import { indexRowOf, type IndexRow } from './index-row'
import { parseStored } from './stored-record'

/** Rows kept in memory before they are written even though appends go on. */
const MAX_PENDING = 32_768
/** A pause in appends this long lets the index catch up. */
const IDLE_MS = 150
/** Rows one turn of the event loop writes while the index catches up (some tens of ms). */
const CHUNK = 2048
/** After a write that failed, the next try waits this long. */
const RETRY_MS = 1000

export class EventIndex {
  private pending: IndexRow[] = []
  private timer?: NodeJS.Timeout
  private draining = false
  /** Writes that failed in a row (0: the last one went through). */
  private failures = 0
  private readonly insert
  /** Per-value counts of every row written (call flush() first to include every record). */
  readonly counts: IndexCounts

  constructor(private readonly db: Db) {
    this.counts = new IndexCounts(db)
    this.insert = db.prepare(
      `insert or replace into event_index (seq, t, name, key1, key2, label, principal, backend, err, ro, service)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
  }

  add(rows: Array<[number, AuditRecord]>): void {
    for (const [seq, record] of rows) this.pending.push(indexRowOf(seq, record))
    if (this.failures) return // the rows wait for the retry under way
    this.clear()
    if (this.pending.length >= MAX_PENDING) {
      this.drain()
    } else if (this.pending.length) {
      this.timer = setTimeout(() => this.drain(), IDLE_MS)
      this.timer.unref()
    }
  }

  /** Writes the pending rows CHUNK at a time, a chunk per turn of the event loop, so calls
   * that arrive meanwhile are answered between chunks rather than after all of them. */
  private drain(): void {
    this.clear()
    if (this.draining) return
    this.draining = true
    setImmediate(() => {
      this.draining = false
      if (!this.db.open) return
      try {
        this.write(CHUNK)
      } catch (e) {
        return this.failed(e as Error)
      }
      if (this.pending.length) this.drain()
    })
  }

  /** A write failed: its rows stay first in the queue and are tried again after RETRY_MS. */
  private failed(e: Error): void {
    if (this.failures++ === 0) console.error('audit index: rows not written, trying again:', e)
    this.clear()
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.drain()
    }, RETRY_MS)
    this.timer.unref()
  }

  /** Rows waiting to be written. */
  get backlog(): number {
    return this.pending.length
  }

  /** Writes every pending row now (queries call this first, so they see every record). */
  flush(): void {
    this.clear()
    try {
      this.write(this.pending.length)
    } catch (e) {
      this.failed(e as Error)
      throw e
    }
  }

  /** Writes the oldest `count` pending rows in one transaction; they leave the queue (and
   * count) only once it has committed. */
  private write(count: number): void {
    if (!this.pending.length || !this.db.open) return
    const rows = count >= this.pending.length ? this.pending : this.pending.slice(0, count)
    this.store(rows)
    this.pending = rows === this.pending ? [] : this.pending.slice(rows.length)
    this.failures = 0
  }

  /** Indexes the records a previous run committed but did not index (e.g. after a crash), and
   * fills any hole in the index (an older KeyLab dropped a chunk whose write failed). */
  catchUp(): void {
    const max = (sql: string): number => this.db.prepare(sql).pluck().get() as number
    this.indexRecords(max('select coalesce(max(seq), 0) from event_index'), Number.MAX_SAFE_INTEGER)
    const head = max('select coalesce(max(seq), 0) from events')
    if (this.counts.rows >= head) return
    let expected = 1
    const holes: Array<[number, number]> = []
    const present = this.db.prepare('select seq from event_index order by seq').pluck()
    for (const seq of present.iterate() as IterableIterator<number>) {
      if (seq > expected) holes.push([expected, seq - 1])
      expected = seq + 1
    }
    for (const [from, to] of holes) this.indexRecords(from - 1, to)
  }

  /** Indexes the records after `after`, up to `upTo`, 5,000 per transaction. */
  private indexRecords(after: number, upTo: number): void {
    const read = this.db.prepare(
      'select seq, body from events where seq > ? and seq <= ? order by seq limit 5000'
    )
    for (;;) {
      const batch = read.all(after, upTo) as { seq: number; body: string }[]
      if (!batch.length) return
      this.store(batch.map((r) => indexRowOf(r.seq, parseStored(r.body))))
      after = batch[batch.length - 1].seq
    }
  }

  /** Writes rows and their counts in one transaction; the counts in memory follow its commit. */
  private store(rows: IndexRow[]): void {
    const counted = this.db.transaction(() => {
      for (const r of rows) this.writeRow(r)
      return this.counts.add(rows)
    })()
    this.counts.apply(counted)
  }

  private writeRow(r: IndexRow): void {
    this.insert.run(
      r.seq,
      r.t,
      r.name,
      r.key1,
      r.key2,
      r.label,
      r.principal,
      r.backend,
      r.err,
      r.ro,
      r.service
    )
  }

  /** Writes what is pending; rows that cannot be written are rebuilt at the next open. */
  close(): void {
    try {
      this.flush()
    } catch (e) {
      console.error('audit index: rows left to the next open:', e)
    } finally {
      this.clear()
    }
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}
