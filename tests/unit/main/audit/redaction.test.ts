// Redaction by allow-list, for every operation: each member of the SDK's request and response
// gets a recognizable value; what the allow-list keeps shows up in the record, everything else
// (and every byte value in any encoding) does not, also when an error message echoes it.
import { describe, expect, it } from 'vitest'
import { AUDIT_RULES } from '../../../../src/main/audit/redaction-rules'
import { cloudTrailName } from '../../../../src/main/audit/redaction'
import { recordFromCall } from '../../../../src/main/audit/record-builder'
import { canonicalJson } from '../../../../src/main/audit/canonical-json'
import { csvLine, toCloudTrail } from '../../../../src/main/audit/cloudtrail'
import type { CallRecord } from '../../../../src/main/backends/call-record'
import { KmsError } from '../../../../src/shared/errors'
import { OPERATION_NAMES, type KmsOperationName } from '../../../../src/shared/kms/operations'
import { MEMBERS, SECRET_MEMBERS, type Kind } from './redaction-fields'

const DATE = new Date(Date.UTC(2031, 0, 2, 3, 4, 5))
const DATE_TEXT = 'Jan 2, 2031, 3:04:05 AM'
let counter = 4_200_000

function bytes(marker: string): Uint8Array {
  return new TextEncoder().encode(`BYTES:${marker}`)
}

/** A recognizable value of a kind; `marker` is in every string and byte value it holds. */
function valueOf(kind: Kind, marker: string, member: string): unknown {
  switch (kind) {
    case 's':
      return `${marker}:s`
    case 'b':
      return bytes(marker)
    case 'n':
      return ++counter
    case 't':
      return true
    case 'd':
      return DATE
    case 'm':
      return { [`${marker}:k`]: `${marker}:v` }
    case 'l':
      return [`${marker}:l1`, `${marker}:l2`]
    case 'tags':
      return [{ TagKey: `${marker}:tk`, TagValue: `${marker}:tv` }]
    case 'lo':
      return [{ Name: `${marker}:lo`, Blob: bytes(`${marker}:lo`) }]
    case 'o':
      if (member === 'Constraints') {
        return { EncryptionContextSubset: { [`${marker}:k`]: `${marker}:v` }, Other: bytes(marker) }
      }
      return {
        Nested: `${marker}:o`,
        CreationDate: DATE,
        List: [`${marker}:ol`],
        Blob: bytes(`${marker}:o`),
        Deeper: { Blob: bytes(`${marker}:od`), Text: `${marker}:od` }
      }
  }
}

function build(op: KmsOperationName, side: 'request' | 'response'): Record<string, unknown> {
  const members = MEMBERS[op][side] as Record<string, Kind>
  return Object.fromEntries(
    Object.entries(members).map(([m, kind]) => [m, valueOf(kind, `<${op}.${side}.${m}>`, m)])
  )
}

function call(
  op: KmsOperationName,
  input: unknown,
  output?: unknown,
  error?: KmsError
): CallRecord {
  return {
    operation: op,
    input,
    output,
    error,
    region: 'us-east-1',
    startedAt: Date.UTC(2026, 0, 1),
    requestId: 'req-1',
    accountId: '111122223333',
    backend: { kind: 'lab', label: 'Local lab' },
    via: 'endpoint',
    sourceIp: '127.0.0.1',
    userAgent: 'test-agent'
  }
}

/** Every form a byte value could take in the record, the export and the CSV. */
function byteForms(value: Uint8Array): string[] {
  const b = Buffer.from(value)
  return [
    b.toString('base64'),
    b.toString('hex'),
    b.toString('base64url'),
    JSON.stringify(Array.from(value))
  ]
}

function allBytes(v: unknown, out: Uint8Array[] = []): Uint8Array[] {
  if (v instanceof Uint8Array) out.push(v)
  else if (Array.isArray(v)) v.forEach((x) => allBytes(x, out))
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => allBytes(x, out))
  return out
}

function texts(c: CallRecord): string {
  const record = recordFromCall(c, 'event-1')
  return [canonicalJson(record), JSON.stringify(toCloudTrail(record, 1)), csvLine(record, 1)].join(
    '\n'
  )
}

describe('audit redaction (allow-list per operation)', () => {
  it('has a rule for every operation, and no rule keeps a secret member', () => {
    expect(Object.keys(AUDIT_RULES).sort()).toEqual([...OPERATION_NAMES].sort())
    for (const op of OPERATION_NAMES) {
      const rule = AUDIT_RULES[op]
      for (const m of [...Object.keys(rule.request), ...Object.keys(rule.response ?? {})]) {
        expect(SECRET_MEMBERS, `${op} keeps ${m}`).not.toContain(m)
      }
    }
  })

  for (const op of OPERATION_NAMES) {
    it(`${op}: keeps what its rule lists, and nothing else`, () => {
      const input = build(op, 'request')
      const output = build(op, 'response')
      const record = recordFromCall(call(op, input, output), 'event-1')
      const text = texts(call(op, input, output))
      for (const side of ['request', 'response'] as const) {
        const rule = (AUDIT_RULES[op][side] ?? {}) as Record<string, unknown>
        const kept = (side === 'request' ? record.requestParameters : record.responseElements) ?? {}
        for (const [member, kind] of Object.entries(MEMBERS[op][side] as Record<string, Kind>)) {
          const marker = `<${op}.${side}.${member}>`
          if (rule[member] && kind !== 'b') {
            expect(kept, `${marker} is kept`).toHaveProperty([cloudTrailName(member)])
            if (['s', 'm', 'l', 'tags', 'o'].includes(kind)) expect(text).toContain(marker)
            if (kind === 'd') expect(kept[cloudTrailName(member)]).toBe(DATE_TEXT)
          } else {
            expect(kept, `${marker} is left out`).not.toHaveProperty([cloudTrailName(member)])
            expect(text, `${marker} is left out`).not.toContain(marker)
          }
        }
      }
      for (const b of allBytes([input, output])) {
        for (const form of byteForms(b)) expect(text).not.toContain(form)
      }
      expect(text).not.toContain('BYTES:')
    })

    it(`${op}: an error message that echoes the request loses every value left out`, () => {
      const input = build(op, 'request')
      const echoed = Object.entries(input)
        .map(
          ([m, v]) =>
            `Value ${JSON.stringify(v)} at '${cloudTrailName(m)}' failed to satisfy constraint`
        )
        .join('; ')
      const error = new KmsError('ValidationException', `1 validation error detected: ${echoed}`)
      const c = call(op, input, undefined, error)
      const record = recordFromCall(c, 'event-1')
      expect(record).toMatchObject({ errorCode: 'ValidationException', responseElements: null })
      const text = texts(c)
      const rule = AUDIT_RULES[op].request as Record<string, unknown>
      for (const member of Object.keys(input)) {
        if (!rule[member])
          expect(text, `${op}.${member} echoed`).not.toContain(`<${op}.request.${member}>`)
      }
      for (const b of allBytes(input))
        for (const form of byteForms(b)) expect(text).not.toContain(form)
    })
  }

  it('writes dates as CloudTrail does, in UTC', () => {
    const record = recordFromCall(
      call(
        'ScheduleKeyDeletion',
        { KeyId: 'k' },
        { DeletionDate: new Date(Date.UTC(2021, 3, 12, 18, 58, 30)) }
      ),
      'e'
    )
    expect(record.responseElements).toEqual({ deletionDate: 'Apr 12, 2021, 6:58:30 PM' })
  })
})
