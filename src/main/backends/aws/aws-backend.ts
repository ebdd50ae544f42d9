// AWS KMS as a console backend: each operation is validated with KeyLab's input schemas (the
// same ones the lab uses, so bad input gets AWS's ValidationException text before anything is
// sent), then sent as its one SDK command. No business logic: AWS decides everything else.
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import type { KmsOperationName, KmsOutput } from '../../../shared/kms/operations'
import { INPUT_SCHEMAS } from '../../kms/schemas'
import { parseKmsInput } from '../../kms/validation'
import type { CallFacts, CallOptions, KmsBackend } from '../backend'
import type { AwsClientPool, AwsTarget } from './aws-clients'
import { fromAwsError, requestIdOf } from './aws-errors'
import { COMMANDS } from './commands'

export class AwsBackend implements KmsBackend {
  readonly kind = 'aws' as const
  /** The account the connection's calls land in, once known (credentials or ARNs). */
  accountId?: string
  /** Who the calls are made as, from STS GetCallerIdentity (audit records name this ARN). */
  caller?: { arn: string; account: string }
  private asked?: Promise<unknown>

  constructor(
    readonly target: AwsTarget,
    private readonly pool: AwsClientPool
  ) {}

  /** The KMS endpoint calls in `region` go to. */
  endpointFor(region: string): string {
    return this.target.endpoint ?? `https://kms.${region}.amazonaws.com`
  }

  async call<Op extends KmsOperationName>(
    op: Op,
    input: unknown,
    options: CallOptions
  ): Promise<KmsOutput<Op>> {
    const schema = INPUT_SCHEMAS[op]
    const request = schema ? parseKmsInput(schema, input) : (input ?? {})
    const client = this.pool.client(this.target, options.region)
    try {
      const { $metadata, ...output } = (await client.send(COMMANDS[op](request))) as {
        $metadata: { requestId?: string }
      }
      await this.learnAccount(options.region)
      options.onFacts?.(this.facts($metadata.requestId))
      return output as KmsOutput<Op>
    } catch (e) {
      options.onFacts?.(this.facts(requestIdOf(e)))
      throw fromAwsError(e, this.endpointFor(options.region))
    }
  }

  /** The credentials the connection signs with (resolving them if need be). */
  credentials(): ReturnType<ReturnType<AwsClientPool['provider']>> {
    return this.pool.provider(this.target)()
  }

  /**
   * Asks STS who the credentials are (once per connection unless asked again, as Test
   * connection does). Undefined where STS does not answer, e.g. a custom endpoint without STS.
   */
  async whoAmI(region: string): Promise<{ arn: string; account: string } | undefined> {
    const ask = this.pool
      .sts(this.target, region)
      .send(new GetCallerIdentityCommand({}))
      .then((out) => {
        if (out.Arn && out.Account) this.caller = { arn: out.Arn, account: out.Account }
      })
      .catch(() => undefined)
    this.asked = ask
    await ask
    return this.caller
  }

  private async learnAccount(region: string): Promise<void> {
    if (!this.asked) await this.whoAmI(region)
    else await this.asked
    if (this.accountId) return
    const identity = await this.credentials().catch(() => undefined)
    this.accountId = identity?.accountId ?? this.caller?.account
  }

  private facts(requestId: string | undefined): CallFacts {
    return {
      ...(requestId ? { requestId } : {}),
      ...(this.accountId ? { accountId: this.accountId } : {}),
      ...(this.caller ? { principalArn: this.caller.arn } : {})
    }
  }
}
