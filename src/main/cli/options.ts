// Options every `keylab` command shares: where the lab lives and how it is unlocked.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { DEFAULT_REGION } from '../backends/local/engine'
import type { EngineOptions } from '../backends/local/engine'
import { openLab, type Lab } from '../backends/local/lab'
import { readPassphrase } from './passphrase'

export function defaultDataDir(): string {
  return process.env.KEYLAB_DATA_DIR ?? join(homedir(), '.keylab', 'lab')
}

export interface LabArgs {
  'data-dir'?: string
  'account-id'?: string
  region?: string
}

export const LAB_ARG_SPEC = {
  'data-dir': { type: 'string' },
  'account-id': { type: 'string' },
  region: { type: 'string' }
} as const

export async function openLabFromArgs(
  args: LabArgs,
  engine: EngineOptions = {}
): Promise<{ lab: Lab; region: string }> {
  const dataDir = resolve(args['data-dir'] ?? defaultDataDir())
  const passphrase = await readPassphrase(`Passphrase for the lab at ${dataDir}: `)
  const lab = openLab({ ...engine, dataDir, unlock: { passphrase }, accountId: args['account-id'] })
  if (args['account-id'] && args['account-id'] !== lab.engine.accountId) {
    await lab.close()
    throw new Error(
      `the lab at ${dataDir} belongs to account ${lab.engine.accountId}, not ${args['account-id']}`
    )
  }
  return { lab, region: args.region ?? process.env.AWS_REGION ?? DEFAULT_REGION }
}
