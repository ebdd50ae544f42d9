// The offline KMS engine: opens the lab's data dir, validates each request, applies whatever
// the lab clock has made due, runs the operation, and answers only once its changes are on disk.
import { asKmsError, UnsupportedOperationException } from '../../../shared/errors'
import type { KmsInput, KmsOperationName, KmsOutput } from '../../../shared/kms/operations'
import { INPUT_SCHEMAS } from '../../kms/schemas'
import { parseInput } from '../../kms/validation'
import { LabClock } from './clock'
import type { ServiceEventListener } from '../call-record'
import type { Caller, Operation, OperationContext } from './context'
import { LabState } from './model/lab-state'
import { LAB_OPERATIONS } from './operations'
import { LabStore } from './store/lab-store'

export const DEFAULT_ACCOUNT_ID = '111122223333'
export const DEFAULT_REGION = 'us-east-1'

/** Decides whether the caller may make this call (policy/); throws AccessDeniedException. */
export type Authorizer = (ctx: OperationContext, op: KmsOperationName, input: unknown) => void

export interface EngineOptions {
  /** Account id for a new lab; an existing lab keeps the one it was created with. */
  accountId?: string
  /** Real-time source (tests inject one). */
  realTime?: () => number
  /** Told of what the lab does on its own (deletions, rotations, expiry) at lab time. */
  onServiceEvent?: ServiceEventListener
  authorize?: Authorizer
}

export class LabEngine {
  readonly accountId: string
  readonly clock: LabClock
  private readonly state: LabState
  private readonly options: EngineOptions

  constructor(
    private readonly store: LabStore,
    options: EngineOptions = {}
  ) {
    this.options = options
    this.state = new LabState(store)
    const stored = this.state.getMeta('accountId')
    this.accountId = stored ?? options.accountId ?? DEFAULT_ACCOUNT_ID
    if (!stored) this.state.write(() => this.state.setMeta('accountId', this.accountId))
    this.clock = new LabClock(Number(this.state.getMeta('clockOffsetMs') ?? 0), options.realTime)
  }

  /** Runs one KMS operation as `caller`. Throws KmsError subclasses only. */
  async call<Op extends KmsOperationName>(
    op: Op,
    input: unknown,
    caller: Caller
  ): Promise<KmsOutput<Op>> {
    const run = LAB_OPERATIONS[op] as Operation<Op> | undefined
    const schema = INPUT_SCHEMAS[op]
    if (!run || !schema)
      throw new UnsupportedOperationException(`KeyLab's lab does not implement ${op}.`)
    const parsed = parseInput(schema, input) as KmsInput<Op>
    const before = this.state.version
    try {
      this.tick()
      const ctx = this.context(caller)
      this.options.authorize?.(ctx, op, parsed)
      const output = await run(ctx, parsed)
      if (this.state.version !== before) await this.state.durable()
      return output
    } catch (e) {
      throw asKmsError(e)
    }
  }

  /** Applies every transition the lab clock has made due (deletions, rotations, expiry). */
  tick(): void {
    // Transitions are added by the key lifecycle (see model/due.ts once scheduled states exist).
  }

  /** Moves the lab clock forward, persists the offset, and applies what became due. */
  async advanceClock(ms: number): Promise<void> {
    const offset = this.clock.advance(ms)
    this.state.write(() => this.state.setMeta('clockOffsetMs', String(offset)))
    this.tick()
    await this.state.durable()
  }

  /** A lab-wide setting kept in the store's meta (e.g. the endpoint's credentials). */
  meta(name: string): string | undefined {
    return this.state.getMeta(name)
  }

  /** Stores a lab-wide setting; resolves once it is on disk. */
  async setMeta(name: string, value: string): Promise<void> {
    this.state.write(() => this.state.setMeta(name, value))
    await this.state.durable()
  }

  /**
   * Wipes the lab in one transaction: every key, alias, secret and record, the lab clock's
   * offset and every setting except the account id and those named in `keepMeta`.
   */
  async reset(keepMeta: readonly string[] = []): Promise<void> {
    this.state.wipe(['accountId', ...keepMeta])
    this.clock.reset()
    await this.state.durable()
  }

  private context(caller: Caller): OperationContext {
    return {
      region: caller.region,
      accountId: this.accountId,
      now: this.clock.now(),
      state: this.state,
      caller
    }
  }

  async close(): Promise<void> {
    await this.store.close()
  }
}
