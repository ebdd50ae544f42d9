// Windows of the audit table, paged in SQL over event_index, newest first. Unfiltered, a window
// is a primary-key range. Filtered, the first windows come straight from the most selective
// index (chosen explicitly: key, then errors, then event name, then time, then read-only; the
// key indexes cover the other columns, so combined filters never read the table), and deeper
// ones from anchors: one pass keeps every 256th matching seq, so a window starts from
// its anchor instead of skipping `offset` rows. Windows select seqs first, then their rows.
// A text search reads the records themselves, newest first, as far as a window needs and the
// rest in the background (text-scan.ts): its total grows until the walk ends.
import { LabStoreException, NotFoundException } from '../../shared/errors'
import { keyIdOf } from '../../shared/kms/arn'
import type {
  AuditDetail,
  AuditFilter,
  AuditPage,
  AuditPageRequest
} from '../../shared/ipc/audit-api'
import type { Db } from '../data/cipher-db'
import { toCloudTrail } from './cloudtrail'
import type { EventIndex } from './event-index'
import { rowOf, type IndexRow } from './index-row'
import { parseStored } from './stored-record'
import { TextScan } from './text-scan'

const STRIDE = 256
const CACHE = 16
/** Matches past which a time range walks the primary key instead of the time index. */
const WIDE = 5000
/** How deep a window may skip index entries before it starts from an anchor instead. */
const DIRECT_MAX = 300_000
/** Text searches kept (each holds the seqs of its matches). */
const SEARCHES = 4
/** Records a page request of a text search may read itself (about 25 ms). */
const SCAN_BUDGET = 5000

export interface QuerySource {
  readonly db: Db
  readonly index: EventIndex
  readonly headSeq: number
}

interface Where {
  /** The conditions, `$x` standing for column x: `x` uses its index, `+x` keeps SQLite off it. */
  template: string
  params: unknown[]
  /** Columns in the order their index should be preferred. */
  lead: string[]
  text: boolean
  /** Set when the filter is a time range and nothing else. */
  range?: { from?: number; to?: number }
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function whereOf(filter: AuditFilter): Where {
  const conds: string[] = []
  const params: unknown[] = []
  const lead: string[] = []
  const add = (column: string | undefined, sql: string, ...values: unknown[]): void => {
    conds.push(sql)
    params.push(...values)
    if (column && !lead.includes(column)) lead.push(column)
  }
  const keyId = filter.keyId?.trim()
  if (keyId)
    add('key', '($key1 = ? or ($key2 = ? and $key2 is not null))', keyIdOf(keyId), keyIdOf(keyId))
  if (filter.errorsOnly) add('err', '$err is not null')
  if (filter.eventName) add('name', '$name = ?', filter.eventName)
  if (filter.from !== undefined) add('t', '$t >= ?', filter.from)
  if (filter.to !== undefined) add('t', '$t <= ?', filter.to)
  if (filter.readOnly !== undefined) add('ro', '$ro = ?', filter.readOnly ? 1 : 0)
  const text = filter.text?.trim()
  if (text) {
    add(
      undefined,
      "exists (select 1 from events e where e.seq = event_index.seq and e.body like ? escape '\\')",
      likePattern(text)
    )
  }
  const timeOnly = lead.length === 1 && lead[0] === 't' && !text
  return {
    template: conds.join(' and '),
    params,
    lead,
    text: !!text,
    ...(timeOnly ? { range: { from: filter.from, to: filter.to } } : {})
  }
}

const COLUMN_OF: Record<string, string[]> = {
  key: ['key1', 'key2'],
  err: ['err'],
  name: ['name'],
  t: ['t'],
  ro: ['ro']
}

/** The conditions with only `use`'s index left to SQLite (all indexes when undefined). */
function conditions(where: Where, use: string | undefined): string {
  const allowed = new Set(
    use === undefined ? Object.values(COLUMN_OF).flat() : (COLUMN_OF[use] ?? [])
  )
  return where.template.replace(/\$(\w+)/g, (_m, c: string) => (allowed.has(c) ? c : `+${c}`))
}

export interface AuditQueryOptions {
  /** Records a page request of a text search reads before it answers (tests use small ones). */
  scanBudget?: number
}

export class AuditQuery {
  private readonly counts = new Map<string, number>()
  private readonly anchors = new Map<string, number[]>()
  private readonly searches = new Map<string, TextScan>()
  /** The search scanned in the background: the last one asked for. */
  private active?: TextScan
  private idle: Array<() => void> = []
  private readonly scanBudget: number

