// The benchmark's workloads: what each one measures, what it needs the server to implement, and
// how its request is prepared (keys, ciphertexts, signatures) through the real SDK.
import { randomBytes } from 'node:crypto'
import * as Kms from '@aws-sdk/client-kms'

export interface Prepared {
  region: string
  /** The request input with blobs as Uint8Array (the SDK's form). */
  input: Record<string, unknown>
}

export interface Workload {
  name: string
  op: string
  /** Operations the server must implement for setup and measurement. */
  needs: string[]
  prepare(client: (region: string) => Kms.KMSClient): Promise<Prepared>
}

type CommandClass = new (input: unknown) => Parameters<Kms.KMSClient['send']>[0]
const commands = Kms as unknown as Record<string, CommandClass>

export function command(op: string, input: unknown): Parameters<Kms.KMSClient['send']>[0] {
  return new commands[`${op}Command`](input)
}

const REGION = 'us-east-1'
const MESSAGE = randomBytes(32)

async function symmetricKey(client: Kms.KMSClient): Promise<string> {
  const { KeyMetadata } = await client.send(new Kms.CreateKeyCommand({ Description: 'bench' }))
  return KeyMetadata?.KeyId as string
}

async function rsaKey(client: Kms.KMSClient): Promise<string> {
  const { KeyMetadata } = await client.send(
    new Kms.CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })
  )
  return KeyMetadata?.KeyId as string
}

export const WORKLOADS: Workload[] = [
  {
    name: 'CreateKey',
    op: 'CreateKey',
    needs: ['CreateKey'],
    prepare: async () => ({ region: REGION, input: { Description: 'bench' } })
  },
  {
    name: 'Encrypt 4 KB',
    op: 'Encrypt',
    needs: ['CreateKey', 'Encrypt'],
    prepare: async (client) => ({
      region: REGION,
      input: { KeyId: await symmetricKey(client(REGION)), Plaintext: randomBytes(4096) }
    })
  },
  {
    name: 'Decrypt',
    op: 'Decrypt',
    needs: ['CreateKey', 'Encrypt', 'Decrypt'],
    prepare: async (client) => {
      const kms = client(REGION)
      const KeyId = await symmetricKey(kms)
      const { CiphertextBlob } = await kms.send(
        new Kms.EncryptCommand({ KeyId, Plaintext: randomBytes(4096) })
      )
      return { region: REGION, input: { CiphertextBlob } }
    }
  },
  {
    name: 'GenerateDataKey',
    op: 'GenerateDataKey',
    needs: ['CreateKey', 'GenerateDataKey'],
    prepare: async (client) => ({
      region: REGION,
      input: { KeyId: await symmetricKey(client(REGION)), KeySpec: 'AES_256' }
    })
  },
  {
    name: 'Sign RSA_2048',
    op: 'Sign',
    needs: ['CreateKey', 'Sign'],
    prepare: async (client) => ({
      region: REGION,
      input: {
        KeyId: await rsaKey(client(REGION)),
        Message: MESSAGE,
        MessageType: 'RAW',
        SigningAlgorithm: 'RSASSA_PSS_SHA_256'
      }
    })
  },
  {
    name: 'Verify RSA_2048',
    op: 'Verify',
    needs: ['CreateKey', 'Sign', 'Verify'],
    prepare: async (client) => {
      const kms = client(REGION)
      const KeyId = await rsaKey(kms)
      const base = {
        KeyId,
        Message: MESSAGE,
        MessageType: 'RAW',
        SigningAlgorithm: 'RSASSA_PSS_SHA_256'
      } as const
      const { Signature } = await kms.send(new Kms.SignCommand(base))
      return { region: REGION, input: { ...base, Signature } }
    }
  },
  {
    // Not one of the workloads: a read-only call with no key work, so the figure is the
    // endpoint's own cost (HTTP, SigV4, JSON, the engine's dispatch) next to the ceiling.
    name: 'DescribeKey',
    op: 'DescribeKey',
    needs: ['CreateKey', 'DescribeKey'],
    prepare: async (client) => ({
      region: REGION,
      input: { KeyId: await symmetricKey(client(REGION)) }
    })
  },
  {
    name: 'ListKeys of 1,000',
    op: 'ListKeys',
    needs: ['CreateKey', 'ListKeys'],
    prepare: async (client) => {
      const region = 'eu-west-1'
      const kms = client(region)
      let made = 0
      // ECC keys: moto_server makes an RSA key pair for every symmetric key (about 80 ms each
      // here), an EC pair in well under a millisecond. ListKeys answers the same for either.
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (made < 1000) {
            made++
            await kms.send(
              new Kms.CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' })
            )
          }
        })
      )
      const { Keys } = await kms.send(new Kms.ListKeysCommand({ Limit: 1000 }))
      if (Keys?.length !== 1000) throw new Error(`ListKeys setup made ${Keys?.length} keys`)
      return { region, input: { Limit: 1000 } }
    }
  }
]
