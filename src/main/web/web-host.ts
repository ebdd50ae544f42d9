// The web bridge: the same main-process services as the desktop app, for the real renderer in
// a plain browser (dev:web, e2e tests). Loopback only; every RPC needs the per-run token, a
// Host header naming this server and, when sent, an Origin of this server.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Apis } from '../../shared/ipc/contract'
import { decodeWire, encodeWire } from '../../shared/ipc/wire-codec'
import { dispatch, MAX_INPUT_BYTES } from '../rpc/dispatch'
import { CONTENT_SECURITY_POLICY } from '../security'
import { readStatic } from './static-files'

export interface WebHostOptions {
  services: Apis
  /** The built renderer (out/renderer). */
  rendererDir: string
  host?: string
  port?: number
  token?: string
}

export interface WebHost {
  url: string
  /** The URL to open: carries the token the page needs. */
  openUrl: string
  token: string
  close(): Promise<void>
}

const RPC = /^\/rpc\/([A-Za-z]+)\/([A-Za-z]+)$/

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? randomBytes(24).toString('base64url')
  let allowedHosts: Set<string> = new Set()
  let origin = ''

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain', 'internal error'))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain', 'wrong Host')
    const url = req.url ?? '/'
    const rpc = RPC.exec(url)
    if (!rpc) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'text/plain', 'method not allowed')
      const file = await readStatic(options.rendererDir, url)
      if (!file) return send(res, 404, 'text/plain', 'not found')
      return send(res, 200, file.type, file.body)
    }
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed')
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      return send(res, 403, 'text/plain', 'wrong Origin')
    }
    if (!tokenMatches(req.headers.authorization))
      return send(res, 401, 'text/plain', 'missing or wrong token')
    const body = await readBody(req)
    if (body === undefined) return send(res, 413, 'text/plain', 'request too large')
    let input: unknown
    try {
      input = body.length ? decodeWire(body.toString('utf8')) : {}
    } catch {
      return send(res, 400, 'text/plain', 'malformed request body')
    }
    const result = await dispatch(options.services, rpc[1], rpc[2], input)
    send(res, 200, 'application/json', encodeWire(result))
  }

  function tokenMatches(header: string | undefined): boolean {
    const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '')
    const expected = Buffer.from(token)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  allowedHosts = new Set([
    `${host}:${port}`,
    ...(host === '127.0.0.1' ? [`localhost:${port}`] : [])
  ])
  origin = `http://${host}:${port}`
  const url = `${origin}/`
  return {
    url,
    openUrl: `${url}?token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_INPUT_BYTES * 2) {
        resolve(undefined)
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  if (res.headersSent) return
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store'
  })
  res.end(body)
}
