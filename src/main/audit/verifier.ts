// Verification of an audit log: its triggers and checkpoints (checkpoint-check.ts), then every
// record in order (no gap, linked to the one before, content matching its hash, matching the
// checkpoints that sign it), and finally the tail against the latest checkpoint. Runs in steps
// so callers can show progress; ranges already scanned clean elsewhere (verify workers, see
// verify-run.ts) are accepted as such.
import type { CheckpointInfo, VerifyFailure, VerifyReport } from '../../shared/ipc/audit-api'
import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { Db } from '../data/cipher-db'
import { missingTriggers, readMeta } from './audit-db'
import { ChainScan, SCAN_BATCH } from './chain-scan'
import { checkpointInfo, type Checkpoint } from './checkpoint'
import { checkCheckpoints } from './checkpoint-check'
import { genesis, linkHash } from './hash-chain'
import type { SigningKey } from './signing-key'

/** Most records one commit takes (see AuditLog): the allowed slack past a checkpoint interval. */
const BATCH_SLACK = 1024
/** The longest checkpoint interval KeyLab writes (AuditLog's default). The interval in meta is
 * not signed, so a larger value there never widens the tail verify lets go unsigned. */
const MAX_EVERY = 1000

export interface VerifySource {
  db: Db
  dir: string
  /** With the root key, verify also checks that the sealed signing key is this log's own. */
  rootKey?: Buffer
  /** Or the signing key the writer opened (and so checked) with the root key. */
  signingKey?: SigningKey
  /** Checkpoint files kept apart from the data dir, each checked against the log. */
  witnesses?: string[]
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
  private readonly chain: ChainScan
  private readonly rows: Statement
  /** The hash record 1 links to. */
  genesisHash = ''
  private signed = new Map<number, string>()
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
    this.chain = new ChainScan(db)
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
    const every = Number(meta.get('checkpointEvery'))
    this.every = Number.isInteger(every) && every > 0 ? Math.min(every, MAX_EVERY) : MAX_EVERY
    const below = this.source.db.prepare('select count(*) from events where seq < 1').pluck().get()
    if (below) {
      this.fail(
        `${below} record(s) are stored under a number below 1, outside the chain: the database was changed outside KeyLab`
      )
    }
    this.lastHash = genesis(logId)
    this.genesisHash = this.lastHash
    const missing = missingTriggers(this.source.db)
    if (missing.length) {
      this.fail(
        `the append-only triggers ${missing.join(', ')} were removed or altered: the database was changed outside KeyLab`
      )
    }
    const found = checkCheckpoints(this.source, meta, this.total)
    this.problems.push(...found.problems)
    this.notes.push(...found.notes)
    this.bySeq = found.bySeq
    this.signed = this.signedHashes()
    this.latest = found.latest
    this.checkpoints = found.count
  }

  /** Checks up to `max` more records; returns true once verification is complete. */
  step(max = 20_000): boolean {
    if (this.finished) return true
    const end = Math.min(this.total, this.expected + max - 1)
    while (!this.stopped && this.expected <= end) {
      this.checkRange(this.expected, Math.min(end, this.expected + SCAN_BATCH - 1))
    }
    if (this.stopped || this.expected > this.total) this.finish()
    return this.finished
  }

  /** The next record to check (1 when nothing is checked yet). */
  get next(): number {
    return this.expected
  }

  /** Whether verification has stopped at a failure (the remaining records are not checked). */
  get failed(): boolean {
    return this.stopped
  }

  /** The head hashes checkpoints sign, by record number (what a scan must match). */
  signedHashes(): Map<number, string> {
    return new Map([...this.bySeq].map(([seq, cp]) => [seq, cp.statement.headHash]))
  }

  /**
   * Takes records next..to as checked: a ChainScan found them clean, starting from `prevHash`
   * (the stored hash of the record before them). Returns false, accepting nothing, when that
   * is not the hash this verifier reached; the caller then checks the range with step().
   */
  accept(to: number, prevHash: string, lastHash: string): boolean {
    if (this.finished || this.stopped || prevHash !== this.lastHash) return false
    if (to < this.expected || to > this.total) return false
    this.lastHash = lastHash
    this.expected = to + 1
    this.checked = to
    if (this.expected > this.total) this.finish()
    return true
  }

  private checkRange(from: number, end: number): void {
    const fast = this.chain.scan(from, end, this.lastHash, this.signed)
    if (fast.ok) {
      this.lastHash = fast.lastHash
      this.expected = end + 1
      this.checked = end
      return
    }
    // A gap, a changed record, or a body holding the separator: record by record, to name
    // the first failure (or find that there is none).
    const rows = this.rows.all(from, end) as [number, unknown, unknown, unknown][]
    for (const [seq, prev, hash, body] of rows) {
      const blob = (v: unknown): v is Buffer => Buffer.isBuffer(v) && v.length === 32
      if (seq === this.expected && (!blob(prev) || !blob(hash) || typeof body !== 'string')) {
        this.fail(
          `record ${seq} is not stored as KeyLab stores records (its hashes or its content have the wrong type): the database was changed outside KeyLab`,
          seq
        )
        this.stopped = true
        return
      }
      const hex = (v: unknown): string => (Buffer.isBuffer(v) ? v.toString('hex') : '')
      if (!this.checkRecord(seq, hex(prev), hex(hash), String(body))) return
    }
    if (this.expected <= end) {
      this.fail(
        `record ${this.expected} is missing: the log jumps from record ${this.expected - 1} to a later one`,
        this.expected
      )
      this.stopped = true
    }
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
      if (cp?.statement.closed) {
        this.fail(
          `${range} were added after KeyLab closed the log (checkpoint #${cp.statement.number}, signed ${cp.statement.signedAt}): KeyLab did not write them`,
          signed + 1,
          cp.statement.number
        )
      } else if (last - signed > this.every + BATCH_SLACK) {
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
