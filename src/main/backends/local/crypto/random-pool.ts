// Random bytes for the hot paths (GCM IVs, data keys), drawn from a pool that the CSPRNG
// (OpenSSL's RAND_bytes via randomFillSync) refills 8 KB at a time, as Node does for randomUUID:
// one call into OpenSSL serves many operations. Bytes handed out are zeroed in the pool.
import { randomFillSync } from 'node:crypto'

const POOL_BYTES = 8192
const pool = Buffer.allocUnsafe(POOL_BYTES)
let next = POOL_BYTES

/** Writes `length` random bytes into `out` at `offset`. */
export function fillRandom(out: Buffer, offset: number, length: number): void {
  if (length > POOL_BYTES / 8) {
    randomFillSync(out, offset, length)
    return
  }
  if (next + length > POOL_BYTES) {
    randomFillSync(pool)
    next = 0
  }
  pool.copy(out, offset, next, next + length)
  pool.fill(0, next, next + length)
  next += length
}

/** A new buffer of `length` random bytes. */
export function randomBuffer(length: number): Buffer {
  const out = Buffer.allocUnsafe(length)
  fillRandom(out, 0, length)
  return out
}
