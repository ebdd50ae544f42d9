// One moto_server for a whole run of the contract suite (the contract project's globalSetup):
// started once, handed to the test files through `inject('moto')`, stopped when the run ends.
// Each contract block works in an account of its own on it (targets.ts), so blocks never see
// each other's keys. KEYLAB_CONTRACT_MOTO=0, or no moto_server that starts, disables the target.
import type { TestProject } from 'vitest/node'
import { startMoto, type Moto } from '../helpers/moto'

export interface MotoContext {
  /** The shared moto_server, when it runs. */
  endpoint?: string
  /** Why there is none. */
  reason?: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    moto: MotoContext
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let moto: Moto | undefined
  let context: MotoContext
  if (process.env.KEYLAB_CONTRACT_MOTO === '0') {
    context = { reason: 'KEYLAB_CONTRACT_MOTO=0' }
  } else {
    try {
      moto = await startMoto()
      context = { endpoint: moto.endpoint }
    } catch (e) {
      context = { reason: (e as Error).message.split('\n')[0] }
    }
  }
  project.provide('moto', context)
  return async () => {
    await moto?.stop()
  }
}
