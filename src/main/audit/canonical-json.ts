// Canonical JSON: object members sorted by name (UTF-16 code units), no undefined members, no
// whitespace. The same value always gives the same text, so a record's hash can be recomputed
// from its stored text, and the text from the value. Only plain data: a Uint8Array, a Date or
// any class instance is refused rather than written in some unexpected form.

/** Array-index names, which JavaScript objects always enumerate first, in numeric order. */
const isIndex = (k: string): boolean => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295

class NeedsSlowPath extends Error {}

export function canonicalJson(value: unknown): string {
  try {
    // Fast path: the value itself where its members are in order already (JSON.stringify drops
    // undefined members and writes undefined array items as null, as canonical JSON does), a
    // copy with members inserted in sorted order where not, written by the native JSON.
    return JSON.stringify(inOrder(value))
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

/** `value` itself when every object in it has its members in sorted order, else a copy that has. */
function inOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    checkScalar(value)
    return value
  }
  // JSON.stringify would call a toJSON of the value it is handed: written by hand instead.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw new NeedsSlowPath()
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as unknown
      const ordered = item === undefined ? null : inOrder(item)
      if (ordered !== item && item !== undefined && !copy) copy = value.slice(0, i)
      if (copy) copy.push(ordered)
    }
    return copy ?? value
  }
  checkPlain(value)
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  let sorted = true
  let changed = false
  const values: unknown[] = new Array(keys.length)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    const c = k.charCodeAt(0)
    if ((c >= 48 && c <= 57 && isIndex(k)) || k === '__proto__') throw new NeedsSlowPath()
    if (i > 0 && keys[i - 1] > k) sorted = false
    const v = obj[k]
    values[i] = v === undefined ? v : inOrder(v)
    if (values[i] !== v) changed = true
  }
  if (sorted && !changed) return obj
  const order = keys.map((_, i) => i)
  if (!sorted) order.sort((a, b) => (keys[a] < keys[b] ? -1 : 1))
  const out: Record<string, unknown> = {}
  for (const i of order) if (values[i] !== undefined) out[keys[i]] = values[i]
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
