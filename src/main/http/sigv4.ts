// SigV4 verification of an endpoint request against the lab's credentials: the Authorization
// header is parsed and checked the way AWS's front end checks it, then the signature is computed
// again with @smithy/signature-v4's own steps over the headers it names and compared in constant
// time.
// Request time is real time (never the lab clock), within AWS's 15-minute window.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import {
  SignatureV4,
  getCanonicalHeaders,
  getPayloadHash,
  getSigningKey,
  prepareRequest
} from '@smithy/signature-v4'
import type { HttpRequest } from '@smithy/types'
import {
  IncompleteSignatureException,
  type KmsError,
  InvalidSignatureException,
  MissingAuthenticationTokenException,
  UnrecognizedClientException
} from '../../shared/errors'
import { REGIONS } from '../../shared/kms/enums'
import type { CredentialSet, EndpointCredential } from './credentials'
import { Sha256 } from './sha256'

export const SERVICE = 'kms'
const ALGORITHM = 'AWS4-HMAC-SHA256'
const WINDOW_MS = 15 * 60_000
const VALID_REGIONS: ReadonlySet<string> = new Set(REGIONS)
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'

export interface SignedRequest {
  method: string
  /** The request target as received ("/", "/_keylab/clock?x=1"). */
  url: string
  headers: IncomingHttpHeaders
  /** Each header's values as received (Node joins repeated ones with ", " in `headers`). */
  headersDistinct?: Record<string, string[] | undefined>
  body: Buffer
}

export interface Signer {
  credential: EndpointCredential
  /** From the signature's credential scope: the region the call is made in. */
  region: string
}

interface Authorization {
  accessKeyId: string
  date: string
  region: string
  service: string
  terminator: string
  signedHeaders: string[]
  signature: string
}

/** A header's value as SigV4 signs it: repeated values joined by a bare comma. Only the request's
 * own headers count (a SignedHeaders entry like "constructor" names nothing). */
function header(
  headers: IncomingHttpHeaders,
  name: string,
  distinct?: Record<string, string[] | undefined>
): string | undefined {
  const values = distinct && Object.hasOwn(distinct, name) ? distinct[name] : undefined
  if (values) return values.join(',')
  if (!Object.hasOwn(headers, name)) return undefined
  const v = headers[name]
  return Array.isArray(v) ? v.join(',') : v
}

/** A query component decoded; one that is not valid percent-encoding stays as sent (and so
 * does not match the signature). */
function decodeQuery(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** `YYYYMMDDTHHMMSSZ` for an epoch-ms time. */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function parseAmzDate(text: string): number | undefined {
  const m = AMZ_DATE.exec(text)
  if (!m) return undefined
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number)
  const ms = Date.UTC(y, mo - 1, d, h, mi, s)
  // Date.UTC rolls 31 February into March: a real date keeps its own day and month.
  const back = new Date(ms)
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 && h < 24 && mi < 60 && s < 60
    ? ms
    : undefined
}

/** The form every SDK and the aws CLI send, read in one match; anything else takes the long way. */
const USUAL =
  /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/([^/\s,]+), ?SignedHeaders=([^\s,]+), ?Signature=([0-9a-f]{64})$/

function parseAuthorization(value: string, hasDate: boolean): Authorization {
  const m = hasDate ? USUAL.exec(value) : null
  if (m) {
    const [, accessKeyId, date, region, service, terminator, headers, signature] = m
    const signedHeaders = headers.toLowerCase().split(';')
    return { accessKeyId, date, region, service, terminator, signedHeaders, signature }
  }
  return parseAuthorizationFully(value, hasDate)
}

