// Exports of the audit log, read straight from the records (not from the derived index):
// CloudTrail's {"Records": [...]} with one event per line, or CSV with a header line. Produced
// in chunks, oldest first, so the console can download and the CLI can stream any size.
import type { AuditRecord } from '../../shared/audit/record'
import type { AuditFilter, ExportChunk, ExportFormat } from '../../shared/ipc/audit-api'
import { keyIdOf } from '../../shared/kms/arn'
import type { Db } from '../data/cipher-db'
import { CSV_COLUMNS, csvLine, toCloudTrail } from './cloudtrail'
import { parseStored } from './stored-record'

const CHUNK = 2000

/** SQLite's LIKE, which the table's text filter uses (audit-query.ts), folds the case of ASCII
 * letters only; an export must find the records the table shows, so this folds the same. */
const foldAscii = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase())

export function matches(record: AuditRecord, body: string, filter: AuditFilter): boolean {
  const t = Date.parse(record.eventTime)
  if (filter.from !== undefined && t < filter.from) return false
  if (filter.to !== undefined && t > filter.to) return false
  if (filter.eventName && record.eventName !== filter.eventName) return false
  if (filter.keyId?.trim()) {
    const id = keyIdOf(filter.keyId.trim())
    if (!record.resources.some((arn) => arn.includes(':key/') && keyIdOf(arn) === id)) return false
  }
  if (filter.errorsOnly && !record.errorCode) return false
  if (filter.readOnly !== undefined && record.readOnly !== filter.readOnly) return false
  const text = filter.text?.trim()
  return !text || foldAscii(body).includes(foldAscii(text))
}

export class AuditExporter {
  private readonly read

  constructor(
    db: Db,
    private readonly format: ExportFormat,
    private readonly filter: AuditFilter,
    readonly head: number
  ) {
    this.read = db
      .prepare('select seq, body from events where seq > ? and seq <= ? order by seq limit ?')
      .raw()
  }

  /** The piece of the file after `cursor` (absent: the start). */
  chunk(cursor?: string, max = CHUNK): ExportChunk {
    const [after, written] = cursor ? cursor.split(':').map(Number) : [0, 0]
    let data = cursor ? '' : this.format === 'csv' ? `${CSV_COLUMNS.join(',')}\n` : '{"Records":[\n'
    let count = 0
    const rows = this.read.all(after, this.head, max) as [number, string][]
    for (const [seq, body] of rows) {
      const record = parseStored(body)
      if (!matches(record, body, this.filter)) continue
      if (this.format === 'csv') data += `${csvLine(record, seq)}\n`
      else data += `${written + count ? ',\n' : ''}${JSON.stringify(toCloudTrail(record, seq))}`
      count++
    }
    const last = rows.length ? rows[rows.length - 1][0] : after
    const done = rows.length < max || last >= this.head
    if (done && this.format === 'cloudtrail') data += `${written + count ? '\n' : ''}]}\n`
    return {
      data,
      head: this.head,
      count,
      done,
      ...(done ? {} : { cursor: `${last}:${written + count}` })
    }
  }
}
