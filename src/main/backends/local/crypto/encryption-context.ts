// The canonical byte form of an encryption context, bound as AES-GCM additional authenticated
// data: pairs sorted by key (UTF-8 byte order), each key and value length-prefixed, so that two
// different contexts never produce the same bytes and the order a caller lists pairs in is moot.
// An absent and an empty context are the same (as in AWS KMS).

export type EncryptionContext = Record<string, string> | undefined

const EMPTY = Buffer.alloc(0)

function compareUtf8(a: Buffer, b: Buffer): number {
  return Buffer.compare(a, b)
}

export function canonicalContext(context: EncryptionContext): Buffer {
  if (!context) return EMPTY
  const keys = Object.keys(context)
  if (keys.length === 0) return EMPTY
  const pairs = keys.map((k) => [Buffer.from(k, 'utf8'), Buffer.from(context[k], 'utf8')])
  pairs.sort((x, y) => compareUtf8(x[0], y[0]))
  let size = 4
  for (const [k, v] of pairs) size += 8 + k.length + v.length
  const out = Buffer.allocUnsafe(size)
  let at = out.writeUInt32BE(pairs.length, 0)
  for (const [k, v] of pairs) {
    at = out.writeUInt32BE(k.length, at)
    at += k.copy(out, at)
    at = out.writeUInt32BE(v.length, at)
    at += v.copy(out, at)
  }
  return out
}

export function isEmptyContext(context: EncryptionContext): boolean {
  return !context || Object.keys(context).length === 0
}
