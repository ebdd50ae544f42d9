// Runs a block of contract cases once per target, each target with a fresh lab. A block that
// needs capabilities a target lacks is skipped on it, and every skip says why.
import { afterAll, beforeAll, describe } from 'vitest'
import { TARGETS, type KmsTarget, type TargetFactory } from './targets'

export interface ContractContext {
  /** The target of the block being run (set in beforeAll). */
  readonly t: KmsTarget
  /** True when the target lacks any of these capabilities (e.g. 'labClock'); use with it.skipIf. */
  lacks(...capabilities: string[]): boolean
}

type Cases = (ctx: ContractContext) => void

/** What the target lacks of `capabilities`, in the order given. */
function missing(factory: TargetFactory, capabilities: readonly string[]): string[] {
  return capabilities.filter((c) => factory.lacks?.includes(c))
}

function reasonOf(factory: TargetFactory, capability: string): string {
  return factory.reasons?.[capability] ?? capability
}

/**
 * `contract(title, cases)`, or `contract(title, needs, cases)` for a block whose every case
 * needs the capabilities in `needs` (imported material, say): on a target that lacks one of them
 * the whole block is skipped, with the reason printed.
 */
export function contract(title: string, cases: Cases): void
export function contract(title: string, needs: readonly string[], cases: Cases): void
export function contract(title: string, a: Cases | readonly string[], b?: Cases): void {
  const needs = typeof a === 'function' ? [] : a
  const cases = typeof a === 'function' ? a : (b as Cases)
  for (const factory of TARGETS) {
    const label = `${title} [${factory.name}]`
    const lacking = missing(factory, needs)
    if (!factory.enabled) {
      console.log(`contract: skipping ${factory.name}: ${factory.reason ?? 'not enabled'}`)
    } else if (lacking.length) {
      console.log(`contract: skipping "${label}": ${reasonOf(factory, lacking[0])}`)
    }
    describe.skipIf(!factory.enabled || lacking.length > 0)(label, () => {
      let target: KmsTarget | undefined
      beforeAll(async () => {
        target = await factory.create()
      })
      afterAll(async () => {
        await target?.close()
      })
      const skipped = new Set<string>()
      let collecting = true
      cases({
        get t() {
          if (!target) throw new Error('contract target not created yet')
          return target
        },
        lacks: (...capabilities) => {
          const lacked = missing(factory, capabilities)
          if (collecting) lacked.forEach((capability) => skipped.add(capability))
          return lacked.length > 0
        }
      })
      collecting = false
      if (factory.enabled && !lacking.length && skipped.size) {
        console.log(`contract: "${label}" skips the cases that need: ${[...skipped].join(', ')}`)
      }
    })
  }
}

/** Asserts that a call fails with AWS's exception name and (when given) exact message. */
export async function expectError(
  call: Promise<unknown>,
  name: string,
  message?: string | RegExp
): Promise<void> {
  let error: unknown
  try {
    await call
  } catch (e) {
    error = e
  }
  if (!error) throw new Error(`expected ${name}, but the call succeeded`)
  const e = error as { name?: string; message?: string }
  if (e.name !== name) throw new Error(`expected ${name}, got ${e.name}: ${e.message}`)
  if (message instanceof RegExp && !message.test(e.message ?? '')) {
    throw new Error(`expected ${name} message matching ${message}, got: ${e.message}`)
  }
  // AWS sends some errors without a message; the SDK then says "UnknownError".
  const sdkEmpty = message === '' && e.message === 'UnknownError'
  if (typeof message === 'string' && e.message !== message && !sdkEmpty) {
    throw new Error(`expected ${name} message:\n  ${message}\ngot:\n  ${e.message}`)
  }
}
