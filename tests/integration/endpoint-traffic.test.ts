// Bad traffic against the endpoint: garbage and huge bodies, wrong targets, bad signatures, a
// wrong Host, half-closed and broken connections, and 1,000 requests at once. Every request gets
// its right answer, and the endpoint keeps serving afterwards.
import { randomBytes } from 'node:crypto'
import { Agent } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CredentialSet } from '../../src/main/http/credentials'
import { startEndpoint, type Endpoint } from '../../src/main/http/server'
import { withTempLab } from '../helpers/lab'
import { kmsCall, send, signRequest, type RawRequest } from '../helpers/sign'

const credential = { accessKeyId: 'KEYLABTRAFFICTEST001', secretAccessKey: 'traffic-secret' }
let endpoint: Endpoint
let temp: ReturnType<typeof withTempLab>
let host: string

beforeAll(async () => {
  temp = withTempLab()
  endpoint = await startEndpoint({
    engine: temp.lab.engine,
    credentials: new CredentialSet([credential]),
    port: 0,
    maxBodyBytes: 64 * 1024
  })
  host = new URL(endpoint.url).host
})
afterAll(async () => {
  await endpoint.close()
  await temp.cleanup()
})

const signed = (
  target: string,
  body: unknown,
  extra: Partial<Parameters<typeof signRequest>[0]> = {}
) => signRequest({ url: endpoint.url, credentials: credential, target, body, ...extra })

/** Writes raw bytes on a fresh connection and collects whatever comes back until it closes. */
function raw(bytes: Buffer | string, { halfClose = true, waitMs = 2000 } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(endpoint.port, '127.0.0.1')
    let out = ''
    const done = (): void => {
      socket.destroy()
      resolve(out)
    }
    const timer = setTimeout(done, waitMs)
    socket.on('data', (c) => (out += c.toString('latin1')))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(out)
    })
    socket.on('error', () => undefined)
    socket.write(bytes, () => {
      if (halfClose) socket.end()
    })
  })
}

