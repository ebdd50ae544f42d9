// Canonical JSON: object members sorted by name (UTF-16 code units), no undefined members, no
// whitespace. The same value always gives the same text, so a record's hash can be recomputed
// from its stored text, and the text from the value. Only plain data: a Uint8Array, a Date or
// any class instance is refused rather than written in some unexpected form.

/** Array-index names, which JavaScript objects always enumerate first, in numeric order. */
const isIndex = (k: string): boolean => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295

class NeedsSlowPath extends Error {}

export function canonicalJson(value: unknown): string {
  try {
    // Fast path: a copy with members inserted in sorted order, written by the native JSON.
    return JSON.stringify(sortedCopy(value))
  } catch (e) {
    if (e instanceof NeedsSlowPath) return write(value)
    throw e
  }
}

function checkPlain(value: object): void {
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonical JSON holds plain objects only, not ${proto?.constructor?.name}`)
  }
}

function checkScalar(value: unknown): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError('canonical JSON has no NaN or Infinity')
  }
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
    throw new TypeError(`canonical JSON cannot hold a ${typeof value}`)
  }
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    checkScalar(value)
    return value
  }
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortedCopy(v)))
  checkPlain(value)
  const obj = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(obj).sort()) {
    if (k === '__proto__' || isIndex(k)) throw new NeedsSlowPath()
    if (obj[k] !== undefined) out[k] = sortedCopy(obj[k])
  }
  return out
}

function write(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    checkScalar(value)
    return JSON.stringify(value)
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : write(v))).join(',')}]`
  checkPlain(value)
  const obj = value as Record<string, unknown>
  const names = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${names.map((k) => `${JSON.stringify(k)}:${write(obj[k])}`).join(',')}}`
}
