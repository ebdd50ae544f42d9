// Windows of the audit table, paged in SQL over event_index, newest first. Unfiltered, a window
// is a primary-key range. Filtered, one pass counts the matches and keeps every 256th seq as an
// anchor, so any later window starts from its anchor instead of skipping `offset` rows.
import { NotFoundException } from '../../shared/errors'
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

const STRIDE = 256
const CACHE = 16

export interface QuerySource {
  readonly db: Db
  readonly index: EventIndex
  readonly headSeq: number
}

interface Where {
  sql: string
  /** The same conditions with the time index turned off (unary +): for wide time ranges,
   * walking the primary key newest first beats sorting the range's matches. */
  scan: string
  params: unknown[]
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function whereOf(filter: AuditFilter): Where {
  const conds: string[] = []
  const params: unknown[] = []
  const add = (sql: string, ...values: unknown[]): void => {
    conds.push(sql)
    params.push(...values)
  }
  if (filter.from !== undefined) add('$t >= ?', filter.from)
  if (filter.to !== undefined) add('$t <= ?', filter.to)
  if (filter.eventName) add('name = ?', filter.eventName)
  if (filter.keyId?.trim()) {
    const id = keyIdOf(filter.keyId.trim())
    add('(key1 = ? or key2 = ?)', id, id)
  }
  if (filter.errorsOnly) add('err is not null')
  if (filter.readOnly !== undefined) add('ro = ?', filter.readOnly ? 1 : 0)
  if (filter.text?.trim()) {
    add(
      "exists (select 1 from events e where e.seq = event_index.seq and e.body like ? escape '\\')",
      likePattern(filter.text.trim())
    )
  }
  const sql = conds.join(' and ')
  return { sql: sql.replace(/\$t/g, 't'), scan: sql.replace(/\$t/g, '+t'), params }
}

/** Matches past which a time-range query walks the primary key instead of the time index. */
const WIDE = 5000

interface Plan {
  key: string
  conds: string
  params: unknown[]
  head: number
}

export class AuditQuery {
  private readonly counts = new Map<string, number>()
  private readonly anchors = new Map<string, number[]>()

  constructor(private readonly source: QuerySource) {}

  page(req: AuditPageRequest): AuditPage {
    this.source.index.flush()
    const latest = this.source.headSeq
    const head = Math.min(req.head ?? latest, latest)
    const limit = Math.max(0, Math.min(req.limit, 1000))
    const offset = Math.max(0, req.offset)
    const where = whereOf(req.filter)
    const db = this.source.db
    if (!where.sql) {
      const rows = db
        .prepare('select * from event_index where seq <= ? order by seq desc limit ?')
        .all(head - offset, limit) as IndexRow[]
      return { head, total: head, offset, rows: rows.map(rowOf) }
    }
    const key = `${head}|${where.sql}|${JSON.stringify(where.params)}`
    const total = this.countOf(key, where, head)
    const plan: Plan = {
      key,
      conds: total > WIDE ? where.scan : where.sql,
      params: where.params,
      head
    }
    // The first windows need no anchors; deeper ones start from the anchor before them.
    const k = offset < STRIDE ? -1 : Math.floor(offset / STRIDE)
    const seqs = k < 0 ? [] : this.anchorsOf(plan)
    if (k >= seqs.length) return { head, total, offset, rows: [] }
    const rows = db
      .prepare(
        `select * from event_index where ${plan.conds} and seq <= ? order by seq desc limit ? offset ?`
      )
      .all(
        ...plan.params,
        k < 0 ? head : seqs[k],
        limit,
        k < 0 ? offset : offset - k * STRIDE
      ) as IndexRow[]
    return { head, total, offset, rows: rows.map(rowOf) }
  }

  private remember<T>(cache: Map<string, T>, key: string, value: T): T {
    cache.set(key, value)
    if (cache.size > CACHE) cache.delete(cache.keys().next().value as string)
    return value
  }

  private countOf(key: string, where: Where, head: number): number {
    const cached = this.counts.get(key)
    if (cached !== undefined) return cached
    const { n } = this.source.db
      .prepare(`select count(*) as n from event_index where ${where.sql} and seq <= ?`)
      .get(...where.params, head) as { n: number }
    return this.remember(this.counts, key, n)
  }

  /** Every STRIDE-th seq of the matches, newest first: anchors[k] is match number k * STRIDE. */
  private anchorsOf(plan: Plan): number[] {
    const cached = this.anchors.get(plan.key)
    if (cached) return cached
    const seqs = this.source.db
      .prepare(
        `select seq from (select seq, row_number() over (order by seq desc) as rn from event_index
         where ${plan.conds} and seq <= ?) where (rn - 1) % ${STRIDE} = 0 order by seq desc`
      )
      .pluck()
      .all(...plan.params, plan.head) as number[]
    return this.remember(this.anchors, plan.key, seqs)
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
