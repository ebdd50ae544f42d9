// JSON for the web bridge that keeps what structured clone keeps over Electron IPC: bytes
// (Uint8Array) and dates. Tags are single-member objects {"$b": base64} and {"$d": epoch ms};
// any real member whose name starts with "$" is escaped with one more "$". Encoding and decoding
// avoid copying plain data, so a list of 10,000 keys crosses quickly.
import { fromBase64, toBase64 } from './base64'

const DOLLAR = 36

function hasDollarKey(value: object): boolean {
  for (const k in value) if (k.charCodeAt(0) === DOLLAR) return true
  return false
}

/** JSON.stringify replacer: `this[key]` is the value before toJSON (a Date, not its string). */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key]
  if (original instanceof Uint8Array) return { $b: toBase64(original) }
  if (original instanceof Date) return { $d: original.getTime() }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && hasDollarKey(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k.charCodeAt(0) === DOLLAR ? `$${k}` : k] = v
    return out
  }
  return value
}

function tagged(value: Record<string, unknown>): unknown {
  let first: string | undefined
  let count = 0
  for (const k in value) {
    if (++count > 1) return undefined
    first = k
  }
  if (first === '$b' && typeof value.$b === 'string') {
    const bytes = fromBase64(value.$b)
    if (!bytes) throw new SyntaxError('invalid base64 in a $b value')
    return bytes
  }
  if (first === '$d' && typeof value.$d === 'number') return new Date(value.$d)
  return undefined
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  })
}

/** Decodes a freshly parsed JSON value in place (it is ours alone). */
function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i]
      if (v !== null && typeof v === 'object') value[i] = decodeValue(v)
    }
    return value
  }
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const tag = tagged(obj)
  if (tag !== undefined) return tag
  let escaped = false
  for (const k in obj) {
    const v = obj[k]
    if (v !== null && typeof v === 'object') {
      const d = decodeValue(v)
      if (d !== v) setOwn(obj, k, d)
    }
    if (k.charCodeAt(0) === DOLLAR) escaped = true
  }
  if (!escaped) return obj
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) setOwn(out, k.startsWith('$$') ? k.slice(1) : k, v)
  return out
}

/** Whether a value holds nothing to tag or escape (no bytes, no dates, no "$" member names). */
function isPlain(value: unknown): boolean {
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object') continue
    if (v instanceof Uint8Array || v instanceof Date) return false
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i])
      continue
    }
    for (const k in v) {
      if (k.charCodeAt(0) === DOLLAR) return false
      stack.push((v as Record<string, unknown>)[k])
    }
  }
  return true
}

/** Plain data (a key list, say) skips the replacer, which costs a call per member. */
export function encodeWire(value: unknown): string {
  return isPlain(value) ? JSON.stringify(value) : JSON.stringify(value, replacer)
}

/**
 * Every tag and escaped name is a member name starting with "$", so a text without `"$` holds
 * none and is plain JSON (a `"$` inside a string value only means the slower, still right, walk).
 */
export function decodeWire(text: string): unknown {
  const parsed: unknown = JSON.parse(text)
  return text.includes('"$') ? decodeValue(parsed) : parsed
}
