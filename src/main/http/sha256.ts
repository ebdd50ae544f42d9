// SHA-256 and HMAC-SHA256 over node:crypto in the shape @smithy/signature-v4 expects of its
// `sha256` constructor (update, digest, reset). The signer hashes short strings one at a time,
// so input is gathered and hashed in one call at digest() (crypto.hash when there is no key).
import { createHash, createHmac, hash } from 'node:crypto'
import type { Checksum, SourceData } from '@smithy/types'

function bytes(data: SourceData): Buffer | string {
  if (typeof data === 'string') return data
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  return Buffer.from(data)
}

export class Sha256 implements Checksum {
  private parts: Array<Buffer | string> = []
  private readonly key?: Buffer | string

  constructor(secret?: SourceData) {
    if (secret !== undefined) this.key = bytes(secret)
  }

  update(data: SourceData): void {
    this.parts.push(bytes(data))
  }

  digest(): Promise<Uint8Array> {
    let out: Buffer
    if (this.key === undefined && this.parts.length === 1) {
      out = hash('sha256', this.parts[0], 'buffer') as unknown as Buffer
    } else {
      const h = this.key === undefined ? createHash('sha256') : createHmac('sha256', this.key)
      for (const part of this.parts) h.update(part)
      out = h.digest()
    }
    return Promise.resolve(out)
  }

  reset(): void {
    this.parts = []
  }
}
