// Counts of event_index rows per event name, key, read-only flag and error, stored next to the
// index (index_counts, updated in the same transactions) and mirrored in memory once those
// commit, so that a one-condition filter knows its total at once, however long the log.
import type { Db } from '../data/cipher-db'
import type { IndexRow } from './index-row'

type Kind = 'name' | 'key' | 'ro' | 'err'

export class IndexCounts {
  private readonly counts = new Map<string, number>()
  private readonly upsert

  constructor(private readonly db: Db) {
    db.exec(`create table if not exists index_counts (
      kind text not null, value text not null, n integer not null, primary key (kind, value)
    ) without rowid`)
    this.upsert = db.prepare(
      `insert into index_counts (kind, value, n) values (?, ?, ?)
       on conflict (kind, value) do update set n = n + excluded.n`
    )
    const stored = db.prepare('select kind, value, n from index_counts').raw().all() as [
      Kind,
      string,
      number
    ][]
    if (!stored.length) this.rebuild()
    else for (const [kind, value, n] of stored) this.counts.set(`${kind}\u0000${value}`, n)
  }

  /** From event_index itself (a log whose counts were never stored). */
  private rebuild(): void {
    const rows = this.db
      .prepare(
        `select 'name', name, count(*) from event_index group by name
         union all select 'ro', ro, count(*) from event_index group by ro
         union all select 'err', '', count(*) from event_index where err is not null
         union all select 'key', k, count(*) from (select key1 as k from event_index where key1 is not null
           union all select key2 from event_index where key2 is not null and key2 is not key1) group by k`
      )
      .raw()
      .all() as [Kind, string | number, number][]
    const delta = new Map<string, number>()
    for (const [kind, value, n] of rows) if (n) delta.set(`${kind}\u0000${value}`, n)
    this.db.transaction(() => this.store(delta))()
    this.apply(delta)
  }

  /** Counts written rows in index_counts (call inside the transaction that writes them); what
   * it returns goes to apply() once that transaction has committed, and not if it failed. */
  add(rows: IndexRow[]): Map<string, number> {
    const delta = new Map<string, number>()
    const bump = (kind: Kind, value: string): void => {
      const k = `${kind}\u0000${value}`
      delta.set(k, (delta.get(k) ?? 0) + 1)
    }
    for (const r of rows) {
      bump('name', r.name)
      bump('ro', String(r.ro))
      if (r.err) bump('err', '')
      if (r.key1) bump('key', r.key1)
      if (r.key2 && r.key2 !== r.key1) bump('key', r.key2)
    }
    this.store(delta)
    return delta
  }

  /** The in-memory counts after a committed add(). */
  apply(delta: Map<string, number>): void {
    for (const [k, n] of delta) this.counts.set(k, (this.counts.get(k) ?? 0) + n)
  }

  /** Rows counted: each has one read-only value. */
  get rows(): number {
    return this.get('ro', '1') + this.get('ro', '0')
  }

  private store(delta: Map<string, number>): void {
    for (const [k, n] of delta) {
      const [kind, value] = k.split('\u0000')
      this.upsert.run(kind, value, n)
    }
  }

  get(kind: Kind, value = ''): number {
    return this.counts.get(`${kind}\u0000${value}`) ?? 0
  }
}
