// The fast half of verification: whether records from..to are all present, in order, each
// naming the hash before it and hashing (with it) to its stored hash, and matching the head
// hash of every checkpoint that signs one of them. It only says yes or no; naming what failed
// is the verifier's record-by-record path. Used in the main thread and in verify workers alike.
import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { Db } from '../data/cipher-db'
import { linkHash } from './hash-chain'

/** Records read per query: small enough to stay in cache. */
export const SCAN_BATCH = 2000

export type ScanResult = { ok: true; lastHash: string } | { ok: false }

export class ChainScan {
  private readonly batch: Statement
  private readonly hashOf: Statement

  constructor(db: Db) {
    // One row per batch: its count, its hashes and the hashes each record names as the one
    // before it, as hex strings, and its bodies joined by U+001E (JSON text never holds that
    // raw character). The subquery hands the rows over in seq order without a sort (an
    // aggregate's own ORDER BY would sort them in a temp b-tree).
    this.batch = db.prepare(
      `select count(*) as n, group_concat(lower(hex(hash)), '') as hashes,
       group_concat(lower(hex(prev)), '') as prevs, group_concat(body, char(30)) as bodies
       from (select prev, hash, body from events where seq between ? and ? order by seq)`
    )
    this.hashOf = db.prepare('select lower(hex(hash)) from events where seq = ?').pluck()
  }

  /** The stored hash of record `seq`, if it is there. */
  storedHash(seq: number): string | undefined {
    return this.hashOf.get(seq) as string | undefined
  }

  /**
   * Checks records from..to (at most SCAN_BATCH), the first linked to `prevHash`.
   * `signed` maps a record number to the head hash a checkpoint signed for it.
   */
  scan(
    from: number,
    to: number,
    prevHash: string,
    signed: ReadonlyMap<number, string>
  ): ScanResult {
    const b = this.batch.get(from, to) as {
      n: number
      hashes: string | null
      prevs: string | null
      bodies: string
    }
    const count = to - from + 1
    if (b.n !== count || b.hashes?.length !== count * 64 || b.prevs?.length !== count * 64)
      return { ok: false }
    const bodies = b.bodies.split('\x1e')
    if (bodies.length !== count) return { ok: false }
    const { hashes, prevs } = b
    let last = prevHash
    for (let i = 0; i < count; i++) {
      const stored = hashes.slice(i * 64, i * 64 + 64)
      if (prevs.slice(i * 64, i * 64 + 64) !== last) return { ok: false }
      if (linkHash(last, bodies[i]) !== stored) return { ok: false }
      const cp = signed.get(from + i)
      if (cp !== undefined && cp !== stored) return { ok: false }
      last = stored
    }
    return { ok: true, lastHash: last }
  }

  /** Scans from..to in batches; `prevHash` defaults to the stored hash of record from - 1. */
  scanRange(
    from: number,
    to: number,
    signed: ReadonlyMap<number, string>,
    prevHash = this.storedHash(from - 1)
  ): ScanResult {
    if (prevHash === undefined) return { ok: false }
    let last = prevHash
    for (let start = from; start <= to; start += SCAN_BATCH) {
      const r = this.scan(start, Math.min(to, start + SCAN_BATCH - 1), last, signed)
      if (!r.ok) return r
      last = r.lastHash
    }
    return { ok: true, lastHash: last }
  }
}
