// Signed raw requests to the lab endpoint, made the way the SDKs make them (@smithy/signature-v4),
// for tests that need to send what an SDK never would, and a small node:http client.
import { request as httpRequest } from 'node:http'
import { SignatureV4 } from '@smithy/signature-v4'
import { Sha256 } from '../../src/main/http/sha256'

export interface Credentials {
  accessKeyId: string
  secretAccessKey: string
}

export interface RawRequest {
  method?: string
  path?: string
  headers: Record<string, string>
  body: string | Buffer
}

export interface SignOptions {
  url: string
  credentials: Credentials
  region?: string
  /** KMS operation, sent as X-Amz-Target: TrentService.<target>; omit for admin routes. */
  target?: string
  body?: unknown
  method?: string
  path?: string
  signingDate?: Date
  service?: string
  headers?: Record<string, string>
}

/** A request signed exactly as an AWS SDK signs it. */
export async function signRequest(o: SignOptions): Promise<RawRequest> {
  const { host } = new URL(o.url)
  const body =
    o.body === undefined ? '' : typeof o.body === 'string' ? o.body : JSON.stringify(o.body)
  const headers: Record<string, string> = {
    host,
    'content-type': o.target ? 'application/x-amz-json-1.1' : 'application/json',
    ...(o.target ? { 'x-amz-target': `TrentService.${o.target}` } : {}),
    ...o.headers
  }
  const method = o.method ?? (o.target || body ? 'POST' : 'GET')
  const path = o.path ?? '/'
  const signer = new SignatureV4({
    credentials: o.credentials,
    region: o.region ?? 'us-east-1',
    service: o.service ?? 'kms',
    sha256: Sha256,
    applyChecksum: false
  })
  const signed = await signer.sign(
    { method, protocol: 'http:', hostname: host, path, query: {}, headers, body },
    { signingDate: o.signingDate }
  )
  return { method, path, headers: signed.headers as Record<string, string>, body }
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: () => Record<string, unknown>
}

/** Sends a raw request (headers exactly as given) and reads the whole answer. */
export function send(
  url: string,
  req: RawRequest,
  agent?: import('node:http').Agent
): Promise<RawResponse> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: hostname,
        port,
        method: req.method ?? 'POST',
        path: req.path ?? '/',
        headers: req.headers,
        agent: agent ?? false,
        setHost: false
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as Record<string, unknown>
          })
        })
      }
    )
    r.on('error', reject)
    r.end(req.body)
  })
}

/** Signs and sends a KMS call; resolves with the raw answer. */
export async function kmsCall(
  url: string,
  credentials: Credentials,
  target: string,
  body: unknown = {},
  region = 'us-east-1'
): Promise<RawResponse> {
  return send(url, await signRequest({ url, credentials, target, body, region }))
}
