// What an adapter (IPC, web bridge, HTTP endpoint) knows about one KMS call once it is done.
// The audit log turns these into records; an adapter awaits its observer before it answers, so
// no call is acknowledged before it is on record.
import type { KmsError } from '../../shared/errors'
import type { KmsOperationName } from '../../shared/kms/operations'
import type { BackendKind } from '../../shared/ipc/app-api'

export interface CallRecord {
  operation: KmsOperationName
  /** The request as validated; redaction is the audit log's job (allow-list per operation). */
  input: unknown
  output?: unknown
  error?: KmsError
  region: string
  /** Epoch ms (real time) when the call started, and the lab time when it ran, if on the lab. */
  startedAt: number
  labTime?: number
  /** AWS's request id for calls to AWS (x-amzn-RequestId); a fresh UUID for lab calls. */
  requestId: string
  principalArn?: string
  /** The access key the request was signed with (endpoint calls). */
  accessKeyId?: string
  /** The account the call landed in (the lab's, or the AWS connection's once known). */
  accountId?: string
  sourceIp?: string
  userAgent?: string
  /** Where it ran: the lab, or an AWS connection (its profile and custom endpoint, if any). */
  backend: { kind: BackendKind; label: string; profile?: string; endpoint?: string }
  via: 'console' | 'endpoint'
}

export type CallObserver = (record: CallRecord) => Promise<void>

/** Something the lab did on its own at the lab clock's time (CloudTrail's AwsServiceEvent). */
export interface ServiceEvent {
  /** e.g. DeleteKey, RotateKey, DeleteExpiredKeyMaterial */
  eventName: string
  region: string
  accountId: string
  keyArn: string
  labTime: number
  details?: Record<string, unknown>
}

export type ServiceEventListener = (event: ServiceEvent) => void
