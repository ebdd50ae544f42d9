// The lab as an AWS-compatible KMS endpoint over node:http: keep-alive, bounded bodies, a Host
// check, SigV4 on every request, and the engine's own operation table behind it (engine.call),
// so nothing is implemented twice. Each KMS call is handed to the observer (the audit log) and
// awaited before its response is written.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import {
  AccessDeniedException,
  asKmsError,
  KmsError,
  RequestEntityTooLargeException,
  UnknownOperationException,
  UnsupportedOperationException
} from '../../shared/errors'
import { isOperationName, type KmsOperationName } from '../../shared/kms/operations'
import type { CallObserver, CallRecord } from '../backends/call-record'
import type { LabEngine } from '../backends/local/engine'
import { ADMIN_PREFIX, adminRoute } from './admin-routes'
import { hostChecker } from './allowed-hosts'
import { CONTENT_TYPE, decodeInput, encodeError, encodeOutput, targetOperation } from './codec'
import { lookupAccessKey } from '../backends/local/iam/access-key-lookup'
import type { CredentialSet } from './credentials'
import { verifySignature, type Signer } from './sigv4'
import { UNSERVED_KMS_OPERATIONS } from './wire-members'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 4599
/** Far above KMS's largest request (a 32 KB key policy with 50 tags), far below harm. */
export const MAX_BODY_BYTES = 1024 * 1024

export interface EndpointOptions {
  engine: LabEngine
  credentials: CredentialSet
  host?: string
  /** 0 picks a free port. */
  port?: number
  allowReset?: boolean
  observe?: CallObserver
  maxBodyBytes?: number
  /** Real time for the signature window (tests inject one). */
  now?: () => number
  version?: string
}

export interface Endpoint {
  url: string
  host: string
  port: number
  credentials: CredentialSet
  /** Stops accepting, lets in-flight requests finish (and their observer), then closes. */
  close(): Promise<void>
}

const misdirected = (host: string | undefined): KmsError =>
  new KmsError(
    'MisdirectedRequest',
    `KeyLab's endpoint answers only requests addressed to it; the Host header '${host ?? ''}' is not its address.`
  )

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const tooLarge = (): KmsError =>
    new RequestEntityTooLargeException(`The request body is larger than ${max} bytes.`)
  if (Number(req.headers['content-length']) > max) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        req.removeAllListeners('data')
        req.pause()
        reject(tooLarge())
      } else chunks.push(chunk)
    })
    let ended = false
    req.on('end', () => {
      ended = true
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size))
    })
    req.on('close', () => {
      if (!ended) reject(new Error('the client closed the connection mid-request'))
    })
    req.on('error', reject)
  })
}

