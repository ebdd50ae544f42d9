// The audit log of a data dir, as its writer: records appended to the hash chain with group
// commit (an append resolves only once its record is on disk), checkpoints signed every N
// records, every few seconds and on close, and event_index kept up for the console's table.
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { LabStoreException } from '../../shared/errors'
import type { AuditRecord } from '../../shared/audit/record'
import type { CallRecord, ServiceEvent } from '../backends/call-record'
import type { Db } from '../data/cipher-db'
import { LoopLoad } from '../data/loop-load'
import { WalCheckpointer } from '../data/wal-checkpointer'
import { WalSync } from '../data/wal-sync'
import {
  AUDIT_DB_FILE,
  auditDbKey,
  createSchema,
  isNewDb,
  missingTriggers,
  openAuditDb,
  readMeta,
  restoreTriggers,
  upgradeIndexes
} from './audit-db'
import { canonicalJson } from './canonical-json'
import {
  CHECKPOINT_FILE,
  makeCheckpoint,
  parseCheckpoint,
  readMirror,
  writeMirror,
  type Checkpoint
} from './checkpoint'
import { GroupCommit } from './group-commit'
import { genesis, linkHash, toBlob } from './hash-chain'
import { EventIndex } from './event-index'
import { recordFromCall, recordFromServiceEvent } from './record-builder'
import { createSigningKey, openSigningKey, signingKeyExists, type SigningKey } from './signing-key'
import { leanRecord } from './stored-record'

export interface AuditLogOptions {
  dataDir: string
  rootKey: Buffer
  /** Sign a checkpoint at least every this many records (default 1000). */
  checkpointEvery?: number
  /** ...and this long after the first record it does not cover yet (default 5 s). */
  checkpointAfterMs?: number
  /** Real time (tests inject one). */
  now?: () => number
  /** The built WAL checkpoint worker (default: next to the bundle; null: none). */
  checkpointWorker?: string | null
}

/** Most records one transaction takes; verify allows this much past the checkpoint interval. */
export const MAX_BATCH = 1024
const DEFAULT_EVERY = 1000
const DEFAULT_AFTER_MS = 5000
/** Pages in the WAL past which SQLite checkpoints (when the checkpoint worker is not there). */
const AUTOCHECKPOINT = 10_000

export class AuditLog {
  readonly dir: string
  readonly logId: string
  readonly checkpointEvery: number
  readonly signingKey: SigningKey
  readonly db: Db
  readonly index: EventIndex
  private readonly walSync: WalSync
  private readonly loop = new LoopLoad()
  private readonly checkpointer: WalCheckpointer
  private readonly dbKey: Buffer
  private readonly commits: GroupCommit<AuditRecord>
  private readonly insert
  private readonly insertCheckpoint
  private readonly now: () => number
  private head: { seq: number; hash: string }
  private last?: Checkpoint
  private published?: Checkpoint
  private mirroring: Promise<void> = Promise.resolve()
  private timer?: NodeJS.Timeout
  private closed = false

