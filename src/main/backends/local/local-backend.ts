// The lab as a console backend: every call goes to the engine as the lab's acting principal.
import type { KmsOperationName, KmsOutput } from '../../../shared/kms/operations'
import type { CallOptions, KmsBackend } from '../backend'
import type { LabEngine } from './engine'

export class LocalBackend implements KmsBackend {
  readonly kind = 'lab' as const

  constructor(readonly engine: LabEngine) {}

  call<Op extends KmsOperationName>(
    op: Op,
    input: unknown,
    options: CallOptions
  ): Promise<KmsOutput<Op>> {
    return this.engine.call(op, input, {
      region: options.region,
      principalArn: options.principalArn,
      sourceIp: options.sourceIp ?? 'keylab-console',
      userAgent: options.userAgent ?? 'KeyLab console'
    })
  }
}
