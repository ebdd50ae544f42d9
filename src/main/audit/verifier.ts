// Verification of an audit log: its triggers and checkpoints (checkpoint-check.ts), then every
// record in order (no gap, linked to the one before, content matching its hash, matching the
// checkpoints that sign it), and finally the tail against the latest checkpoint. Runs in steps
// so callers can show progress.
import type { CheckpointInfo, VerifyFailure, VerifyReport } from '../../shared/ipc/audit-api'
import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { Db } from '../data/cipher-db'
import { missingTriggers, readMeta } from './audit-db'
import { checkpointInfo, type Checkpoint } from './checkpoint'
import { checkCheckpoints } from './checkpoint-check'
import { genesis, linkHash } from './hash-chain'
import type { SigningKey } from './signing-key'

/** Most records one commit takes (see AuditLog): the allowed slack past a checkpoint interval. */
const BATCH_SLACK = 1024
/** Records read per query: small enough to stay in cache. */
const BATCH = 2000

export interface VerifySource {
  db: Db
  dir: string
  /** With the root key, verify also checks that the sealed signing key is this log's own. */
  rootKey?: Buffer
  /** Or the signing key the writer opened (and so checked) with the root key. */
  signingKey?: SigningKey
  /** Verify records 1..upTo (a running log: its head when verification starts). */
  upTo?: number
}

export class Verifier {
  readonly total: number
  checked = 0
  private readonly started = Date.now()
  private readonly problems: VerifyFailure[] = []
  private readonly notes: string[] = []
  private bySeq = new Map<number, Checkpoint>()
  private readonly batch: Statement
  private readonly rows: Statement
  private latest?: Checkpoint
  private checkpoints = 0
  private every = 0
  private expected = 1
  private lastHash = ''
  private stopped = false
  private finished = false

  constructor(private readonly source: VerifySource) {
    const db = source.db
    const max = (db.prepare('select coalesce(max(seq), 0) as n from events').get() as { n: number })
      .n
    this.total = Math.min(source.upTo ?? max, max)
    // One row per batch: its count, its hashes as one hex string, its bodies joined by U+001E
    // (JSON text never holds that raw character). Far cheaper than a JS row per record.
    this.batch = db.prepare(
      `select count(*) as n, group_concat(lower(hex(hash)), '' order by seq) as hashes,
       group_concat(body, char(30) order by seq) as bodies from events where seq between ? and ?`
    )
    this.rows = db
      .prepare('select seq, prev, hash, body from events where seq between ? and ? order by seq')
      .raw()
    this.setUp()
  }

  private fail(reason: string, seq?: number, checkpoint?: number): void {
    this.problems.push({
      reason,
      ...(seq !== undefined ? { seq } : {}),
      ...(checkpoint ? { checkpoint } : {})
    })
  }

  private setUp(): void {
    let meta: Map<string, string>
    try {
      meta = readMeta(this.source.db)
    } catch (e) {
      this.fail((e as Error).message)
      this.stopped = true
      return
    }
    const logId = meta.get('logId') ?? ''
    this.every = Number(meta.get('checkpointEvery') ?? 0)
    this.lastHash = genesis(logId)
    const missing = missingTriggers(this.source.db)
    if (missing.length) {
      this.fail(
        `the append-only triggers ${missing.join(', ')} were removed: the database was changed outside KeyLab`
      )
    }
    const found = checkCheckpoints(this.source, meta, this.total)
    this.problems.push(...found.problems)
    this.notes.push(...found.notes)
    this.bySeq = found.bySeq
    this.latest = found.latest
    this.checkpoints = found.count
  }

  /** Checks up to `max` more records; returns true once verification is complete. */
  step(max = 20_000): boolean {
    if (this.finished) return true
    const end = Math.min(this.total, this.expected + max - 1)
    while (!this.stopped && this.expected <= end) {
      this.checkRange(this.expected, Math.min(end, this.expected + BATCH - 1))
    }
    if (this.stopped || this.expected > this.total) this.finish()
    return this.finished
  }

