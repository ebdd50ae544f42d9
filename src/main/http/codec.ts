// AWS JSON 1.1 as KMS speaks it: the operation from X-Amz-Target (TrentService.<Operation>),
// bodies as JSON with blobs in base64 and timestamps in epoch seconds, and errors as
// {"__type", "message"} with HTTP 400 for a client fault and 500 for a server fault.
// Where AWS sends no message (UnknownOperationException, SerializationException) the lab adds
// one saying what was wrong; the exception names are AWS's.
import type { IncomingHttpHeaders } from 'node:http'
import {
  SerializationException,
  UnknownOperationException,
  type KmsError
} from '../../shared/errors'
import { INPUT_WIRE_TREE, type WireTree } from './wire-members'

export const CONTENT_TYPE = 'application/x-amz-json-1.1'
export const TARGET_PREFIX = 'TrentService.'

/** HTTP statuses for the few errors whose status is not their fault's 400/500. */
const STATUS: Record<string, number> = { RequestEntityTooLargeException: 413 }

/** The operation a request names; UnknownOperationException when it names none. */
export function targetOperation(headers: IncomingHttpHeaders): string {
  const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type !== CONTENT_TYPE) {
    throw new UnknownOperationException(
      `KeyLab's endpoint speaks AWS JSON 1.1: send Content-Type: ${CONTENT_TYPE}, not '${type}'.`
    )
  }
  const target = headers['x-amz-target']
  if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
    throw new UnknownOperationException(
      `X-Amz-Target must name a KMS operation as ${TARGET_PREFIX}<Operation>.`
    )
  }
  const op = target.slice(TARGET_PREFIX.length)
  if (!/^[A-Z][A-Za-z0-9]{0,63}$/.test(op)) {
    throw new UnknownOperationException(`${target.slice(0, 100)} is not an operation of KMS.`)
  }
  return op
}

/**
 * Standard base64 (padding optional), decoded in one pass: Node's decoder skips characters
 * outside the alphabet, so a string holding any decodes short of its length; base64url's `-`
 * and `_`, which it takes, are refused first.
 */
function decodeBlob(value: unknown, path: string): Uint8Array {
  const fail = (): never => {
    throw new SerializationException(`${path} must be a base64-encoded string.`)
  }
  if (typeof value !== 'string') return fail()
  let pad = 0
  while (pad < 3 && value.charCodeAt(value.length - 1 - pad) === 61) pad++
  const chars = value.length - pad
  if (pad > 2 || chars % 4 === 1 || value.includes('-') || value.includes('_')) return fail()
  const bytes = Buffer.from(value, 'base64')
  return bytes.length === Math.floor((chars * 3) / 4) ? bytes : fail()
}

function decodeTimestamp(value: unknown, path: string): Date {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SerializationException(`${path} must be a timestamp in epoch seconds.`)
  }
  return new Date(Math.round(value * 1000))
}

function decodeMembers(obj: Record<string, unknown>, tree: WireTree, prefix: string): void {
  for (const [name, kind] of Object.entries(tree)) {
    if (!Object.prototype.hasOwnProperty.call(obj, name)) continue
    const value = obj[name]
    const path = prefix + name
    if (value === null) delete obj[name]
    else if (kind === 'blob') obj[name] = decodeBlob(value, path)
    else if (kind === 'timestamp') obj[name] = decodeTimestamp(value, path)
    else if (typeof value === 'object' && !Array.isArray(value)) {
      decodeMembers(value as Record<string, unknown>, kind, `${path}.`)
    } else throw new SerializationException('Expected null') // AWS's words for a non-structure
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })
/** Deeper than any KMS input (a tag list is 3): what nests further is refused, never walked. */
const MAX_DEPTH = 32

function deeperThan(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false
  if (depth === 0) return true
  for (const v of Array.isArray(value) ? value : Object.values(value))
    if (deeperThan(v, depth - 1)) return true
  return false
}

/** The request body as the operation's input: JSON object, blobs and timestamps decoded. */
export function decodeInput(body: Buffer): Record<string, unknown> {
  if (!body.length) return {}
  let text: string
  try {
    text = UTF8.decode(body)
  } catch {
    throw new SerializationException('The request body is not valid UTF-8.')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new SerializationException('The request body is not valid JSON.')
  }
  if (Array.isArray(parsed))
    throw new SerializationException('Start of list found where not expected')
  if (parsed === null || typeof parsed !== 'object') {
    throw new SerializationException('The request body must be a JSON object.')
  }
  if (deeperThan(parsed, MAX_DEPTH)) {
    throw new SerializationException(`The request body nests deeper than ${MAX_DEPTH} levels.`)
  }
  const input = parsed as Record<string, unknown>
  decodeMembers(input, INPUT_WIRE_TREE, '')
  return input
}

function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return base64(value)
  if (value instanceof Date) return value.getTime() / 1000
  if (Array.isArray(value)) return value.map(encodeValue)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined) out[k] = encodeValue(v)
    }
    return out
  }
  return value
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

/**
 * An operation's output as the response body. The blobs of an output are its own members
 * (CiphertextBlob, Plaintext, Signature, ...), written into the text directly: JSON.stringify
 * would scan every character of a 4 KB ciphertext's base64 for escapes (20 µs), and base64 has
 * none. Everything else goes through JSON.stringify, fastest for the many short strings of a list.
 */
export function encodeOutput(output: unknown): string {
  if (output === null || typeof output !== 'object') return '{}'
  const members: string[] = []
  for (const k in output) {
    const v = (output as Record<string, unknown>)[k]
    if (v === undefined) continue
    const text = v instanceof Uint8Array ? `"${base64(v)}"` : JSON.stringify(encodeValue(v))
    members.push(`${JSON.stringify(k)}:${text}`)
  }
  return `{${members.join(',')}}`
}

/** An error as AWS answers it: status and `{"__type", "message"}` body. */
export function encodeError(error: KmsError): { status: number; body: string } {
  return {
    status: STATUS[error.name] ?? (error.fault === 'server' ? 500 : 400),
    body: JSON.stringify({ __type: error.name, message: error.message })
  }
}
