// The endpoint in-process on a real lab store: SDK calls per region, the observer's records,
// the admin routes (health, clock, reset) and what reset keeps.
import { CreateKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallRecord } from '../../src/main/backends/call-record'
import { CREDENTIALS_META, CredentialSet } from '../../src/main/http/credentials'
import { startEndpoint, type Endpoint } from '../../src/main/http/server'
import { withTempLab } from '../helpers/lab'
import { send, signRequest } from '../helpers/sign'

const credential = { accessKeyId: 'KEYLABSERVERTEST0001', secretAccessKey: 'server-test-secret' }
const records: CallRecord[] = []
let observerDelay = 0
let endpoint: Endpoint
let resettable: Endpoint
let temp: ReturnType<typeof withTempLab>

const client = (url: string, region = 'us-east-1'): KMSClient =>
  new KMSClient({ endpoint: url, region, credentials: { ...credential }, maxAttempts: 1 })

const admin = async (e: Endpoint, method: string, route: string, body?: unknown) =>
  send(
    e.url,
    await signRequest({
      url: e.url,
      credentials: credential,
      method,
      path: `/_keylab/${route}`,
      body
    })
  )

beforeAll(async () => {
  temp = withTempLab()
  await temp.lab.engine.setMeta(CREDENTIALS_META, JSON.stringify([credential]))
  const common = {
    engine: temp.lab.engine,
    credentials: new CredentialSet([credential]),
    port: 0,
    version: 'test'
  }
  endpoint = await startEndpoint({
    ...common,
    observe: async (r) => {
      await new Promise((resolve) => setTimeout(resolve, observerDelay))
      records.push(r)
    }
  })
  resettable = await startEndpoint({ ...common, allowReset: true })
})
afterAll(async () => {
  await endpoint.close()
  await resettable.close()
  await temp.cleanup()
})

describe('lab endpoint', () => {
  it('serves the SDK, with keys kept per region of the signature', async () => {
    const east = client(endpoint.url, 'us-east-1')
    const west = client(endpoint.url, 'eu-west-1')
    const { KeyMetadata: md } = await east.send(new CreateKeyCommand({ Description: 'east' }))
    expect(md?.Arn).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\//)
    expect(md?.CreationDate).toBeInstanceOf(Date)
    const eastKeys = await east.send(new ListKeysCommand({}))
    const westKeys = await west.send(new ListKeysCommand({}))
    expect(eastKeys.Keys?.map((k) => k.KeyId)).toContain(md?.KeyId)
    expect(westKeys.Keys?.map((k) => k.KeyId)).not.toContain(md?.KeyId)
  })

  it('hands every call to the observer, awaited before the answer, with the request id', async () => {
    records.length = 0
    observerDelay = 150
    const started = Date.now()
    const r = await send(
      endpoint.url,
      await signRequest({
        url: endpoint.url,
        credentials: credential,
        target: 'DescribeKey',
        body: { KeyId: 'alias/none' },
        region: 'eu-west-2',
        headers: { 'user-agent': 'contract-test/1.0' }
      })
    )
    observerDelay = 0
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(r.status).toBe(400)
    expect(r.json()).toEqual({
      __type: 'NotFoundException',
      message: 'Alias arn:aws:kms:eu-west-2:111122223333:alias/none is not found.'
    })
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      operation: 'DescribeKey',
      input: { KeyId: 'alias/none' },
      region: 'eu-west-2',
      via: 'endpoint',
      accessKeyId: credential.accessKeyId,
      accountId: '111122223333',
      sourceIp: '127.0.0.1',
      userAgent: 'contract-test/1.0',
      requestId: r.headers['x-amzn-requestid'],
      backend: { kind: 'lab' }
    })
    expect(records[0].error?.name).toBe('NotFoundException')
  })

  it('closes only after a call whose client went away has been observed', async () => {
    const observed: string[] = []
    const lab = withTempLab()
    const own = await startEndpoint({
      engine: lab.lab.engine,
      credentials: new CredentialSet([credential]),
      port: 0,
      observe: async (r) => {
        await new Promise((resolve) => setTimeout(resolve, 300))
        observed.push(r.operation)
      }
    })
    const req = await signRequest({
      url: own.url,
      credentials: credential,
      target: 'ListKeys',
      body: {}
    })
    const head = Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`)
    const socket = connect(own.port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write(
      `POST / HTTP/1.1\r\n${head.join('\r\n')}\r\ncontent-length: ${Buffer.byteLength(String(req.body))}\r\n\r\n${req.body}`
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    socket.resetAndDestroy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await own.close()
    expect(observed).toEqual(['ListKeys'])
    await lab.cleanup()
  })

  it('answers health and the lab clock, signed like KMS calls', async () => {
    const health = await admin(endpoint, 'GET', 'health')
    expect(health.status).toBe(200)
    expect(health.json()).toMatchObject({
      status: 'ok',
      accountId: '111122223333',
      allowReset: false,
      version: 'test'
    })
    expect(health.json().operations).toContain('CreateKey')

    const before = (await admin(endpoint, 'GET', 'clock')).json()
    const moved = await admin(endpoint, 'POST', 'clock', { days: 2, hours: 1 })
    expect(moved.status).toBe(200)
    expect(moved.json().offsetMs).toBe((before.offsetMs as number) + 49 * 3_600_000)
    expect((await admin(endpoint, 'POST', 'clock', { days: -1 })).json()).toEqual({
      __type: 'ValidationException',
      message: "'days' must be a whole number of at least 0."
    })
    expect((await admin(endpoint, 'POST', 'clock', { weeks: 1 })).json().__type).toBe(
      'ValidationException'
    )
    const unsigned = await send(endpoint.url, {
      method: 'GET',
      path: '/_keylab/health',
      headers: { host: new URL(endpoint.url).host },
      body: ''
    })
    expect(unsigned.json().__type).toBe('MissingAuthenticationTokenException')
    expect((await admin(endpoint, 'GET', 'nothing')).status).toBe(404)
    expect((await admin(endpoint, 'DELETE', 'clock')).status).toBe(405)
  })

  it('resets only when allowed: everything goes but the account and the credentials', async () => {
    const refused = await admin(endpoint, 'POST', 'reset')
    expect(refused.json()).toEqual({
      __type: 'AccessDeniedException',
      message: 'Resetting the lab is off: start keylab serve with --allow-reset to allow it.'
    })
    const east = client(resettable.url)
    await east.send(new CreateKeyCommand({}))
    expect((await east.send(new ListKeysCommand({}))).Keys?.length).toBeGreaterThan(0)
    const done = await admin(resettable, 'POST', 'reset')
    expect(done.status).toBe(200)
    expect(done.json()).toMatchObject({ reset: true, clock: { offsetMs: 0 } })
    expect((await east.send(new ListKeysCommand({}))).Keys).toEqual([])
    expect(temp.lab.engine.meta(CREDENTIALS_META)).toBe(JSON.stringify([credential]))
    expect(temp.lab.engine.accountId).toBe('111122223333')
    const { KeyMetadata } = await east.send(new CreateKeyCommand({}))
    expect(KeyMetadata?.KeyState).toBe('Enabled')
  })
})