  private checkRange(from: number, end: number): void {
    const b = this.batch.get(from, end) as {
      n: number
      hashes: string | null
      bodies: string | null
    }
    const bodies = b.bodies?.split('\x1e') ?? []
    if (b.n === end - from + 1 && bodies.length === b.n && b.hashes?.length === b.n * 64) {
      this.walkBatch(from, bodies, b.hashes)
      return
    }
    // A gap, or a body holding the separator: record by record, to name the first failure.
    const rows = this.rows.all(from, end) as [number, Buffer, Buffer, string][]
    for (const [seq, prev, hash, body] of rows) {
      if (!this.checkRecord(seq, prev.toString('hex'), hash.toString('hex'), body)) return
    }
    if (this.expected <= end) {
      this.fail(
        `record ${this.expected} is missing: the log jumps from record ${this.expected - 1} to a later one`,
        this.expected
      )
      this.stopped = true
    }
  }

  /** The fast path: every record of the batch is present; hashes are compared as hex. */
  private walkBatch(from: number, bodies: string[], hashes: string): void {
    let last = this.lastHash
    for (let i = 0; i < bodies.length; i++) {
      const stored = hashes.slice(i * 64, i * 64 + 64)
      const seq = from + i
      if (linkHash(last, bodies[i]) !== stored || this.bySeq.has(seq)) {
        this.lastHash = last
        this.expected = seq
        const row = this.rows.get(seq, seq) as [number, Buffer, Buffer, string]
        if (!this.checkRecord(seq, row[1].toString('hex'), row[2].toString('hex'), row[3])) return
        last = this.lastHash
        continue
      }
      last = stored
    }
    this.lastHash = last
    this.expected = from + bodies.length
    this.checked = this.expected - 1
  }

  private checkRecord(seq: number, prev: string, hash: string, body: string): boolean {
    const before = seq - 1
    if (seq !== this.expected) {
      this.fail(
        `record ${this.expected} is missing: the log goes from record ${this.expected - 1} to record ${seq}`,
        this.expected
      )
    } else if (prev !== this.lastHash) {
      this.fail(
        seq === 1
          ? "record 1 does not start this log's chain: records before it were removed, or it comes from another log"
          : `record ${seq} does not follow record ${before}: a record was removed, inserted or moved, or record ${before} was rewritten`,
        seq
      )
    } else if (linkHash(prev, body) !== hash) {
      this.fail(
        `record ${seq} was changed after it was written: its content no longer matches its hash`,
        seq
      )
    } else {
      const cp = this.bySeq.get(seq)
      if (cp && cp.statement.headHash !== hash) {
        this.fail(
          `record ${seq} is not the record checkpoint #${cp.statement.number} signed (${cp.statement.signedAt}): ` +
            `the log up to it was rewritten`,
          seq,
          cp.statement.number
        )
      } else {
        this.lastHash = hash
        this.expected++
        this.checked = seq
        return true
      }
    }
    this.stopped = true
    return false
  }

  private finish(): void {
    this.finished = true
    const last = this.checked
    const cp = this.latest
    const signed = cp?.statement.records ?? 0
    const now = (
      this.source.db.prepare('select coalesce(max(seq), 0) as n from events').get() as { n: number }
    ).n
    if (!this.stopped && cp && signed > now) {
      this.fail(
        `the log ends at record ${now}, but checkpoint #${cp.statement.number} (signed ${cp.statement.signedAt}) ` +
          `covers ${signed} records: records ${now + 1} to ${signed} were removed`,
        now + 1,
        cp.statement.number
      )
    } else if (!this.stopped && last > signed) {
      const range = `records ${signed + 1} to ${last}`
      if (last - signed > this.every + BATCH_SLACK) {
        this.fail(
          `${range} are not covered by any signed checkpoint, although one is signed every ${this.every} records: checkpoints were removed`,
          signed + 1
        )
      } else {
        this.notes.push(
          `${range} were written after the last checkpoint (KeyLab is running, or stopped without closing the log)`
        )
      }
    }
  }

  report(): VerifyReport {
    const problems = [...this.problems].sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity))
    const lastCheckpoint: CheckpointInfo | undefined = this.latest
      ? checkpointInfo(this.latest)
      : undefined
    return {
      ok: problems.length === 0,
      records: this.total,
      checkpoints: this.checkpoints,
      ...(this.checked ? { headHash: this.lastHash } : {}),
      ...(lastCheckpoint ? { lastCheckpoint } : {}),
      ...(problems.length ? { failure: problems[0] } : {}),
      problems,
      notes: this.notes,
      elapsedMs: Date.now() - this.started
    }
  }
}
