// event_index: the columns the console's table shows and filters on, one row per record. It is
// written behind the log, when appends pause (or before a query, or every MAX_PENDING records
// under sustained load), so a durable append touches only the events table; and a chunk per
// turn of the event loop, so a long backlog never holds up the calls being answered. Whatever
// a crash left out is rebuilt from the records. Derived data: verify never relies on it.
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

export class EventIndex {
  private pending: IndexRow[] = []
  private timer?: NodeJS.Timeout
  private draining = false
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
      try {
        this.write(CHUNK)
      } catch (e) {
        // Derived data: the next open rebuilds what is missing from the records (catchUp).
        console.error('audit index: rows not written:', e)
      }
      if (this.pending.length && this.db.open) this.drain()
    })
  }

  /** Rows waiting to be written. */
  get backlog(): number {
    return this.pending.length
  }

  /** Writes every pending row now (queries call this first, so they see every record). */
  flush(): void {
    this.clear()
    this.write(this.pending.length)
  }

  /** Writes the oldest `count` pending rows in one transaction. */
  private write(count: number): void {
    if (!this.pending.length || !this.db.open) return
    const rows = count >= this.pending.length ? this.pending : this.pending.slice(0, count)
    this.pending = rows === this.pending ? [] : this.pending.slice(rows.length)
    this.db.transaction(() => {
      for (const r of rows) this.writeRow(r)
      this.counts.add(rows)
    })()
  }

  /** Indexes the records a previous run committed but did not index (e.g. after a crash). */
  catchUp(): void {
    const { max } = this.db
      .prepare('select coalesce(max(seq), 0) as max from event_index')
      .get() as {
      max: number
    }
    const read = this.db.prepare(
      'select seq, body from events where seq > ? order by seq limit 5000'
    )
    let after = max
    for (;;) {
      const batch = read.all(after) as { seq: number; body: string }[]
      if (!batch.length) return
      const rows = batch.map((r) => indexRowOf(r.seq, parseStored(r.body)))
      this.db.transaction(() => {
        for (const r of rows) this.writeRow(r)
        this.counts.add(rows)
      })()
      after = batch[batch.length - 1].seq
    }
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

  close(): void {
    this.flush()
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}
