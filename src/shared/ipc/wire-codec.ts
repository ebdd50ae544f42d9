// JSON for the web bridge that keeps what structured clone keeps over Electron IPC: bytes
// (Uint8Array) and dates. Tags are single-member objects {"$b": base64} and {"$d": epoch ms};
// any real member whose name starts with "$" is escaped with one more "$".
import { fromBase64, toBase64 } from './base64'

function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b: toBase64(value) }
  if (value instanceof Date) return { $d: value.getTime() }
  if (Array.isArray(value)) return value.map(encodeValue)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k.startsWith('$') ? `$${k}` : k] = encodeValue(v)
    }
    return out
  }
  return value
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 1) {
      const [k, v] = entries[0]
      if (k === '$b' && typeof v === 'string') {
        const bytes = fromBase64(v)
        if (!bytes) throw new SyntaxError('invalid base64 in a $b value')
        return bytes
      }
      if (k === '$d' && typeof v === 'number') return new Date(v)
    }
    const out: Record<string, unknown> = {}
    for (const [k, v] of entries) out[k.startsWith('$$') ? k.slice(1) : k] = decodeValue(v)
    return out
  }
  return value
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(encodeValue(value))
}

export function decodeWire(text: string): unknown {
  return decodeValue(JSON.parse(text))
}
