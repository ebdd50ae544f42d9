// Canonical JSON: object members sorted by name, no undefined members, no whitespace. The same
// value always gives the same text, so its hash can be recomputed from the stored text alone.

export function canonicalJson(value: unknown): string {
  return write(value)
}

function write(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity')
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined ? 'null' : write(v))).join(',')}]`
      const proto = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== null) {
        // Bytes, dates and class instances have no canonical form here: refuse rather than
        // write something unexpected (e.g. a Uint8Array's bytes as numbered members).
        throw new TypeError(
          `canonical JSON holds plain objects only, not ${proto?.constructor?.name}`
        )
      }
      const obj = value as Record<string, unknown>
      const names = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
      return `{${names.map((k) => `${JSON.stringify(k)}:${write(obj[k])}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`)
  }
}
