import { request } from 'node:http'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalBackend } from '../../../../src/main/backends/local/local-backend'
import { createServices } from '../../../../src/main/services/services'
import { startWebHost, type WebHost } from '../../../../src/main/web/web-host'
import { decodeWire, encodeWire } from '../../../../src/shared/ipc/wire-codec'
import type { Lab } from '../../../../src/main/backends/local/lab'
import { openTestLab, tempDir } from '../../../helpers/lab'

let lab: Lab
let host: WebHost
let dir: string
let port: number

function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

beforeAll(async () => {
  dir = tempDir()
  lab = openTestLab(dir)
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>KeyLab</title>')
  const services = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region: 'us-east-1',
    version: 't'
  })
  host = await startWebHost({ services, rendererDir })
  port = Number(new URL(host.url).port)
})
afterAll(async () => {
  await host.close()
  await lab.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('web bridge host', () => {
  const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' })

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await call('/', { method: 'GET' })
    expect(page.status).toBe(200)
    expect((await call('/../keylab.json', { method: 'GET' })).status).toBe(404)
    expect((await call('/%2e%2e/keylab.json', { method: 'GET' })).status).toBe(404)
  })

  it('answers RPC with the token, with Result values in the wire codec', async () => {
    const r = await call('/rpc/kms/CreateKey', {
      headers: auth(),
      body: encodeWire({ Description: 'web' })
    })
    expect(r.status).toBe(200)
    const result = decodeWire(r.body) as {
      ok: boolean
      value: { KeyMetadata: { CreationDate: Date } }
    }
    expect(result.ok).toBe(true)
    expect(result.value.KeyMetadata.CreationDate).toBeInstanceOf(Date)
  })

  it('refuses a missing or wrong token, a foreign Origin and a foreign Host', async () => {
    expect((await call('/rpc/kms/ListKeys', { body: '{}' })).status).toBe(401)
    expect(
      (await call('/rpc/kms/ListKeys', { headers: { Authorization: 'Bearer nope' }, body: '{}' }))
        .status
    ).toBe(401)
    expect(
      (
        await call('/rpc/kms/ListKeys', {
          headers: { ...auth(), Origin: 'http://evil.example' },
          body: '{}'
        })
      ).status
    ).toBe(403)
    expect(
      (
        await call('/rpc/kms/ListKeys', {
          headers: { ...auth(), Host: 'evil.example' },
          body: '{}'
        })
      ).status
    ).toBe(421)
  })

  it('answers malformed bodies and unknown methods without crashing', async () => {
    expect((await call('/rpc/kms/ListKeys', { headers: auth(), body: '{not json' })).status).toBe(
      400
    )
    const unknown = decodeWire((await call('/rpc/kms/Nope', { headers: auth(), body: '{}' })).body)
    expect(unknown).toMatchObject({ ok: false, error: { name: 'UnknownOperationException' } })
    expect((await call('/rpc/kms/ListKeys', { method: 'GET' })).status).toBe(405)
  })
})
