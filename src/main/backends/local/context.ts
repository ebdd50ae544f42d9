// What every lab operation receives: who calls, in which region and account, at what lab time,
// and the lab state to read and change.
import type { KmsInput, KmsOperationName, KmsOutput } from '../../../shared/kms/operations'
import type { LabState } from './model/lab-state'

export interface Caller {
  region: string
  /** The principal the call is made as (lab-admin when not set). */
  principalArn?: string
  sourceIp?: string
  userAgent?: string
}

export interface OperationContext {
  readonly region: string
  readonly accountId: string
  /** Lab time of the call, epoch ms. */
  readonly now: number
  readonly state: LabState
  readonly caller: Caller
}

export type Operation<Op extends KmsOperationName> = (
  ctx: OperationContext,
  input: KmsInput<Op>
) => KmsOutput<Op> | Promise<KmsOutput<Op>>
