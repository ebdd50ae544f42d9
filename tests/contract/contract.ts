// Runs a block of contract cases once per target, each target with a fresh lab.
import { afterAll, beforeAll, describe } from 'vitest'
import { TARGETS, type KmsTarget } from './targets'

export interface ContractContext {
  /** The target of the block being run (set in beforeAll). */
  readonly t: KmsTarget
  /** True when the target lacks a capability (e.g. 'labClock'); use with it.skipIf. */
  lacks(capability: string): boolean
}

export function contract(title: string, cases: (ctx: ContractContext) => void): void {
  for (const factory of TARGETS) {
    describe.skipIf(!factory.enabled)(`${title} [${factory.name}]`, () => {
      let target: KmsTarget | undefined
      beforeAll(async () => {
        target = await factory.create()
      })
      afterAll(async () => {
        await target?.close()
      })
      cases({
        get t() {
          if (!target) throw new Error('contract target not created yet')
          return target
        },
        lacks: (capability) => factory.lacks?.includes(capability) ?? false
      })
    })
    if (!factory.enabled)
      console.log(`contract: skipping ${factory.name}: ${factory.reason ?? 'not enabled'}`)
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
