import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../../src/main/audit/canonical-json'

/** Reference: members sorted by UTF-16 code units, written by hand. */
function reference(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  if (Array.isArray(v))
    return `[${v.map((x) => (x === undefined ? 'null' : reference(x))).join(',')}]`
  const o = v as Record<string, unknown>
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(o[k])}`).join(',')}}`
}

describe('canonical JSON', () => {
  it('sorts members at every depth, integer-like names included, and parses back', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null }, '10': 'x', '9': 'y' })
    ).toBe('{"10":"x","9":"y","a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}')
    expect(canonicalJson(JSON.parse('{"__proto__":1,"4294967294":2,"a":3}'))).toBe(
      '{"4294967294":2,"__proto__":1,"a":3}'
    )
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v)
        expect(text).toBe(reference(v))
        expect(canonicalJson(JSON.parse(text))).toBe(text)
      }),
      { numRuns: 500 }
    )
  })

  it('refuses bytes, dates and non-finite numbers', () => {
    expect(() => canonicalJson({ a: new Uint8Array([1]) })).toThrow(
      'plain objects only, not Uint8Array'
    )
    expect(() => canonicalJson({ a: new Date() })).toThrow('plain objects only, not Date')
    expect(() => canonicalJson({ a: NaN })).toThrow('no NaN or Infinity')
  })
})