  constructor(
    private readonly source: QuerySource,
    options: AuditQueryOptions = {}
  ) {
    this.scanBudget = options.scanBudget ?? SCAN_BUDGET
  }

  page(req: AuditPageRequest): AuditPage {
    if (!this.source.db.open) throw new LabStoreException('The audit log is closed.')
    this.source.index.flush()
    const latest = this.source.headSeq
    const head = Math.min(req.head ?? latest, latest)
    const limit = Math.max(0, Math.min(req.limit, 1000))
    const offset = Math.max(0, req.offset)
    const where = whereOf(req.filter)
    const db = this.source.db
    if (!where.template) {
      const rows = db
        .prepare('select * from event_index where seq <= ? order by seq desc limit ?')
        .all(head - offset, limit) as IndexRow[]
      return { head, total: head, offset, rows: rows.map(rowOf) }
    }
    const key = `${head}|${where.template}|${JSON.stringify(where.params)}`
    if (where.text) return this.search(key, where, head, offset, limit)
    const total = this.countOf(key, where, head)
    if (offset >= total) return { head, total, offset, rows: [] }
    const plan = this.plan(where, total)
    // One condition whose index covers it: skipping `offset` index entries is cheap (about
    // 0.1 us each). Otherwise, or very deep, start from an anchor.
    const covered = where.lead.length === 1 && !plan.scan
    // A wide time range up to now walks the primary key, where most records match: skipping
    // is as cheap.
    const upToNow = where.range !== undefined && where.range.to === undefined
    const dense = upToNow && plan.scan && (offset * head) / total < DIRECT_MAX
    const direct = offset < STRIDE || (covered && offset < DIRECT_MAX) || dense
    const k = direct ? -1 : Math.floor(offset / STRIDE)
    const seqs = k < 0 ? [] : this.anchorsOf(key, where, head)
    const rows = db
      .prepare(
        `select * from event_index where seq in (select seq from event_index where ${plan.conds}
         and seq <= ? order by seq desc limit ? offset ?) order by seq desc`
      )
      .all(
        ...where.params,
        k < 0 ? head : seqs[k],
        limit,
        k < 0 ? offset : offset - k * STRIDE
      ) as IndexRow[]
    return { head, total, offset, rows: rows.map(rowOf) }
  }

  /** A window of a text search, from the matches found so far (see text-scan.ts). */
  private search(
    key: string,
    where: Where,
    head: number,
    offset: number,
    limit: number
  ): AuditPage {
    let scan = this.searches.get(key)
    if (!scan) {
      scan = new TextScan(this.source.db, conditions(where, ''), where.params, head)
      this.remember(this.searches, key, scan, SEARCHES)
    } else {
      this.searches.delete(key)
      this.searches.set(key, scan)
    }
    scan.advance(offset + limit, this.scanBudget)
    if (scan.failure) {
      this.searches.delete(key)
      throw new LabStoreException(`The audit log could not be searched: ${scan.failure.message}`)
    }
    const seqs = scan.matches.slice(offset, offset + limit)
    const rows = seqs.length
      ? (this.source.db
          .prepare(
            `select * from event_index where seq in (${seqs.map(() => '?').join(',')}) order by seq desc`
          )
          .all(...seqs) as IndexRow[])
      : []
    if (!scan.done) this.scanInBackground(scan)
    return {
      head,
      total: scan.matches.length,
      offset,
      rows: rows.map(rowOf),
      ...(scan.done ? {} : { searching: { scanned: scan.scanned, of: head } })
    }
  }

  /** Goes on with `scan` a slice per turn of the event loop, until it ends or another search
   * is asked for (a search left behind goes on from where it stopped if asked for again). */
  private scanInBackground(scan: TextScan): void {
    if (this.active === scan) return
    const running = this.active !== undefined
    this.active = scan
    if (running) return
    const turn = (): void => {
      const current = this.active
      if (!current || current.done || !this.source.db.open) {
        this.active = undefined
        for (const done of this.idle.splice(0)) done()
        return
      }
      current.step()
      setImmediate(turn)
    }
    setImmediate(turn)
  }

