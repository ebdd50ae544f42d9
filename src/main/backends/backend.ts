// What the console needs from a KMS backend (the local lab or AWS): run one operation in a
// region, with AWS's shapes in and out and AWS-named errors.
import type { KmsOperationName, KmsOutput } from '../../shared/kms/operations'
import type { BackendKind } from '../../shared/ipc/app-api'

/** What a backend learned about one call that the audit log records (AWS calls only so far). */
export interface CallFacts {
  /** AWS's request id (x-amzn-RequestId), on success and on a service error. */
  requestId?: string
  accountId?: string
  principalArn?: string
}

export interface CallOptions {
  region: string
  /** The lab principal to act as (lab-admin when unset); AWS backends ignore it. */
  principalArn?: string
  sourceIp?: string
  userAgent?: string
  /** Told the call's facts once it has an answer, before it resolves or rejects. */
  onFacts?: (facts: CallFacts) => void
}

export interface KmsBackend {
  readonly kind: BackendKind
  call<Op extends KmsOperationName>(
    op: Op,
    input: unknown,
    options: CallOptions
  ): Promise<KmsOutput<Op>>
}
