import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeWire, encodeWire } from '../../../src/shared/ipc/wire-codec'
import { fromBase64, toBase64 } from '../../../src/shared/ipc/base64'
import { errorFromWire, NotFoundException, KmsError } from '../../../src/shared/errors'

describe('wire codec', () => {
  it('round-trips bytes, dates and members that look like tags', () => {
    const value = {
      CiphertextBlob: new Uint8Array([0, 1, 2, 255]),
      CreationDate: new Date(1700000000123),
      EncryptionContext: { $b: 'not a blob', $$x: 'y', plain: 'z' },
      list: [new Uint8Array(0), { $d: 'not a date' }]
    }
    expect(decodeWire(encodeWire(value))).toEqual(value)
  })

  it('decodes in place without letting a member named __proto__ change a prototype', () => {
    const decoded = decodeWire('{"__proto__": {"$d": 5}, "a": [{"$b": "AAE="}]}') as Record<
      string,
      unknown
    >
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual(new Date(5))
    expect(decoded.a).toEqual([new Uint8Array([0, 1])])
  })

  it('writes plain data as plain JSON, and reads a "$ inside a string value right', () => {
    const keys = [{ keyId: 'k', aliases: ['alias/a'], enabled: true, n: 1 }]
    expect(encodeWire({ keys })).toBe(JSON.stringify({ keys }))
    const tricky = { Description: 'costs "$5"', nested: [{ at: new Date(7) }] }
    expect(decodeWire(encodeWire(tricky))).toEqual(tricky)
    expect(decodeWire(JSON.stringify({ Description: 'say "$b"' }))).toEqual({
      Description: 'say "$b"'
    })
  })

  it('round-trips any JSON-like value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(decodeWire(encodeWire(value))).toEqual(JSON.parse(JSON.stringify(value)))
      })
    )
  })

  it('base64 matches Node for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const b64 = toBase64(bytes)
        expect(b64).toBe(Buffer.from(bytes).toString('base64'))
        expect(fromBase64(b64)).toEqual(bytes)
      })
    )
    expect(fromBase64('not base64!')).toBeUndefined()
  })
})

describe('error wire form', () => {
  it('revives a known error into its class and keeps unknown names', () => {
    const e = errorFromWire(new NotFoundException('gone').toWire())
    expect(e).toBeInstanceOf(NotFoundException)
    expect(e).toBeInstanceOf(KmsError)
    expect([e.name, e.message, e.fault]).toEqual(['NotFoundException', 'gone', 'client'])
    const u = errorFromWire({ name: 'SomeNewAwsException', message: 'm', fault: 'server' })
    expect([u.name, u.fault]).toEqual(['SomeNewAwsException', 'server'])
  })
})