  /** Resolves once no text search is being scanned in the background. */
  searched(): Promise<void> {
    if (!this.active) return Promise.resolve()
    return new Promise((resolve) => this.idle.push(resolve))
  }

  /** Which index a window walks: the most selective condition's, except a wide time range's
   * (the newest records then match, so walking the primary key newest first finds them at once). */
  private plan(where: Where, total: number): { conds: string; scan: boolean } {
    const lead = where.lead.filter((c) => !(c === 't' && total > WIDE))
    return { conds: conditions(where, lead[0] ?? ''), scan: !lead.length }
  }

  private remember<T>(cache: Map<string, T>, key: string, value: T, size = CACHE): T {
    cache.set(key, value)
    if (cache.size > size) cache.delete(cache.keys().next().value as string)
    return value
  }

  private countOf(key: string, where: Where, head: number): number {
    const cached = this.counts.get(key)
    if (cached !== undefined) return cached
    const known = head === this.source.headSeq ? this.known(where) : undefined
    if (known !== undefined) return this.remember(this.counts, key, known)
    const count = (conds: string, params: unknown[]): number =>
      (
        this.source.db
          .prepare(`select count(*) as n from event_index where ${conds} and seq <= ?`)
          .get(...params, head) as { n: number }
      ).n
    return this.remember(
      this.counts,
      key,
      where.range && this.wide(where.range, head)
        ? // A wide time range: count what it leaves out, a short walk of the time index.
          head -
            (where.range.from !== undefined ? count('t < ?', [where.range.from]) : 0) -
            (where.range.to !== undefined ? count('t > ?', [where.range.to]) : 0)
        : count(conditions(where, where.lead[0]), where.params)
    )
  }

  /** The total of a one-condition filter on the whole log, from the index's running counts. */
  private known(where: Where): number | undefined {
    if (where.lead.length !== 1 || where.range) return undefined
    const counts = this.source.index.counts
    const value = where.params[0]
    switch (where.lead[0]) {
      case 'name':
      case 'key':
      case 'ro':
        return counts.get(where.lead[0], String(value))
      case 'err':
        return counts.get('err')
      default:
        return undefined
    }
  }

  /** Whether a time range holds most of the log (the first record at or after `from`, by the
   * time index, is old); either answer gives an exact count, this only picks the faster one. */
  private wide(range: { from?: number; to?: number }, head: number): boolean {
    if (range.to !== undefined || range.from === undefined) return false
    const first = this.source.db
      .prepare('select seq from event_index where t >= ? order by t limit 1')
      .pluck()
      .get(range.from) as number | undefined
    return first !== undefined && head - first > head / 2
  }

  /**
   * Every STRIDE-th seq of the matches, newest first: anchors[k] is match number k * STRIDE. The
   * seqs come from the lead condition's index in its own order (no sort in SQL), sorted here.
   */
  private anchorsOf(key: string, where: Where, head: number): number[] {
    const cached = this.anchors.get(key)
    if (cached) return cached
    const found = this.source.db
      .prepare(
        `select seq from event_index where ${conditions(where, where.lead[0] ?? '')} and seq <= ?`
      )
      .pluck()
      .all(...where.params, head) as number[]
    const seqs = Float64Array.from(found).sort()
    const anchors: number[] = []
    for (let i = seqs.length - 1; i >= 0; i -= STRIDE) anchors.push(seqs[i])
    this.remember(this.counts, key, seqs.length)
    return this.remember(this.anchors, key, anchors)
  }

  record(seq: number): AuditDetail {
    const row = this.source.db
      .prepare('select prev, hash, body from events where seq = ?')
      .get(seq) as { prev: Buffer; hash: Buffer; body: string } | undefined
    if (!row) throw new NotFoundException(`Audit record ${seq} does not exist.`)
    return {
      seq,
      hash: row.hash.toString('hex'),
      prevHash: row.prev.toString('hex'),
      event: toCloudTrail(parseStored(row.body), seq)
    }
  }
}
