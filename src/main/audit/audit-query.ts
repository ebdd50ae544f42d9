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
  if (filter.from !== undefined) add('t >= ?', filter.from)
  if (filter.to !== undefined) add('t <= ?', filter.to)
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
  return { sql: conds.join(' and '), params }
}

interface Anchors {
  total: number
  seqs: number[]
}

export class AuditQuery {
  private readonly anchors = new Map<string, Anchors>()

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
    const anchors = this.anchorsOf(where, head)
    const k = Math.floor(offset / STRIDE)
    if (k >= anchors.seqs.length) return { head, total: anchors.total, offset, rows: [] }
    const rows = db
      .prepare(
        `select * from event_index where ${where.sql} and seq <= ? order by seq desc limit ? offset ?`
      )
      .all(...where.params, anchors.seqs[k], limit, offset - k * STRIDE) as IndexRow[]
    return { head, total: anchors.total, offset, rows: rows.map(rowOf) }
  }

  private anchorsOf(where: Where, head: number): Anchors {
    const key = `${head}|${where.sql}|${JSON.stringify(where.params)}`
    const cached = this.anchors.get(key)
    if (cached) return cached
    const seqs = this.source.db
      .prepare(
        `select seq from (select seq, row_number() over (order by seq desc) as rn from event_index
         where ${where.sql} and seq <= ?) where (rn - 1) % ${STRIDE} = 0 order by seq desc`
      )
      .pluck()
      .all(...where.params, head) as number[]
    const { n } = this.source.db
      .prepare(`select count(*) as n from event_index where ${where.sql} and seq <= ?`)
      .get(...where.params, head) as { n: number }
    const anchors = { total: n, seqs }
    this.anchors.set(key, anchors)
    if (this.anchors.size > CACHE) this.anchors.delete(this.anchors.keys().next().value as string)
    return anchors
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