  private constructor(
    options: AuditLogOptions,
    db: Db,
    key: SigningKey,
    meta: Map<string, string>
  ) {
    this.dir = options.dataDir
    this.db = db
    this.dbKey = auditDbKey(options.rootKey)
    this.signingKey = key
    this.now = options.now ?? Date.now
    this.logId = meta.get('logId') as string
    this.checkpointEvery = Number(meta.get('checkpointEvery'))
    this.walSync = new WalSync(join(this.dir, `${AUDIT_DB_FILE}-wal`))
    this.insert = db.prepare('insert into events (seq, prev, hash, body) values (?, ?, ?, ?)')
    // Hot index pages are rewritten by every batch: a larger cache and fewer, larger WAL
    // checkpoints copy each of them once instead of once per thousand pages written.
    db.pragma('cache_size = -65536')
    db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT}`)
    this.insertCheckpoint = db.prepare(
      'insert into checkpoints (number, body, signature) values (?, ?, ?)'
    )
    const top = db.prepare('select seq, hash from events order by seq desc limit 1').get() as
      { seq: number; hash: Buffer } | undefined
    this.head = top
      ? { seq: top.seq, hash: top.hash.toString('hex') }
      : { seq: 0, hash: genesis(this.logId) }
    const cp = db
      .prepare('select body, signature from checkpoints order by number desc limit 1')
      .get() as { body: string; signature: Buffer } | undefined
    this.last = cp ? parseCheckpoint(cp.body, cp.signature) : undefined
    const mirror = readMirror(this.dir)
    this.published = mirror.state === 'ok' ? mirror.checkpoint : undefined
    const closedAt = this.last?.statement
    if (closedAt?.closed && this.head.seq > closedAt.records) {
      throw new LabStoreException(
        `records ${closedAt.records + 1} to ${this.head.seq} were added to the audit log after KeyLab ` +
          `closed it (checkpoint #${closedAt.number}, signed ${closedAt.signedAt}): KeyLab did not ` +
          `write them, and does not sign them. Run keylab audit verify --data-dir ${this.dir}.`
      )
    }
    if (closedAt?.closed) {
      // Open again: records may follow from here on (the closing checkpoint says none may).
      this.last = db.transaction(() => this.sign(this.head.seq, this.head.hash))()
    }
    this.publish(this.last)
    this.index = new EventIndex(db)
    this.index.catchUp()
    this.commits = new GroupCommit<AuditRecord>(
      { commit: (records) => this.commit(records), sync: () => this.durable() },
      MAX_BATCH
    )
    const after = options.checkpointAfterMs ?? DEFAULT_AFTER_MS
    this.timer = setInterval(() => this.checkpointIfBehind(), after)
    this.timer.unref()
    this.checkpointer = new WalCheckpointer({
      db,
      file: join(this.dir, AUDIT_DB_FILE),
      key: this.dbKey,
      what: 'audit log',
      walSync: this.walSync,
      autocheckpoint: AUTOCHECKPOINT,
      workerFile: options.checkpointWorker
    })
  }

  /** Opens (or creates) the audit log of a data dir the caller holds locked. */
  static open(options: AuditLogOptions): AuditLog {
    const dir = options.dataDir
    const dbExists = existsSync(join(dir, AUDIT_DB_FILE))
    if (!dbExists && existsSync(join(dir, CHECKPOINT_FILE))) {
      throw new LabStoreException(
        `the audit log ${join(dir, AUDIT_DB_FILE)} is missing but its checkpoints are there: it was ` +
          `deleted or moved. Restore it; KeyLab does not start a new log over an old one.`
      )
    }
    const db = openAuditDb(dir, options.rootKey, true)
    try {
      let meta: Map<string, string>
      let key: SigningKey
      if (isNewDb(db)) {
        key = signingKeyExists(dir)
          ? openSigningKey(dir, options.rootKey)
          : createSigningKey(dir, options.rootKey)
        createSchema(db, {
          logId: randomUUID(),
          createdAt: new Date().toISOString(),
          checkpointEvery: String(options.checkpointEvery ?? DEFAULT_EVERY),
          publicKeyFingerprint: key.fingerprint
        })
        meta = readMeta(db)
      } else {
        meta = readMeta(db)
        key = openSigningKey(dir, options.rootKey)
        if (key.fingerprint !== meta.get('publicKeyFingerprint')) {
          throw new LabStoreException(
            'the audit signing key is not the one this log was created with'
          )
        }
        upgradeIndexes(db)
        const missing = missingTriggers(db)
        if (missing.length) {
          console.warn(
            `audit log: append-only triggers were missing or altered (${missing.join(', ')}); restored`
          )
          restoreTriggers(db)
        }
      }
      return new AuditLog(options, db, key, meta)
    } catch (e) {
      db.close()
      throw e
    }
  }

  /** What a verify worker needs to open its own connection to this log (verify-run.ts). */
  get verifyAccess(): { file: string; key: Buffer } {
    return { file: join(this.dir, AUDIT_DB_FILE), key: this.dbKey }
  }

  get headSeq(): number {
    return this.head.seq
  }

  /** Group commit's counts and times so far (benchmarks). */
  get commitStats(): Readonly<GroupCommit<AuditRecord>['stats']> {
    return this.commits.stats
  }

  get lastCheckpoint(): Checkpoint | undefined {
    return this.last
  }

  /** Appends one record; resolves once it is on disk. */
  append(record: AuditRecord): Promise<void> {
    if (this.closed) return Promise.reject(new LabStoreException('the audit log is closed'))
    return this.commits.submit(record)
  }

  recordCall(call: CallRecord): Promise<void> {
    return this.append(recordFromCall(call, randomUUID()))
  }

  /** What the lab did on its own: committed at once, made durable with the next sync. */
  recordServiceEvent(event: ServiceEvent): void {
    if (this.closed) {
      console.error(`audit log closed: ${event.eventName} of ${event.keyArn} not recorded`)
      return
    }
    const record = recordFromServiceEvent(event, this.now(), randomUUID())
    const [error] = this.commit([record])
    if (error) console.error(`audit log: ${event.eventName} not recorded:`, error)
    this.durable().catch((e) => console.error('audit log sync failed:', e))
  }

  private commit(records: AuditRecord[]): Array<Error | undefined> {
    const bodies = records.map((r) => {
      try {
        return canonicalJson(leanRecord(r))
      } catch (e) {
        return e as Error
      }
    })
    const run = this.db.transaction(() => {
      let { seq, hash } = this.head
      const rows: Array<[number, AuditRecord]> = []
      bodies.forEach((body, i) => {
        if (typeof body !== 'string') return
        seq++
        const next = linkHash(hash, body)
        this.insert.run(seq, toBlob(hash), toBlob(next), body)
        rows.push([seq, records[i]])
        hash = next
      })
      const cp =
        seq - (this.last?.statement.records ?? 0) >= this.checkpointEvery
          ? this.sign(seq, hash)
          : undefined
      return { seq, hash, rows, cp }
    })
    const out = run()
    this.head = { seq: out.seq, hash: out.hash }
    if (out.cp) this.last = out.cp
    this.index.add(out.rows)
    return bodies.map((b) =>
      typeof b === 'string'
        ? undefined
        : new LabStoreException(`audit record refused: ${b.message}`)
    )
  }

  private sign(records: number, headHash: string, closed = false): Checkpoint {
    const cp = makeCheckpoint(
      this.signingKey,
      this.logId,
      this.last,
      records,
      headHash,
      this.now(),
      closed
    )
    this.insertCheckpoint.run(cp.statement.number, cp.body, cp.signature)
    return cp
  }

  /** Signs a checkpoint now if records were added since the last one; resolves once durable. */
  async checkpointIfBehind(): Promise<void> {
    if (this.head.seq === (this.last?.statement.records ?? 0) || this.db.open === false) return
    this.last = this.db.transaction(() => this.sign(this.head.seq, this.head.hash))()
    await this.durable()
    await this.mirroring
  }

  /** Signs the closing checkpoint: the head, marked closed, so that a record added while
   * KeyLab is not running is seen (by verify, and by the next open). */
  private async checkpointOnClose(): Promise<void> {
    if (this.head.seq === 0 || this.db.open === false) return
    if (this.last?.statement.closed && this.last.statement.records === this.head.seq) return
    this.last = this.db.transaction(() => this.sign(this.head.seq, this.head.hash, true))()
    await this.durable()
    await this.mirroring
  }

  /** Syncs what is committed, then mirrors the checkpoint that sync made durable. The sync
   * runs on this thread while the event loop has nothing else to do meanwhile (loop-load.ts). */
  private async durable(): Promise<void> {
    const cp = this.last
    if (this.loop.syncHere()) {
      const start = performance.now()
      this.walSync.flushHere()
      this.loop.syncedHere(performance.now() - start)
    } else {
      const ended = this.loop.offThread()
      await this.walSync.flush()
      ended()
    }
    this.publish(cp)
  }

  /** Syncs made so far, and how many of them on this thread (tests and benchmarks). */
  get syncCounts(): { syncs: number; here: number } {
    return { syncs: this.walSync.syncs, here: this.walSync.syncsHere }
  }

  /** Mirrors a durable checkpoint to audit-checkpoint.json, unless a newer one is there. */
  private publish(cp: Checkpoint | undefined): void {
    if (!cp || (this.published && this.published.statement.number >= cp.statement.number)) return
    this.published = cp
    this.mirroring = this.mirroring
      .then(() => (this.published === cp ? writeMirror(this.dir, cp) : undefined))
      .catch((e) => console.error('audit log: checkpoint file not written:', e))
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    await this.commits.settled()
    this.index.close()
    await this.checkpointOnClose()
    await this.walSync.flush()
    await this.mirroring
    await this.walSync.close()
    await this.checkpointer.close()
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.close()
  }
}
