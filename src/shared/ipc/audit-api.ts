// The audit log as the console sees it: windows of rows for the table (paged in SQL), one record
// as its full CloudTrail event, integrity verification with progress, and exports in chunks.
import type { AuditEventType, CloudTrailEvent } from '../audit/record'

export interface AuditFilter {
  /** Bounds on eventTime, epoch milliseconds, inclusive. */
  from?: number
  to?: number
  eventName?: string
  /** A key id or key ARN: events that concern this key. */
  keyId?: string
  errorsOnly?: boolean
  /** true: read-only events only; false: mutating events only. */
  readOnly?: boolean
  /** Case-insensitive text anywhere in the record. */
  text?: string
}

/** What the table shows of one record. */
export interface AuditRow {
  seq: number
  /** Epoch ms. */
  eventTime: number
  eventName: string
  eventType: AuditEventType
  /** The key as the call named it (alias or id), else the key it concerned. */
  key?: string
  keyId?: string
  principal: string
  backend: string
  errorCode?: string
  readOnly: boolean
}

export interface AuditPageRequest {
  filter: AuditFilter
  /** Position in the filtered log, newest first. */
  offset: number
  limit: number
  /** Pin the view to the log as it was at this record (from a previous page). */
  head?: number
}

export interface AuditPage {
  /** The last record this view includes; newer ones appear after a refresh. */
  head: number
  /** Matches under the filter (for a text search still going on, those found so far). */
  total: number
  offset: number
  rows: AuditRow[]
  /** Set while a text search is still reading the log: records read so far, of how many. */
  searching?: { scanned: number; of: number }
}

export interface CheckpointInfo {
  number: number
  records: number
  headHash: string
  signedAt: string
}

export interface AuditSummary {
  logId: string
  head: number
  checkpoints: number
  lastCheckpoint?: CheckpointInfo
  /** SHA-256 of the checkpoint signing key (Ed25519, SPKI DER), hex. */
  publicKeyFingerprint: string
}

export interface AuditDetail {
  seq: number
  hash: string
  prevHash: string
  event: CloudTrailEvent
}

export interface VerifyFailure {
  seq?: number
  checkpoint?: number
  reason: string
}

export interface VerifyReport {
  ok: boolean
  records: number
  checkpoints: number
  headHash?: string
  lastCheckpoint?: CheckpointInfo
  /** The first thing that failed, when anything did. */
  failure?: VerifyFailure
  /** Everything that failed, first failure included. */
  problems: VerifyFailure[]
  /** Facts worth knowing that are not failures (e.g. records written after the last checkpoint). */
  notes: string[]
  elapsedMs: number
}

export interface VerifyStatus {
  id: string
  done: boolean
  checked: number
  total: number
  report?: VerifyReport
}

export type ExportFormat = 'cloudtrail' | 'csv'

export interface ExportChunkRequest {
  format: ExportFormat
  filter: AuditFilter
  /** From the previous chunk; absent for the first. */
  cursor?: string
  head?: number
}

export interface ExportChunk {
  /** The next piece of the file; concatenate all pieces in order. */
  data: string
  cursor?: string
  head: number
  count: number
  done: boolean
}

export interface AuditApi {
  summary(input: Record<string, never>): Promise<AuditSummary>
  query(input: AuditPageRequest): Promise<AuditPage>
  getRecord(input: { seq: number }): Promise<AuditDetail>
  startVerify(input: Record<string, never>): Promise<VerifyStatus>
  verifyStatus(input: { id: string }): Promise<VerifyStatus>
  exportChunk(input: ExportChunkRequest): Promise<ExportChunk>
}
