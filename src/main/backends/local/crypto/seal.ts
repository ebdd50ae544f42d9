// Sealing of secrets at rest: AES-256-GCM under the store's seal key, bound (as AAD) to the
// record it belongs to, so a sealed blob cannot be moved to another record.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const IV = 12
const TAG = 16
const VERSION = 1

export class Sealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('seal key must be 256 bits')
  }

  seal(plain: Uint8Array, binding: string): Buffer {
    const iv = randomBytes(IV)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    cipher.setAAD(Buffer.from(binding))
    const body = Buffer.concat([cipher.update(plain), cipher.final()])
    return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body])
  }

  open(sealed: Uint8Array, binding: string): Buffer {
    const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
    if (buf.length < 1 + IV + TAG || buf[0] !== VERSION)
      throw new Error(`sealed secret ${binding} is malformed`)
    const decipher = createDecipheriv('aes-256-gcm', this.key, buf.subarray(1, 1 + IV))
    decipher.setAAD(Buffer.from(binding))
    decipher.setAuthTag(buf.subarray(1 + IV, 1 + IV + TAG))
    return Buffer.concat([decipher.update(buf.subarray(1 + IV + TAG)), decipher.final()])
  }
}
