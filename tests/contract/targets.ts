// The targets the one contract suite runs against. Every case is written once and run on each:
// the lab engine in-process; the lab's HTTP endpoint through the real @aws-sdk/client-kms
// (added with the endpoint); real AWS or a stand-in only when opted in.
import { rmSync } from 'node:fs'
import { LAB_OPERATIONS } from '../../src/main/backends/local/operations'
import {
  OPERATION_NAMES,
  type KmsOperationName,
  type KmsOutput
} from '../../src/shared/kms/operations'
import { openTestLab, tempDir } from '../helpers/lab'

export interface KmsTarget {
  name: string
  region: string
  accountId: string
  call<Op extends KmsOperationName>(op: Op, input: Record<string, unknown>): Promise<KmsOutput<Op>>
  /** Moves the lab clock forward (lab targets only). */
  advanceClock?(ms: number): Promise<void>
  close(): Promise<void>
}

export interface TargetFactory {
  name: string
  /** When false the target is skipped, with `reason` printed. */
  enabled: boolean
  reason?: string
  /** What this target cannot do; cases that need one of these are skipped on it. */
  lacks?: string[]
  create(): Promise<KmsTarget>
}

/** `op:<Name>` for every operation the lab does not implement yet: cases using it are skipped. */
export const LAB_LACKS = OPERATION_NAMES.filter((op) => !LAB_OPERATIONS[op]).map((op) => `op:${op}`)

export const inProcess: TargetFactory = {
  name: 'lab engine (in-process)',
  enabled: true,
  lacks: LAB_LACKS,
  async create() {
    const dir = tempDir()
    const lab = openTestLab(dir, { tickIntervalMs: 0 })
    const region = 'us-east-1'
    return {
      name: 'in-process',
      region,
      accountId: lab.engine.accountId,
      call: (op, input) => lab.engine.call(op, input, { region }),
      advanceClock: (ms) => lab.engine.advanceClock(ms),
      async close() {
        await lab.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}

/** Every target of the suite; the endpoint and AWS targets register here as they exist. */
export const TARGETS: TargetFactory[] = [inProcess]
