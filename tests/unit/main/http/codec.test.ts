import { describe, expect, it } from 'vitest'
import {
  decodeInput,
  encodeError,
  encodeOutput,
  targetOperation
} from '../../../../src/main/http/codec'
import {
  KMSInternalException,
  NotFoundException,
  RequestEntityTooLargeException
} from '../../../../src/shared/errors'

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v))

function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn()
  } catch (e) {
    return e as { name: string; message: string }
  }
  throw new Error('expected a throw')
}

describe('AWS JSON 1.1 codec', () => {
  const headers = (target?: string, type = 'application/x-amz-json-1.1') => ({
    'content-type': type,
    ...(target === undefined ? {} : { 'x-amz-target': target })
  })

  it('reads the operation from X-Amz-Target with the JSON 1.1 content type', () => {
    expect(targetOperation(headers('TrentService.CreateKey'))).toBe('CreateKey')
    expect(
      targetOperation(headers('TrentService.Encrypt', 'application/x-amz-json-1.1; charset=utf-8'))
    ).toBe('Encrypt')
  })

  it('answers a missing or foreign target and a wrong content type with UnknownOperationException', () => {
    for (const h of [
      headers(undefined),
      headers('DynamoDB_20120810.ListTables'),
      headers('TrentService.'),
      headers('TrentService.create-key'),
      headers('TrentService.CreateKey', 'application/json'),
      headers('TrentService.CreateKey', '')
    ]) {
      expect(thrown(() => targetOperation(h)).name).toBe('UnknownOperationException')
    }
  })

  it('decodes blobs and timestamps by member path, leaving map keys alone', () => {
    const input = decodeInput(
      json({
        KeyId: 'k',
        Plaintext: Buffer.from('hello').toString('base64'),
        EncryptionContext: { Plaintext: 'stays a string', CiphertextBlob: 'also' },
        Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument: 'AAEC' },
        ValidTo: 1767225600.5
      })
    )
    expect(Buffer.from(input.Plaintext as Uint8Array).toString()).toBe('hello')
    expect(input.EncryptionContext).toEqual({ Plaintext: 'stays a string', CiphertextBlob: 'also' })
    expect([...(input.Recipient as Record<string, Uint8Array>).AttestationDocument]).toEqual([
      0, 1, 2
    ])
    expect(input.ValidTo).toEqual(new Date(1767225600500))
    expect(input.KeyId).toBe('k')
  })

  it('takes standard base64 with or without its padding', () => {
    for (const text of ['aGVsbG8=', 'aGVsbG8', 'aGk=', 'aGk', '+/+/', '']) {
      const input = decodeInput(json({ Plaintext: text }))
      expect(Buffer.from(input.Plaintext as Uint8Array).toString('base64')).toBe(
        Buffer.from(text, 'base64').toString('base64')
      )
    }
    expect(
      Buffer.from(decodeInput(json({ Plaintext: 'aGVsbG8' })).Plaintext as Uint8Array).toString()
    ).toBe('hello')
  })

  it('treats null members as absent and an empty body as {}', () => {
    expect(decodeInput(json({ Plaintext: null, KeyId: 'k' }))).toEqual({ KeyId: 'k' })
    expect(decodeInput(Buffer.alloc(0))).toEqual({})
  })

  it('answers malformed bodies and members with SerializationException', () => {
    const cases: Array<[Buffer, string]> = [
      [Buffer.from('{"KeyId":'), 'The request body is not valid JSON.'],
      [Buffer.from('\xff\xfe'), 'The request body is not valid JSON.'],
      [json([1, 2]), 'Start of list found where not expected'],
      [json('text'), 'The request body must be a JSON object.'],
      [json({ Plaintext: 'not base64!' }), 'Plaintext must be a base64-encoded string.'],
      [json({ Plaintext: 'abcde' }), 'Plaintext must be a base64-encoded string.'],
      [json({ Plaintext: 'ab+/c=d=' }), 'Plaintext must be a base64-encoded string.'],
      [json({ Plaintext: 'ab-_' }), 'Plaintext must be a base64-encoded string.'],
      [json({ Plaintext: 'aGk===' }), 'Plaintext must be a base64-encoded string.'],
      [json({ Plaintext: 'A=' }), 'Plaintext must be a base64-encoded string.'],
      [json({ Plaintext: 'aGVs bG8=' }), 'Plaintext must be a base64-encoded string.'],
      [json({ CiphertextBlob: 12 }), 'CiphertextBlob must be a base64-encoded string.'],
      [json({ ValidTo: '2026-01-01' }), 'ValidTo must be a timestamp in epoch seconds.'],
      [json({ Recipient: 'x' }), 'Expected null'],
      [
        json({ Recipient: { AttestationDocument: [] } }),
        'Recipient.AttestationDocument must be a base64-encoded string.'
      ]
    ]
    for (const [body, message] of cases) {
      expect(thrown(() => decodeInput(body))).toMatchObject({
        name: 'SerializationException',
        message
      })
    }
  })

  it('refuses a body that is not UTF-8 rather than reading it with replacement characters', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"KeyId":"alias/'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}')
    ])
    expect(thrown(() => decodeInput(bytes))).toMatchObject({
      name: 'SerializationException',
      message: 'The request body is not valid UTF-8.'
    })
    expect(decodeInput(Buffer.from('{"KeyId":"alias/caf\u00e9"}'))).toEqual({ KeyId: 'alias/café' })
  })

  it('encodes bytes as base64, dates as fractional epoch seconds, and drops undefined', () => {
    const out = JSON.parse(
      encodeOutput({
        CiphertextBlob: Buffer.from([1, 2, 3]),
        View: new Uint8Array(new TextEncoder().encode('xyz01234').buffer, 3, 2),
        KeyMetadata: { CreationDate: new Date(1767225600123), Description: undefined },
        Aliases: [{ LastUpdatedDate: new Date(0) }],
        Truncated: false
      })
    )
    expect(out).toEqual({
      CiphertextBlob: 'AQID',
      View: Buffer.from('01').toString('base64'),
      KeyMetadata: { CreationDate: 1767225600.123 },
      Aliases: [{ LastUpdatedDate: 0 }],
      Truncated: false
    })
    expect(encodeOutput(undefined)).toBe('{}')
  })

  it('writes the JSON text JSON.stringify would, escapes included', () => {
    const output = {
      KeyId: 'arn:aws:kms:us-east-1:111122223333:key/k',
      Description: 'quote " backslash \\ newline \n tab \t \u2028 é 🔑',
      'odd "key"': [1, 2.5, -0, null, true, 'x', undefined, { a: undefined, b: [] }],
      Tags: [],
      Policy: '{"Version":"2012-10-17"}',
      Nested: { Deeper: { N: 1e21, Small: 1e-7 } }
    }
    expect(encodeOutput(output)).toBe(JSON.stringify(output))
  })

  it('answers errors as {"__type", "message"} with 400 for client and 500 for server faults', () => {
    expect(encodeError(new NotFoundException('gone'))).toEqual({
      status: 400,
      body: '{"__type":"NotFoundException","message":"gone"}'
    })
    expect(encodeError(new KMSInternalException('boom')).status).toBe(500)
    expect(encodeError(new RequestEntityTooLargeException('big')).status).toBe(413)
  })
})
