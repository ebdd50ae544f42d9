// What the console needs from a KMS backend (the local lab or AWS): run one operation in a
// region, with AWS's shapes in and out and AWS-named errors.
import type { KmsOperationName, KmsOutput } from '../../shared/kms/operations'
import type { BackendKind } from '../../shared/ipc/app-api'

export interface CallOptions {
  region: string
  /** The lab principal to act as (lab-admin when unset); AWS backends ignore it. */
  principalArn?: string
  sourceIp?: string
  userAgent?: string
}

export interface KmsBackend {
  readonly kind: BackendKind
  call<Op extends KmsOperationName>(
    op: Op,
    input: unknown,
    options: CallOptions
  ): Promise<KmsOutput<Op>>
}