function wire(req: RawRequest): string {
  const body = typeof req.body === 'string' ? req.body : req.body.toString('latin1')
  const lines = Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`)
  return `${req.method} ${req.path} HTTP/1.1\r\n${lines.join('\r\n')}\r\ncontent-length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`
}

async function stillServing(): Promise<void> {
  const r = await kmsCall(endpoint.url, credential, 'ListKeys', {})
  expect(r.status).toBe(200)
  expect(r.json()).toHaveProperty('Keys')
}

describe('endpoint under bad traffic', () => {
  it('answers garbage bodies with SerializationException', async () => {
    const bodies = [
      randomBytes(512).toString('latin1'),
      '{"Limit": 1',
      '[]',
      'null',
      '"x"',
      '['.repeat(50_000)
    ]
    for (const body of bodies) {
      const r = await send(endpoint.url, await signed('ListKeys', body))
      expect(r.status).toBe(400)
      expect(r.json().__type).toBe('SerializationException')
    }
    await stillServing()
  })

  it('answers a member of the wrong JSON type as the JSON front end does, before validation', async () => {
    const cases: Array<[string, string, string]> = [
      ['DescribeKey', '{"KeyId": 1}', 'NUMBER_VALUE can not be converted to a String'],
      ['ListKeys', '{"Limit": "10"}', 'STRING_VALUE can not be converted to an Integer'],
      [
        'Encrypt',
        '{"Plaintext": "aGk=", "GrantTokens": [true]}',
        'TRUE_VALUE can not be converted to a String'
      ],
      ['ListKeys', '[]', 'Start of list found where not expected']
    ]
    for (const [op, body, message] of cases) {
      const r = await send(endpoint.url, await signed(op, body))
      expect(r.status).toBe(400)
      expect(r.json()).toEqual({ __type: 'SerializationException', message })
    }
    await stillServing()
  })

  it('refuses JSON nested past any KMS input, with SerializationException', async () => {
    const deep = `{"KeyId":"alias/x","Foo":${'['.repeat(5000)}${']'.repeat(5000)}}`
    const nested = await send(endpoint.url, await signed('DescribeKey', deep))
    expect(nested.status).toBe(400)
    expect(nested.json()).toEqual({
      __type: 'SerializationException',
      message: 'The request body nests deeper than 32 levels.'
    })
    await stillServing()
  })

  it('answers a whole request before closing on an unparsable one pipelined after it', async () => {
    const ok = wire(await signed('CreateKey', { Description: 'pipelined' }))
    const out = await raw(`${ok}NOT HTTP\r\n\r\n`, { halfClose: false, waitMs: 5000 })
    expect(out).toMatch(/^HTTP\/1\.1 200 /)
    expect(out).toContain('"Description":"pipelined"')
    await stillServing()
  })

  it('answers odd signing input with AWS exceptions, never a 500', async () => {
    const badEscape = await send(endpoint.url, await signed('ListKeys', {}, { path: '/?a=%ZZ' }))
    expect(badEscape.status).toBeLessThan(500)
    const inherited = await signed('ListKeys', {})
    inherited.headers.authorization = inherited.headers.authorization.replace(
      'SignedHeaders=',
      'SignedHeaders=constructor;'
    )
    // "constructor" names no header of the request (it was read off Object's prototype: a 500).
    const r = await send(endpoint.url, inherited)
    expect(r.status).toBeLessThan(500)
  })

  it("accepts a signature scoped to one of AWS's newer regions", async () => {
    const r = await send(endpoint.url, await signed('ListKeys', {}, { region: 'mx-central-1' }))
    expect(r.status).toBe(200)
  })

  it('refuses bodies over the limit with RequestEntityTooLargeException, declared or streamed', async () => {
    const big = 'x'.repeat(64 * 1024 + 1)
    const declared = await send(endpoint.url, await signed('ListKeys', big))
    expect(declared.status).toBe(413)
    expect(declared.json()).toEqual({
      __type: 'RequestEntityTooLargeException',
      message: 'The request body is larger than 65536 bytes.'
    })
    const chunked = await raw(
      `POST / HTTP/1.1\r\nhost: ${host}\r\ntransfer-encoding: chunked\r\n\r\n` +
        `10000\r\n${'y'.repeat(0x10000)}\r\n10000\r\n${'y'.repeat(0x10000)}\r\n0\r\n\r\n`
    )
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /)
    expect(chunked).toContain('"__type":"RequestEntityTooLargeException"')
    await stillServing()
  })

  it('answers wrong targets and content types as AWS does', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'x-amz-target': 'TrentService.NoSuchThing' }, 'UnknownOperationException'],
      [{ 'x-amz-target': 'DynamoDB_20120810.ListTables' }, 'UnknownOperationException'],
      [{ 'content-type': 'application/json' }, 'UnknownOperationException'],
      [{ 'x-amz-target': 'TrentService.CreateCustomKeyStore' }, 'UnsupportedOperationException']
    ]
    for (const [headers, type] of cases) {
      const r = await send(endpoint.url, await signed('ListKeys', {}, { headers }))
      expect(r.status).toBe(400)
      expect(r.json().__type).toBe(type)
    }
    const get = await send(endpoint.url, { method: 'GET', path: '/', headers: { host }, body: '' })
    expect(get.json().__type).toBe('UnknownOperationException')
    await stillServing()
  })

  it('refuses bad signatures and unknown keys', async () => {
    const wrong = await signed(
      'ListKeys',
      {},
      { credentials: { ...credential, secretAccessKey: 'nope' } }
    )
    expect((await send(endpoint.url, wrong)).json().__type).toBe('InvalidSignatureException')
    const stranger = await signed(
      'ListKeys',
      {},
      { credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' } }
    )
    expect((await send(endpoint.url, stranger)).json().__type).toBe('UnrecognizedClientException')
    const old = await signed('ListKeys', {}, { signingDate: new Date(Date.now() - 20 * 60_000) })
    expect((await send(endpoint.url, old)).json().message).toMatch(/^Signature expired: /)
    const unsigned = await send(endpoint.url, {
      method: 'POST',
      path: '/',
      headers: {
        host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'TrentService.ListKeys'
      },
      body: '{}'
    })
    expect(unsigned.json().__type).toBe('MissingAuthenticationTokenException')
    await stillServing()
  })

  it('refuses a Host that is not its address (DNS rebinding), even when signed for it', async () => {
    const r = await send(
      endpoint.url,
      await signed('ListKeys', {}, { url: `http://evil.example:${endpoint.port}` })
    )
    expect(r.status).toBe(421)
    expect(r.json().__type).toBe('MisdirectedRequest')
    const local = await send(
      endpoint.url,
      await signed('ListKeys', {}, { url: `http://localhost:${endpoint.port}` })
    )
    expect(local.status).toBe(200)
  })

  it('survives half-closed, truncated and malformed connections', async () => {
    const request = wire(await signed('CreateKey', { Description: 'half-closed' }))
    const answered = await raw(request)
    expect(answered).toMatch(/^HTTP\/1\.1 200 /)
    expect(answered).toContain('"Description":"half-closed"')
    // A request cut short and then half-closed can never complete: HTTP 400, connection closed.
    expect(await raw(request.slice(0, 40))).toMatch(/^HTTP\/1\.1 400 /)
    expect(await raw(request.slice(0, request.length - 5))).toMatch(/^HTTP\/1\.1 400 /)
    expect(await raw('GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /)
    expect(await raw(request.slice(0, request.length - 5), { halfClose: false, waitMs: 200 })).toBe(
      ''
    )
    await stillServing()
  })

  it('answers 1,000 requests in parallel, each correctly', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1000 })
    const kinds = ['CreateKey', 'ListKeys', 'DescribeKey', 'garbage', 'badsig'] as const
    const requests = await Promise.all(
      Array.from({ length: 1000 }, async (_, i) => {
        const kind = kinds[i % kinds.length]
        if (kind === 'CreateKey')
          return { kind, req: await signed('CreateKey', { Description: `parallel ${i}` }) }
        if (kind === 'ListKeys') return { kind, req: await signed('ListKeys', { Limit: 5 }) }
        if (kind === 'DescribeKey')
          return { kind, req: await signed('DescribeKey', { KeyId: 'alias/missing' }) }
        if (kind === 'garbage') return { kind, req: await signed('ListKeys', '{{{') }
        return {
          kind,
          req: await signed(
            'ListKeys',
            {},
            { credentials: { ...credential, secretAccessKey: 'bad' } }
          )
        }
      })
    )
    const answers = await Promise.all(requests.map(({ req }) => send(endpoint.url, req, agent)))
    agent.destroy()
    const expected: Record<string, [number, string]> = {
      CreateKey: [200, ''],
      ListKeys: [200, ''],
      DescribeKey: [400, 'NotFoundException'],
      garbage: [400, 'SerializationException'],
      badsig: [400, 'InvalidSignatureException']
    }
    const created = new Set<string>()
    answers.forEach((a, i) => {
      const [status, type] = expected[requests[i].kind]
      expect(a.status, `${requests[i].kind} #${i}`).toBe(status)
      if (type) expect(a.json().__type).toBe(type)
      if (requests[i].kind === 'CreateKey') {
        const md = a.json().KeyMetadata as { KeyId: string; Description: string }
        expect(md.Description).toBe(`parallel ${i}`)
        created.add(md.KeyId)
      }
    })
    expect(created.size).toBe(200)
    const all = await kmsCall(endpoint.url, credential, 'ListKeys', { Limit: 1000 })
    const listed = new Set((all.json().Keys as Array<{ KeyId: string }>).map((k) => k.KeyId))
    for (const id of created) expect(listed.has(id)).toBe(true)
  })
})
