// The targets the one contract suite runs against. Every case is written once and run on each:
// the lab engine in-process; the lab's HTTP endpoint through the real @aws-sdk/client-kms
// (added with the endpoint); real AWS or a stand-in only when opted in.
import { rmSync } from 'node:fs'
import * as Kms from '@aws-sdk/client-kms'
import type { KmsOperationName, KmsOutput } from '../../src/shared/kms/operations'
import { openTestLab, tempDir } from '../helpers/lab'
import { startServe, TEST_CREDENTIALS } from '../helpers/serve'
import { send, signRequest } from '../helpers/sign'

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

export const inProcess: TargetFactory = {
  name: 'lab engine (in-process)',
  enabled: true,
  async create() {
    const dir = tempDir()
    const lab = openTestLab(dir)
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

type CommandClass = new (input: unknown) => Parameters<Kms.KMSClient['send']>[0]

/** A real `keylab serve` process, called through the real @aws-sdk/client-kms. */
export const endpoint: TargetFactory = {
  name: 'lab endpoint (keylab serve, @aws-sdk/client-kms)',
  enabled: true,
  async create() {
    const dir = tempDir()
    const serve = await startServe(dir, [
      '--credentials',
      `${TEST_CREDENTIALS.accessKeyId}:${TEST_CREDENTIALS.secretAccessKey}`
    ])
    const region = 'us-east-1'
    const client = new Kms.KMSClient({
      endpoint: serve.url,
      region,
      credentials: { ...TEST_CREDENTIALS },
      maxAttempts: 1
    })
    const admin = async (method: string, route: string, body?: unknown) => {
      const req = await signRequest({
        url: serve.url,
        credentials: TEST_CREDENTIALS,
        method,
        path: `/_keylab/${route}`,
        body
      })
      const r = await send(serve.url, req)
      if (r.status !== 200) throw new Error(`/_keylab/${route} answered ${r.status}: ${r.text}`)
      return r.json()
    }
    const health = await admin('GET', 'health')
    const commands = Kms as unknown as Record<string, CommandClass>
    return {
      name: 'endpoint',
      region,
      accountId: health.accountId as string,
      call: async (op, input) => {
        const Command = commands[`${op}Command`]
        return (await client.send(new Command(input))) as never
      },
      advanceClock: async (ms) => {
        await admin('POST', 'clock', { ms })
      },
      async close() {
        client.destroy()
        await serve.stop()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}

/** Every target of the suite; the AWS target registers here when it exists. */
export const TARGETS: TargetFactory[] = [inProcess, endpoint]
