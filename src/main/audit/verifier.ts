// Verification of an audit log: the signing key, every signed checkpoint (signature, order,
// link to the previous one, the mirror file), then every record in order (no gap, linked to
// the one before, content matching its hash, matching the checkpoints that sign it), and
// finally the tail against the latest checkpoint. Runs in steps so callers can show progress.
import type { CheckpointInfo, VerifyFailure, VerifyReport } from '../../shared/ipc/audit-api'
import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { Db } from '../data/cipher-db'
import { missingTriggers, readMeta } from './audit-db'
import {
  checkpointDigest,
  checkpointInfo,
  parseCheckpoint,
  readMirror,
  signatureValid,
  type Checkpoint
} from './checkpoint'
import { genesis, linkHash } from './hash-chain'
import { openSigningKey, readPublicKey, type SigningKey } from './signing-key'

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
  private readonly bySeq = new Map<number, Checkpoint>()
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
    const { db, dir, rootKey, signingKey } = this.source
    let meta: Map<string, string>
    try {
      meta = readMeta(db)
    } catch (e) {
      this.fail((e as Error).message)
      this.stopped = true
      return
    }
    const logId = meta.get('logId') ?? ''
    this.every = Number(meta.get('checkpointEvery') ?? 0)
    this.lastHash = genesis(logId)
    const missing = missingTriggers(db)
    if (missing.length) {
      this.fail(
        `the append-only triggers ${missing.join(', ')} were removed: the database was changed outside KeyLab`
      )
    }
    let key: SigningKey | undefined
    try {
      key = signingKey ?? (rootKey ? openSigningKey(dir, rootKey) : readPublicKey(dir))
      if (!rootKey && !signingKey)
        this.notes.push('the sealed signing key was not checked (no lab key given)')
      if (key.fingerprint !== meta.get('publicKeyFingerprint')) {
        this.fail('the audit signing key is not the one this log was created with')
        key = undefined
      }
    } catch (e) {
      this.fail(`${(e as Error).message}; checkpoint signatures cannot be checked`)
    }
    const rows = db
      .prepare('select number, body, signature from checkpoints order by number')
      .all() as {
      number: number
      body: string
      signature: Buffer
    }[]
    let previous: Checkpoint | undefined
    for (const row of rows) {
      const cp = parseCheckpoint(row.body, row.signature)
      this.checkCheckpoint(cp, row.number, previous, logId, key)
      previous = cp
    }
    this.checkpoints = rows.length
    this.latest = previous
    this.checkMirror(previous, logId, key)
  }

  private checkCheckpoint(
    cp: Checkpoint,
    number: number,
    previous: Checkpoint | undefined,
    logId: string,
    key: SigningKey | undefined
  ): void {
    const s = cp.statement
    const expected = (previous?.statement.number ?? 0) + 1
    if (number !== expected)
      this.fail(`checkpoint #${expected} is missing from the database`, undefined, expected)
    if (s.number !== number || s.logId !== logId) {
      this.fail(`checkpoint #${number} does not belong to this log`, s.records, number)
    } else if (key && !signatureValid(key, cp)) {
      this.fail(
        `checkpoint #${number} has an invalid signature: it was not signed by this log's key`,
        s.records,
        number
      )
    } else if (s.previousCheckpoint !== (previous ? checkpointDigest(previous) : null)) {
      this.fail(
        `checkpoint #${number} does not follow checkpoint #${number - 1}`,
        s.records,
        number
      )
    }
    if (s.records <= this.total) this.bySeq.set(s.records, cp)
  }

  private checkMirror(
    dbLatest: Checkpoint | undefined,
    logId: string,
    key: SigningKey | undefined
  ): void {
    const mirror = readMirror(this.source.dir)
    if (mirror.state === 'invalid') return this.fail(mirror.reason)
    if (mirror.state === 'missing') {
      if (dbLatest)
        this.notes.push(
          'audit-checkpoint.json is missing; KeyLab writes it again when it opens the log'
        )
      return
    }
    const cp = mirror.checkpoint
    const n = cp.statement.number
    const latestNumber = dbLatest?.statement.number ?? 0
    if (cp.statement.logId !== logId)
      return this.fail('audit-checkpoint.json belongs to another audit log: audit.db was replaced')
    if (key && !signatureValid(key, cp))
      return this.fail("audit-checkpoint.json is not signed by this log's key")
    if (n > latestNumber) {
      this.fail(
        `checkpoint #${n} (audit-checkpoint.json, signed ${cp.statement.signedAt}, covering ${cp.statement.records} ` +
          `records) is missing from the database: checkpoints were removed`,
        undefined,
        n
      )
      this.latest = cp
      if (cp.statement.records <= this.total) this.bySeq.set(cp.statement.records, cp)
    } else if (n < latestNumber) {
      this.notes.push(
        `audit-checkpoint.json holds checkpoint #${n}; the database goes on to #${latestNumber}`
      )
    } else if (
      dbLatest &&
      (cp.body !== dbLatest.body || !cp.signature.equals(dbLatest.signature))
    ) {
      this.fail(
        `audit-checkpoint.json does not match checkpoint #${n} in the database`,
        undefined,
        n
      )
    }
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
