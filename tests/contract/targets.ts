// The targets the one contract suite runs against. Every case is written once and run on each:
// the lab engine in-process; the lab's HTTP endpoint through the real @aws-sdk/client-kms
// (`keylab serve`); moto_server through KeyLab's AWS backend (the real SDK) as a
// stand-in for AWS; real AWS only when opted in.
import { rmSync } from 'node:fs'
import * as Kms from '@aws-sdk/client-kms'
import { AwsBackend } from '../../src/main/backends/aws/aws-backend'
import { AwsClientPool } from '../../src/main/backends/aws/aws-clients'
import { LAB_OPERATIONS } from '../../src/main/backends/local/operations'
import {
  OPERATION_NAMES,
  type KmsOperationName,
  type KmsOutput
} from '../../src/shared/kms/operations'
import { MOTO_ACCOUNT_ID, MOTO_CREDENTIALS, motoAvailable, startMoto } from '../helpers/moto'
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

type CommandClass = new (input: unknown) => Parameters<Kms.KMSClient['send']>[0]

/** A real `keylab serve` process, called through the real @aws-sdk/client-kms. */
export const endpoint: TargetFactory = {
  name: 'lab endpoint (keylab serve, @aws-sdk/client-kms)',
  enabled: true,
  lacks: LAB_LACKS,
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

/**
 * What moto_server (5.2.1, as installed here) does not do as AWS does, found by running calls
 * against it through the AWS backend. A case that depends on one of these skips on moto with
 * `it.skipIf(c.lacks('<name>'))`. Member constraints never reach moto: the AWS backend validates
 * with KeyLab's schemas first, so ValidationException cases run on it unchanged.
 */
export const MOTO_LACKS: Record<string, string> = {
  labClock: "the lab clock is KeyLab's own; moto (like AWS) has none",
  paging:
    'moto ignores Limit and Marker on ListKeys and ListAliases (every item, Truncated false) and never answers InvalidMarkerException',
  keyStates:
    'moto does not enforce key states: Encrypt works on Disabled and PendingDeletion keys, EnableKey on a key pending deletion, CancelKeyDeletion on a key that is not pending deletion',
  awsManagedKeys:
    'moto predefines the alias/aws/* aliases with targets that do not exist (DescribeKey answers NotFoundException) and describes alias/aws/* by name as a new customer managed key',
  importedMaterial:
    'moto does not implement GetParametersForImport, ImportKeyMaterial or DeleteImportedKeyMaterial (it answers HTTP 500 with an HTML page)',
  dataKeyPairs: 'moto does not implement GenerateDataKeyPair(WithoutPlaintext)',
  keyPolicies: 'moto stores any PutKeyPolicy text (no MalformedPolicyDocumentException)',
  nameRules:
    'moto accepts aws:-prefixed tag keys (AWS: TagException) and reserved alias/aws/ alias names, and answers a malformed alias name with "Invalid identifier"',
  keySpecRules: 'moto creates asymmetric keys without a KeyUsage (AWS requires one)',
  errorMessages:
    'moto answers InvalidCiphertextException with no message, and resolves a key ARN of another region to the key'
}

export const motoServer: TargetFactory = {
  name: 'AWS backend (SDK) on moto_server',
  enabled: motoAvailable() && process.env.KEYLAB_CONTRACT_MOTO !== '0',
  reason: motoAvailable() ? 'KEYLAB_CONTRACT_MOTO=0' : 'moto_server is not installed',
  lacks: Object.keys(MOTO_LACKS),
  async create() {
    const moto = await startMoto()
    const region = 'us-east-1'
    const pool = new AwsClientPool({
      mfaCode: () => Promise.reject(new Error('no MFA on moto'))
    })
    const backend = new AwsBackend(
      {
        credentialsKey: 'static:moto',
        credentials: { type: 'static', ...MOTO_CREDENTIALS },
        endpoint: moto.endpoint
      },
      pool
    )
    return {
      name: 'moto',
      region,
      accountId: MOTO_ACCOUNT_ID,
      call: (op, input) => backend.call(op, input, { region }),
      async close() {
        pool.destroy()
        await moto.stop()
      }
    }
  }
}

/** Every target of the suite; the endpoint and AWS targets register here as they exist. */
export const TARGETS: TargetFactory[] = [inProcess, endpoint, motoServer]
