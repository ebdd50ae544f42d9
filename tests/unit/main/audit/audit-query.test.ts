// Paging in SQL: every window of every filter is exactly the matching records, newest first,
// whether it comes from the first pass or from an anchor (every 256th match).
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditLog, AuditQuery } from '../../../../src/main/audit'
import { openAuditDb } from '../../../../src/main/audit/audit-db'
import type { AuditFilter } from '../../../../src/shared/ipc/audit-api'
import type { AuditRecord } from '../../../../src/shared/audit/record'
import { syntheticRecord, SYNTHETIC_KEYS } from '../../../helpers/synthetic-calls'
import { tempDir } from '../../../helpers/lab'

const N = 6000
let dir: string
let log: AuditLog
let query: AuditQuery
const rootKey = randomBytes(32)
const records: AuditRecord[] = []
const start = Date.UTC(2026, 0, 1)

beforeAll(async () => {
  dir = tempDir()
  log = AuditLog.open({ dataDir: dir, rootKey })
  const pending: Promise<void>[] = []
  for (let i = 0; i < N; i++) {
    const r = syntheticRecord(i)
    r.eventTime = new Date(start + i * 60_000).toISOString()
    records.push(r)
    pending.push(log.append(r))
  }
  await Promise.all(pending)
  query = new AuditQuery(log)
})

afterAll(async () => {
  await log.close()
  rmSync(dir, { recursive: true, force: true })
})

function expected(match: (r: AuditRecord) => boolean): number[] {
  const seqs: number[] = []
  records.forEach((r, i) => match(r) && seqs.push(i + 1))
  return seqs.reverse()
}

function all(filter: AuditFilter, limit: number): number[] {
  const seqs: number[] = []
  for (let offset = 0; ; offset += limit) {
    const page = query.page({ filter, offset, limit })
    seqs.push(...page.rows.map((r) => r.seq))
    if (page.rows.length < limit) return seqs
  }
}

describe('audit query', () => {
  const key = SYNTHETIC_KEYS[7]
  const cases: Array<[string, AuditFilter, (r: AuditRecord) => boolean]> = [
    ['event name', { eventName: 'Decrypt' }, (r) => r.eventName === 'Decrypt'],
    ['key', { keyId: key }, (r) => r.resources.some((a) => a.endsWith(key))],
    [
      'key ARN',
      { keyId: `arn:aws:kms:us-east-1:111122223333:key/${key}` },
      (r) => r.resources.some((a) => a.endsWith(key))
    ],
    ['errors', { errorsOnly: true }, (r) => !!r.errorCode],
    ['mutating', { readOnly: false }, (r) => !r.readOnly],
    [
      'narrow time',
      { from: start + 100 * 60_000, to: start + 160 * 60_000 },
      (r) => {
        const t = Date.parse(r.eventTime)
        return t >= start + 100 * 60_000 && t <= start + 160 * 60_000
      }
    ],
    ['wide time', { from: start + 60_000 }, (r) => Date.parse(r.eventTime) >= start + 60_000],
    [
      'text',
      { text: '"TENANT":"T7"' },
      (r) =>
        r.requestParameters?.encryptionContext !== undefined &&
        (r.requestParameters.encryptionContext as Record<string, string>).tenant === 't7'
    ],
    [
      'combined',
      { eventName: 'GenerateDataKey', readOnly: true, keyId: key },
      (r) => r.eventName === 'GenerateDataKey' && r.resources.some((a) => a.endsWith(key))
    ]
  ]
  for (const [name, filter, match] of cases) {
    it(`pages a ${name} filter exactly, in windows across anchors`, async () => {
      const want = expected(match)
      expect(want.length).toBeGreaterThan(0)
      query.page({ filter, offset: 0, limit: 10 })
      await query.searched()
      expect(query.page({ filter, offset: 0, limit: 10 }).total).toBe(want.length)
      expect(all(filter, 100)).toEqual(want)
      expect(all(filter, 77)).toEqual(want)
      const deep = query.page({ filter, offset: 300, limit: 50 })
      expect(deep.rows.map((r) => r.seq)).toEqual(want.slice(300, 350))
    })
  }

  it('answers a text search from the newest matches at once, its total growing to exact', async () => {
    const search = new AuditQuery(log, { scanBudget: 1000 })
    const filter = { text: '"tenant":"t3"' }
    const want = expected(
      (r) =>
        (r.requestParameters?.encryptionContext as Record<string, string> | undefined)?.tenant ===
        't3'
    )
    const first = search.page({ filter, offset: 0, limit: 5 })
    expect(first.searching).toMatchObject({ of: first.head })
    expect(first.searching!.scanned).toBeLessThanOrEqual(1000)
    expect(first.rows.map((r) => r.seq)).toEqual(want.slice(0, 5))
    expect(first.total).toBeLessThan(want.length)
    await search.searched()
    const last = search.page({ filter, offset: 0, limit: 5 })
    expect(last.searching).toBeUndefined()
    expect(last.total).toBe(want.length)
    const deep = search.page({ filter, offset: want.length - 3, limit: 5 })
    expect(deep.rows.map((r) => r.seq)).toEqual(want.slice(-3))
  })

  it('scans only the last search asked for in the background, and resumes a left one', async () => {
    const search = new AuditQuery(log, { scanBudget: 500 })
    const a = search.page({ filter: { text: 't1' }, offset: 0, limit: 1 })
    const b = search.page({ filter: { text: 't2' }, offset: 0, limit: 1 })
    expect(a.searching && b.searching).toBeTruthy()
    await search.searched()
    expect(search.page({ filter: { text: 't2' }, offset: 0, limit: 1 }).searching).toBeUndefined()
    const again = search.page({ filter: { text: 't1' }, offset: 0, limit: 1 })
    expect(again.searching!.scanned).toBeGreaterThanOrEqual(a.searching!.scanned)
    await search.searched()
    expect(search.page({ filter: { text: 't1' }, offset: 0, limit: 1 }).searching).toBeUndefined()
  })

  it('ends a search whose connection was closed with an AWS-style error', async () => {
    const db = openAuditDb(dir, rootKey, false)
    const search = new AuditQuery(
      { db, index: log.index, headSeq: log.headSeq },
      { scanBudget: 500 }
    )
    expect(search.page({ filter: { text: 't1' }, offset: 0, limit: 1 }).searching).toBeDefined()
    db.close()
    await search.searched()
    expect(() => search.page({ filter: { text: 't1' }, offset: 0, limit: 1 })).toThrow(
      expect.objectContaining({
        name: 'LabStoreException',
        message: 'The audit log is closed.'
      })
    )
  })

  it('pins a view to its head while records are added', async () => {
    const first = query.page({ filter: { eventName: 'Decrypt' }, offset: 0, limit: 5 })
    await log.append(syntheticRecord(1))
    const again = query.page({
      filter: { eventName: 'Decrypt' },
      offset: 0,
      limit: 5,
      head: first.head
    })
    expect(again).toEqual(first)
    expect(query.page({ filter: {}, offset: 0, limit: 1 }).head).toBe(first.head + 1)
  })
})
