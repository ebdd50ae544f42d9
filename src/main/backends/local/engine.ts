// The offline KMS engine: opens the lab's data dir, validates each request, applies whatever
// the lab clock has made due, runs the operation, and answers only once its changes are on disk.
import { asKmsError, UnsupportedOperationException } from '../../../shared/errors'
import type { KmsInput, KmsOperationName, KmsOutput } from '../../../shared/kms/operations'
import { INPUT_SCHEMAS } from '../../kms/schemas'
import { parseKmsInput } from '../../kms/validation'
import { LabClock } from './clock'
import type { ServiceEvent, ServiceEventListener } from '../call-record'
import type { Caller, Operation, OperationContext } from './context'
import { DueSchedule } from './model/due'
import { applyMaterialExpiry } from './model/due-expiry'
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
  /** How often the lab applies what became due between calls, in ms (0: only on calls). */
  tickIntervalMs?: number
}

const DEFAULT_TICK_INTERVAL_MS = 1000

export class LabEngine {
  readonly accountId: string
  readonly clock: LabClock
  private readonly state: LabState
  private readonly options: EngineOptions
  private readonly due = new DueSchedule()
  private readonly timer?: ReturnType<typeof setInterval>

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
    this.state.observeKeys(this.due)
    const interval = options.tickIntervalMs ?? DEFAULT_TICK_INTERVAL_MS
    if (interval > 0) {
      this.timer = setInterval(() => void this.tickDurably(), interval)
      this.timer.unref?.()
    }
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
    const parsed = parseKmsInput(schema, input) as KmsInput<Op>
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

  /**
   * Runs `fn` on the lab state outside a KMS call (the lab's IAM console API, the policy
   * simulator), as `caller`; resolves once its changes are on disk. Throws KmsError subclasses.
   */
  async admin<T>(caller: Caller, fn: (ctx: OperationContext) => T): Promise<T> {
    const before = this.state.version
    try {
      this.tick()
      const result = fn(this.context(caller))
      if (this.state.version !== before) await this.state.durable()
      return result
    } catch (e) {
      throw asKmsError(e)
    }
  }

  /**
   * Applies every transition the lab clock has made due (deletions, rotations, expiry; see
   * model/due.ts), in lab-time order. O(1) when nothing is due.
   */
  tick(): void {
    const now = this.clock.now()
    this.sweepMaterialExpiry(now)
    const next = this.due.nextAt
    if (next === undefined || next > now) return
    this.due.run(now, { state: this.state, emit: (event) => this.emit(event) })
  }

  /**
   * Imported material expires per material record (model/due-expiry.ts), not per key, so it is
   * a sweep of its own beside the per-key schedule: it runs again only once the lab state has
   * changed or its next expiry is due.
   */
  private materialExpiry?: { version: number; next?: number }
  private sweepMaterialExpiry(now: number): void {
    const last = this.materialExpiry
    if (last && last.version === this.state.version && (last.next ?? Infinity) > now) return
    const next = applyMaterialExpiry(this.state, now, (event) => this.emit(event))
    this.materialExpiry = { version: this.state.version, next }
  }

  /** The earliest lab time something is due, if anything is. */
  get nextDueAt(): number | undefined {
    const times = [this.due.nextAt, this.materialExpiry?.next].filter((t) => t !== undefined)
    return times.length ? Math.min(...times) : undefined
  }

  private emit(event: ServiceEvent): void {
    try {
      this.options.onServiceEvent?.(event)
    } catch (e) {
      console.error('a service event listener failed:', e)
    }
  }

  /** The timer's tick: applies what is due and waits for it to be on disk. */
  private async tickDurably(): Promise<void> {
    const before = this.state.version
    try {
      this.tick()
      if (this.state.version !== before) await this.state.durable()
    } catch (e) {
      console.error('the lab could not apply a due transition:', e)
    }
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
    if (this.timer) clearInterval(this.timer)
    await this.store.close()
  }
}