function parseAuthorizationFully(value: string, hasDate: boolean): Authorization {
  const requires = (missing: string[]): KmsError => {
    const parts = missing.map((p) => `Authorization header requires '${p}' parameter.`)
    if (!hasDate) {
      parts.push(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
      )
    }
    return new IncompleteSignatureException(`${parts.join(' ')} Authorization=${value}`)
  }
  const [algorithm, ...rest] = value.trim().split(/\s+/)
  if (algorithm !== ALGORITHM) throw requires(['Credential', 'Signature', 'SignedHeaders'])
  const fields = new Map<string, string>()
  for (const token of rest
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const eq = token.indexOf('=')
    if (eq < 0) {
      throw new IncompleteSignatureException(
        `'${token}' not a valid key=value pair (missing equal-sign) in Authorization header: '${value}'.`
      )
    }
    fields.set(token.slice(0, eq), token.slice(eq + 1))
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((f) => !fields.get(f))
  if (missing.length || !hasDate) throw requires(missing)
  const credential = fields.get('Credential') as string
  const scope = credential.split('/')
  if (scope.length !== 5 || scope.some((s) => !s)) {
    throw new IncompleteSignatureException(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`
    )
  }
  const [accessKeyId, date, region, service, terminator] = scope
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders: (fields.get('SignedHeaders') as string).toLowerCase().split(';'),
    signature: fields.get('Signature') as string
  }
}

function checkScope(auth: Authorization): void {
  if (auth.terminator !== 'aws4_request') {
    throw new InvalidSignatureException(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'. `
    )
  }
  if (auth.service !== SERVICE) {
    throw new InvalidSignatureException(
      `Credential should be scoped to correct service: '${SERVICE}'. `
    )
  }
  if (!VALID_REGIONS.has(auth.region)) {
    throw new InvalidSignatureException(
      `Credential should be scoped to a valid region, not '${auth.region}'. `
    )
  }
  if (!auth.signedHeaders.includes('host')) {
    throw new IncompleteSignatureException(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."
    )
  }
}

function checkTime(stamp: string, requestMs: number, now: number): void {
  if (requestMs < now - WINDOW_MS) {
    throw new InvalidSignatureException(
      `Signature expired: ${stamp} is now earlier than ${amzDate(now - WINDOW_MS)} (${amzDate(now)} - 15 min.)`
    )
  }
  if (requestMs > now + WINDOW_MS) {
    throw new InvalidSignatureException(
      `Signature not yet current: ${stamp} is still later than ${amzDate(now + WINDOW_MS)} (${amzDate(now)} + 15 min.)`
    )
  }
}

/** The request as the client signed it: method, path, query and only the headers it names. */
function signable(req: SignedRequest, signedHeaders: readonly string[]): HttpRequest {
  const q = req.url.indexOf('?')
  const path = q < 0 ? req.url : req.url.slice(0, q)
  const query: Record<string, string | string[]> = {}
  if (q >= 0) {
    for (const pair of req.url
      .slice(q + 1)
      .split('&')
      .filter(Boolean)) {
      const eq = pair.indexOf('=')
      const k = decodeQuery(eq < 0 ? pair : pair.slice(0, eq))
      const v = eq < 0 ? '' : decodeQuery(pair.slice(eq + 1))
      const prev = query[k]
      query[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v]
    }
  }
  const headers: Record<string, string> = {}
  for (const name of signedHeaders) {
    const v = header(req.headers, name, req.headersDistinct)
    if (v !== undefined) headers[name] = v
  }
  return {
    method: req.method,
    protocol: 'http:',
    hostname: '',
    path,
    query,
    headers,
    body: req.body
  }
}

/**
 * smithy's signer, taken step by step as its signRequest takes them (prepareRequest, X-Amz-Date,
 * payload hash, canonical headers, canonical request, string to sign, signing key), so that the
 * strings AWS names in its mismatch message come out of the same pass, and the signing key,
 * derived by smithy's getSigningKey, is kept per access key, day and region.
 */
class Verifier extends SignatureV4 {
  async expected(request: HttpRequest, stamp: string, scope: string, signed: Set<string>) {
    const prepared = prepareRequest(request)
    prepared.headers['x-amz-date'] = stamp
    const payloadHash = await getPayloadHash(prepared, Sha256)
    const canonicalHeaders = getCanonicalHeaders(prepared, undefined, signed)
    const canonical = this.createCanonicalRequest(prepared, canonicalHeaders, payloadHash)
    const toSign = await this.createStringToSign(stamp, scope, canonical, ALGORITHM)
    return { canonical, toSign }
  }
}

const verifier = new Verifier({
  credentials: { accessKeyId: '', secretAccessKey: '' },
  region: 'us-east-1',
  service: SERVICE,
  sha256: Sha256,
  applyChecksum: false
})

/** Signing keys per access key, secret, day and region (a day's key serves every request). */
const signingKeys = new Map<string, Uint8Array>()

async function signingKey(credential: EndpointCredential, date: string, region: string) {
  const id = `${credential.accessKeyId}\n${credential.secretAccessKey}\n${date}\n${region}`
  let key = signingKeys.get(id)
  if (!key) {
    if (signingKeys.size >= 256) signingKeys.clear()
    const { accessKeyId, secretAccessKey } = credential
    key = await getSigningKey(Sha256, { accessKeyId, secretAccessKey }, date, region, SERVICE)
    signingKeys.set(id, key)
  }
  return key
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Verifies the request's signature; throws AWS's exception when it does not hold. */
export async function verifySignature(
  req: SignedRequest,
  credentials: CredentialSet,
  now: number = Date.now()
): Promise<Signer> {
  const value = header(req.headers, 'authorization')
  if (value === undefined || value === '') {
    throw new MissingAuthenticationTokenException('Missing Authentication Token')
  }
  const stamp = header(req.headers, 'x-amz-date')
  const auth = parseAuthorization(value, stamp !== undefined || req.headers.date !== undefined)
  if (stamp === undefined) {
    // smithy's signer always signs X-Amz-Date, so a Date-only signature cannot be checked here.
    throw new IncompleteSignatureException(
      "KeyLab's endpoint needs an 'X-Amz-Date' header (every AWS SDK and the aws CLI send one)."
    )
  }
  const requestMs = parseAmzDate(stamp)
  if (requestMs === undefined) {
    throw new IncompleteSignatureException(
      `Date must be in ISO-8601 'basic format'. Got '${stamp}'. See http://en.wikipedia.org/wiki/ISO_8601`
    )
  }
  checkScope(auth)
  const credential = await credentials.resolve(auth.accessKeyId)
  if (!credential || req.headers['x-amz-security-token'] !== undefined) {
    throw new UnrecognizedClientException('The security token included in the request is invalid.')
  }
  checkTime(stamp, requestMs, now)
  if (auth.date !== stamp.slice(0, 8)) {
    throw new InvalidSignatureException(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${stamp.slice(0, 8)}', from '${stamp}'.`
    )
  }

  const request = signable(req, auth.signedHeaders)
  const signed = new Set(auth.signedHeaders)
  const claimed = request.headers['x-amz-content-sha256']
  const bodyHash = claimed && (await getPayloadHash({ ...request, headers: {} }, Sha256))
  const scope = `${auth.date}/${auth.region}/${SERVICE}/aws4_request`
  const { canonical, toSign } = await verifier.expected(request, stamp, scope, signed)
  const key = await signingKey(credential, auth.date, auth.region)
  const expected = createHmac('sha256', key).update(toSign).digest('hex')
  if (!sameSignature(expected, auth.signature) || (claimed && claimed !== bodyHash)) {
    throw new InvalidSignatureException(
      `${MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${toSign}'\n`
    )
  }
  return { credential, region: auth.region }
}
