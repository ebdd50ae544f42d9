// An export's text filter finds exactly the records the table's does: the table asks SQLite's
// LIKE (audit-query.ts), the export tests each record's text itself (audit-export.ts).
import Database from 'better-sqlite3-multiple-ciphers'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { matches } from '../../../../src/main/audit/audit-export'
import { likePattern } from '../../../../src/main/audit/audit-query'
import { syntheticRecord } from '../../../helpers/synthetic-calls'

const db = new Database(':memory:')
const like = db.prepare("select ? like ? escape '\\'").pluck()
const record = syntheticRecord(1)

afterAll(() => db.close())

function agree(body: string, text: string): void {
  const table = like.get(body, likePattern(text.trim())) === 1
  expect(
    matches(record, body, { text }),
    `${JSON.stringify(text)} in ${JSON.stringify(body)}`
  ).toBe(table)
}

describe('the export text filter', () => {
  it('folds case as the table does: ASCII letters only', () => {
    const body =
      '{"requestParameters":{"encryptionContext":{"city":"CAFÉ Zürich","team":"Orders"}}}'
    for (const text of [
      'café',
      'CAFÉ',
      'caf',
      'ORDERS',
      'orders',
      'zürich',
      'ZÜRICH',
      'É',
      '"team":"o'
    ])
      agree(body, text)
    expect(matches(record, body, { text: 'orders' })).toBe(true)
    expect(matches(record, body, { text: 'café' })).toBe(false)
  })

  it('agrees with LIKE on any text, wildcards and escapes included', () => {
    const chars = fc.constantFrom(...'aAzZéÉßẞİı%_\\"{}: 7ǅǆ'.split(''), '😀')
    const text = fc.array(chars, { maxLength: 12 }).map((a) => a.join(''))
    fc.assert(
      fc.property(text, text, text, (before, needle, after) => {
        agree(before + needle + after, needle)
        agree(before + after, needle)
      }),
      { numRuns: 2000 }
    )
  })
})
