// The targets the one contract suite runs against. Every case is written once and run on each:
// the lab engine in-process; the lab's HTTP endpoint through the real @aws-sdk/client-kms
// (`keylab serve`); moto_server through KeyLab's AWS backend (the real SDK) as a
// stand-in for AWS (never the reference: what it lacks is listed in MOTO_LACKS).
import { randomInt } from 'node:crypto'
import { rmSync } from 'node:fs'
import { inject } from 'vitest'
import * as Kms from '@aws-sdk/client-kms'
import { AwsBackend } from '../../src/main/backends/aws/aws-backend'
import { AwsClientPool } from '../../src/main/backends/aws/aws-clients'
import { LAB_OPERATIONS } from '../../src/main/backends/local/operations'
import {
  OPERATION_NAMES,
  type KmsOperationName,
  type KmsOutput
} from '../../src/shared/kms/operations'
import { MOTO_CREDENTIALS } from '../helpers/moto'
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
  /** Why, per capability in `lacks` (printed when a block is skipped). */
  reasons?: Record<string, string>
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

/** A `keylab serve` process on a fresh data dir, with its signed admin routes. */
async function startLabServe() {
  const dir = tempDir()
  const serve = await startServe(dir, [
    '--credentials',
    `${TEST_CREDENTIALS.accessKeyId}:${TEST_CREDENTIALS.secretAccessKey}`
  ])
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
  return {
    url: serve.url,
    accountId: health.accountId as string,
    advanceClock: async (ms: number) => {
      await admin('POST', 'clock', { ms })
    },
    async stop() {
      await serve.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A real `keylab serve` process, called through the real @aws-sdk/client-kms. */
export const endpoint: TargetFactory = {
  name: 'lab endpoint (keylab serve, @aws-sdk/client-kms)',
  enabled: true,
  lacks: LAB_LACKS,
  async create() {
    const serve = await startLabServe()
    const region = 'us-east-1'
    const client = new Kms.KMSClient({
      endpoint: serve.url,
      region,
      credentials: { ...TEST_CREDENTIALS },
      maxAttempts: 1
    })
    const commands = Kms as unknown as Record<string, CommandClass>
    return {
      name: 'endpoint',
      region,
      accountId: serve.accountId,
      call: async (op, input) => {
        const Command = commands[`${op}Command`]
        return (await client.send(new Command(input))) as never
      },
      advanceClock: serve.advanceClock,
      async close() {
        client.destroy()
        await serve.stop()
      }
    }
  }
}

/**
 * KeyLab's AWS backend (what the console uses for a real account) pointed at `keylab serve` as
 * a custom endpoint: the backend's SDK commands, error mapping and paging against a KMS that
 * behaves as AWS does, where moto cannot tell.
 */
export const awsBackendOnLab: TargetFactory = {
  name: 'AWS backend (SDK) on keylab serve',
  enabled: true,
  lacks: LAB_LACKS,
  async create() {
    const serve = await startLabServe()
    const region = 'us-east-1'
    const pool = new AwsClientPool({
      mfaCode: () => Promise.reject(new Error('no MFA on the lab endpoint'))
    })
    const backend = new AwsBackend(
      {
        credentialsKey: 'static:lab',
        credentials: { type: 'static', ...TEST_CREDENTIALS },
        endpoint: serve.url
      },
      pool
    )
    return {
      name: 'aws-backend-on-lab',
      region,
      accountId: serve.accountId,
      call: (op, input) => backend.call(op, input, { region }),
      advanceClock: serve.advanceClock,
      async close() {
        pool.destroy()
        await serve.stop()
      }
    }
  }
}

/**
 * What moto_server (5.2.1, as installed here) does not do as AWS does, found by running the calls
 * against it through the AWS backend (and the aws CLI). A case that depends on one of these skips
 * on moto with `it.skipIf(c.lacks('<name>'))`; a block that needs one throughout names it in
 * `contract(title, ['<name>'], cases)`. Member constraints never reach moto: the AWS backend
 * validates with KeyLab's schemas first, so ValidationException cases run on it unchanged.
 */
export const MOTO_LACKS: Record<string, string> = {
  labClock: "the lab clock is KeyLab's own; moto (like AWS) has none",
  paging:
    'moto ignores Limit and Marker on ListKeys, ListAliases, ListGrants and ListResourceTags (every item at once, Truncated false), never answers InvalidMarkerException, and lists aliases in creation order, not by name',
  keyStates:
    'moto does not enforce key states: the cryptographic operations, GetPublicKey, CreateGrant and rotation work on Disabled keys and keys pending deletion; EnableKey, DisableKey, CreateAlias, UpdateAlias, TagResource, UntagResource, UpdateKeyDescription and ScheduleKeyDeletion work on a key pending deletion; CancelKeyDeletion works on a key that is not pending deletion',
  importedMaterial:
    'moto does not implement GetParametersForImport, ImportKeyMaterial or DeleteImportedKeyMaterial (HTTP 500 with an HTML page), and creates an EXTERNAL key Enabled with material of its own, never PendingImport, taking Enable/DisableKeyRotation and GetKeyRotationStatus on it (AWS: UnsupportedOperationException)',
  dataKeyPairs:
    'moto does not implement GenerateDataKeyPair or GenerateDataKeyPairWithoutPlaintext (HTTP 500 with an HTML page)',
  keyAgreement: 'moto does not implement DeriveSharedSecret (HTTP 500 with an HTML page)',
  keyAlgorithms:
    'moto describes HMAC keys with RSA EncryptionAlgorithms and no MacAlgorithms, and KEY_AGREEMENT keys with RSA EncryptionAlgorithms and SigningAlgorithms but no KeyAgreementAlgorithms',
  ed25519:
    'moto does not know the ECC_NIST_EDWARDS25519 key spec (CreateKey answers ValidationException)',
  keySpecRules:
    'moto creates asymmetric and HMAC keys without a KeyUsage, with a KeyUsage their KeySpec does not offer (SYMMETRIC_DEFAULT for SIGN_VERIFY, say), and with KeySpec and CustomerMasterKeySpec together (AWS: ValidationException)',
  keyUsageRules:
    'moto does not check the key usage and key spec on use: Encrypt with a SIGN_VERIFY key or an RSA algorithm on a symmetric key, GenerateDataKey(WithoutPlaintext) with an RSA or HMAC key, ReEncrypt to a signing key and GenerateMac with the algorithm of another HMAC spec all succeed (AWS: InvalidKeyUsageException)',
  rsaEncryption:
    'moto encrypts with an RSA key in its own symmetric format (a 278-byte blob for 214 bytes, no size limit) and decrypts it whatever EncryptionAlgorithm is given',
  signing:
    'moto signs a DIGEST message as a RAW one (RAW and DIGEST signatures do not verify each other), checks no digest length, answers a wrong signature with SignatureValid false (AWS: KMSInvalidSignatureException), and an algorithm of another key spec or a key that does not sign with ValidationException (AWS: InvalidKeyUsageException)',
  dryRun:
    'moto ignores DryRun: the operation runs and answers as without it (AWS: DryRunOperationException)',
  ciphertexts:
    'moto ciphertexts start with the key id in clear: a blob whose key id bytes are changed, and Decrypt naming another KeyId, answer AccessDeniedException with no message (AWS: InvalidCiphertextException, IncorrectKeyException)',
  errorMessages:
    'moto answers an identifier that is no key id, ARN or alias with "Invalid keyId not-a-key" (AWS quotes it)',
  regionalArns:
    'moto resolves a key ARN of another region to the key (AWS: NotFoundException "Invalid arn <region>")',
  customKeyStores:
    'moto creates keys with Origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE without a custom key store (AWS: ValidationException, CustomKeyStoreNotFoundException)',
  aliasRules:
    'moto accepts alias names under alias/aws/ (AWS: NotAuthorizedException), answers a name without alias/ with "Invalid identifier", and moves an alias to a key of another type or usage, and gives a key any number of aliases (AWS: LimitExceededException past its quota of 50)',
  tagRules:
    'moto accepts aws:-prefixed tag keys, the same tag key twice in one request and more than 50 tags on a key (AWS: TagException)',
  keyPolicies:
    'moto stores any key policy text, also text that is not JSON or is over 32 KB (AWS: MalformedPolicyDocumentException)',
  defaultPolicyName:
    'moto requires PolicyName on GetKeyPolicy and PutKeyPolicy (NotFoundException "No such policy exists" without it; AWS takes default) and answers GetKeyPolicy without PolicyName',
  grants:
    'moto grants differ: 8-hex-digit GrantId and GrantToken, no IssuingAccount or CreationDate, Operations in request order, KeyId as a key id, a new grant for a repeated Name and parameters, grants for operations the key cannot do, HTTP 500 for an unknown key',
  rotation:
    'moto rotation differs: GetKeyRotationStatus answers no KeyId, RotationPeriodInDays or NextRotationDate; asymmetric and HMAC keys rotate (AWS: UnsupportedOperationException); no quota of 25 on-demand rotations; no key material ids in DescribeKey or ListKeyRotations',
  deletionRules:
    'moto answers ScheduleKeyDeletion with a PendingWindowInDays outside 7-30 as a success and leaves the key Enabled (AWS: ValidationException), and answers it without KeyState or PendingWindowInDays',
  multiRegionKeyIds:
    'moto names a multi-Region key mrk- and a dashed UUID (AWS: mrk- and 32 hex digits)',
  publicKeys:
    'moto answers GetPublicKey for symmetric and HMAC keys (AWS: UnsupportedOperationException), without KeySpec, and with KeyId as a key id',
  responseMembers:
    'moto leaves out members AWS answers: EncryptionAlgorithm (Encrypt, Decrypt), SourceEncryptionAlgorithm and DestinationEncryptionAlgorithm (ReEncrypt), KeyUsage and MultiRegion of a key created without them, CreationDate and LastUpdatedDate (ListAliases)',
  keyArns:
    'moto answers a key id where AWS answers the key ARN: KeyId of ScheduleKeyDeletion, CancelKeyDeletion, GenerateMac and VerifyMac'
}

const motoRun = inject('moto')

/** An account id of its own for each block: moto keeps every account apart. */
function freshAccountId(): string {
  return String(randomInt(100_000_000_000, 1_000_000_000_000))
}

/**
 * The run's moto_server (moto-global-setup.ts) through KeyLab's AWS backend, in a fresh account
 * per block (moto's `x-moto-account-id` header), so that no block sees another's keys.
 */
export const motoServer: TargetFactory = {
  name: 'AWS backend (SDK) on moto_server',
  enabled: motoRun?.endpoint !== undefined,
  reason: motoRun?.reason ?? 'no moto_server for this run (the contract project starts it)',
  lacks: Object.keys(MOTO_LACKS),
  reasons: MOTO_LACKS,
  async create() {
    const region = 'us-east-1'
    const accountId = freshAccountId()
    const pool = new AwsClientPool({
      mfaCode: () => Promise.reject(new Error('no MFA on moto'))
    })
    const target = {
      credentialsKey: 'static:moto',
      credentials: { type: 'static' as const, ...MOTO_CREDENTIALS },
      endpoint: motoRun!.endpoint!
    }
    pool.client(target, region).middlewareStack.add(
      (next) => (args) => {
        const request = args.request as { headers: Record<string, string> }
        request.headers['x-moto-account-id'] = accountId
        return next(args)
      },
      { step: 'build', name: 'motoAccount' }
    )
    const backend = new AwsBackend(target, pool)
    return {
      name: 'moto',
      region,
      accountId,
      call: (op, input) => backend.call(op, input, { region }),
      async close() {
        pool.destroy()
      }
    }
  }
}

/** Every target of the suite; the endpoint and AWS targets register here as they exist. */
export const TARGETS: TargetFactory[] = [inProcess, endpoint, awsBackendOnLab, motoServer]