export async function startEndpoint(options: EndpointOptions): Promise<Endpoint> {
  const { engine, credentials, observe } = options
  // Principals' access keys (the lab's IAM) sign too, each as its principal.
  credentials.withDirectory((accessKeyId) => lookupAccessKey(engine, accessKeyId))
  const host = options.host ?? DEFAULT_HOST
  const max = options.maxBodyBytes ?? MAX_BODY_BYTES
  const now = options.now ?? Date.now
  const admin = { engine, allowReset: options.allowReset ?? false, version: options.version ?? '' }
  let allowsHost: (header: string | undefined) => boolean = () => false
  let inFlight = 0
  let closing = false
  let drained: (() => void) | undefined

  function send(
    res: ServerResponse,
    status: number,
    body: string,
    requestId: string,
    type = CONTENT_TYPE
  ): void {
    if (res.headersSent || res.destroyed) return
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'x-amzn-RequestId': requestId
    }
    if (closing || status === 413) headers.Connection = 'close'
    res.writeHead(status, headers)
    res.end(body)
  }

  function sendError(res: ServerResponse, error: KmsError, requestId: string): void {
    const wire = encodeError(error)
    send(res, error.name === 'MisdirectedRequest' ? 421 : wire.status, wire.body, requestId)
  }

  async function callOperation(
    op: KmsOperationName,
    body: Buffer,
    signer: Signer,
    req: IncomingMessage,
    requestId: string,
    startedAt: number
  ): Promise<{ status: number; body: string }> {
    const record: CallRecord = {
      operation: op,
      input: undefined,
      region: signer.region,
      startedAt,
      labTime: engine.clock.now(),
      requestId,
      principalArn: signer.credential.principalArn,
      accessKeyId: signer.credential.accessKeyId,
      accountId: engine.accountId,
      sourceIp: req.socket.remoteAddress,
      userAgent: req.headers['user-agent'],
      backend: { kind: 'lab', label: 'Local lab' },
      via: 'endpoint'
    }
    let answer: { status: number; body: string }
    try {
      record.input = decodeInput(body)
      record.output = await engine.call(op, record.input, {
        region: signer.region,
        principalArn: signer.credential.principalArn,
        sourceIp: record.sourceIp,
        userAgent: record.userAgent
      })
      answer = { status: 200, body: encodeOutput(record.output) }
    } catch (e) {
      record.error = asKmsError(e)
      answer = encodeError(record.error)
    }
    await observe?.(record)
    return answer
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string
  ): Promise<void> {
    const startedAt = Date.now()
    if (!allowsHost(req.headers.host)) throw misdirected(req.headers.host)
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const path = q < 0 ? url : url.slice(0, q)
    const isAdmin = path.startsWith(ADMIN_PREFIX)
    if (!isAdmin && (req.method !== 'POST' || path !== '/')) {
      throw new UnknownOperationException(
        `KeyLab's endpoint serves KMS at POST / and its own routes under ${ADMIN_PREFIX}.`
      )
    }
    const body = await readBody(req, max)
    const op = isAdmin ? '' : targetOperation(req.headers)
    const signed = {
      method: req.method ?? 'GET',
      url,
      headers: req.headers,
      headersDistinct: req.headersDistinct,
      body
    }
    const signer = await verifySignature(signed, credentials, now())
    if (isAdmin) {
      if (signer.credential.principalKey) {
        throw new AccessDeniedException(
          `KeyLab's ${ADMIN_PREFIX} routes take the endpoint's own credentials, not a lab principal's access key.`
        )
      }
      const answer = await adminRoute(admin, signed.method, path, body)
      return send(res, answer.status, JSON.stringify(answer.body), requestId, 'application/json')
    }
    if (!isOperationName(op)) {
      throw UNSERVED_KMS_OPERATIONS.has(op)
        ? new UnsupportedOperationException(`KeyLab's lab does not implement ${op}.`)
        : new UnknownOperationException(`${op} is not an operation of KMS.`)
    }
    const answer = await callOperation(op, body, signer, req, requestId, startedAt)
    send(res, answer.status, answer.body, requestId)
  }

  const server: Server = createServer((req, res) => {
    inFlight++
    const requestId = randomUUID()
    // A request is done once its handler has settled (the call and its audit record) and its
    // response has closed: a client that goes away mid-call leaves the call running, and close()
    // waits for it rather than closing the store and the audit log under it.
    let left = 2
    const done = (): void => {
      if (--left === 0 && --inFlight === 0 && closing) drained?.()
    }
    res.once('close', done)
    handle(req, res, requestId)
      .catch((e) => sendError(res, asKmsError(e), requestId))
      .finally(done)
  })
  // A client that half-closes after sending its request still gets the answer (Node aborts it
  // otherwise); the socket is ended once that answer is written.
  ;(server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true
  server.keepAliveTimeout = 60_000
  server.headersTimeout = 65_000
  server.requestTimeout = 60_000
  server.on('clientError', (_err, socket) => {
    // A request that cannot be parsed after a whole one still being answered (pipelined): that
    // answer is sent first, then the connection closes. Otherwise (a request cut short, say) a
    // bare 400 goes to a socket nothing was written to yet, as Node's own handler does.
    const conn = socket as Socket & { _httpMessage?: ServerResponse }
    const pending = conn._httpMessage
    if (pending && !pending.writableFinished && pending.req.complete) {
      pending.shouldKeepAlive = false
      pending.once('finish', () => socket.destroy())
      pending.once('close', () => socket.destroy())
    } else if (conn.writable && conn.bytesWritten === 0) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    } else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  allowsHost = hostChecker(host, port)
  const urlHost = host.includes(':') ? `[${host}]` : host
  let closed: Promise<void> | undefined

  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    credentials,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true
        // Resolves once no connection is left and no call is still running (a call whose
        // client went away has no connection any more, but its audit record is still to come).
        let listening = true
        let running = true
        const settle = (): void => {
          if (!listening && !running) resolve()
        }
        server.close(() => {
          listening = false
          settle()
        })
        server.closeIdleConnections()
        const finish = (): void => {
          running = false
          server.closeAllConnections()
          settle()
        }
        if (inFlight === 0) finish()
        else drained = finish
        setTimeout(finish, 30_000).unref()
      })
      return closed
    }
  }
}
