// The workshop's own commands against `keylab serve`: the real aws CLI with --endpoint-url and
// credentials from a temporary config, never a real AWS profile. Each step runs once the engine
// has its operation (create-alias, list-aliases, encrypt, decrypt come with the key lifecycle and
// crypto issues); until then it is skipped with the reason printed.
import { execFile, execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LAB_OPERATIONS } from '../../src/main/backends/local/operations'
import type { KmsOperationName } from '../../src/shared/kms/operations'
import { tempDir } from '../helpers/lab'
import { startServe, TEST_CREDENTIALS, type ServeProcess } from '../helpers/serve'

const exec = promisify(execFile)

function awsCliVersion(): string | undefined {
  try {
    return execFileSync('aws', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    }).trim()
  } catch {
    return undefined
  }
}

const version = awsCliVersion()
if (!version) console.log('aws CLI test: skipped, the `aws` command is not installed')

function lacks(op: KmsOperationName): boolean {
  const missing = LAB_OPERATIONS[op] === undefined
  if (missing)
    console.log(
      `aws CLI test: skipping the ${op} step, the lab engine does not implement ${op} yet`
    )
  return missing
}

describe.skipIf(!version)('the aws CLI against keylab serve', () => {
  let dir: string
  let serve: ServeProcess
  let env: NodeJS.ProcessEnv
  let keyId = ''
  let ciphertext = ''
  const plaintext = 'The workshop plaintext: 32 bytes!'

  const aws = async (...args: string[]): Promise<Record<string, unknown>> => {
    const { stdout } = await exec(
      'aws',
      ['kms', ...args, '--endpoint-url', serve.url, '--output', 'json'],
      { env }
    )
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {}
  }

  beforeAll(async () => {
    dir = tempDir()
    serve = await startServe(join(dir, 'lab'), [
      '--credentials',
      `${TEST_CREDENTIALS.accessKeyId}:${TEST_CREDENTIALS.secretAccessKey}`
    ])
    const config = join(dir, 'config')
    const credentials = join(dir, 'credentials')
    writeFileSync(config, '[default]\nregion = us-east-1\n')
    writeFileSync(credentials, '[default]\n')
    env = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: credentials,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: ''
    }
    writeFileSync(join(dir, 'plain.txt'), plaintext)
  })
  afterAll(async () => {
    await serve?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('create-key', async () => {
    const out = await aws('create-key', '--description', 'workshop key')
    const md = out.KeyMetadata as Record<string, unknown>
    expect(md).toMatchObject({
      Description: 'workshop key',
      KeyState: 'Enabled',
      KeySpec: 'SYMMETRIC_DEFAULT'
    })
    keyId = md.KeyId as string
  })

  it.skipIf(lacks('CreateAlias'))('create-alias', async () => {
    await aws('create-alias', '--alias-name', 'alias/workshop', '--target-key-id', keyId)
  })

  it.skipIf(lacks('ListAliases'))('list-aliases', async () => {
    const out = await aws('list-aliases')
    expect(out.Aliases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AliasName: 'alias/workshop', TargetKeyId: keyId })
      ])
    )
  })

  it.skipIf(lacks('Encrypt'))('encrypt', async () => {
    const keyRef = LAB_OPERATIONS.CreateAlias ? 'alias/workshop' : keyId
    const out = await aws(
      'encrypt',
      '--key-id',
      keyRef,
      '--plaintext',
      `fileb://${join(dir, 'plain.txt')}`
    )
    expect(out.KeyId).toBe(`arn:aws:kms:us-east-1:111122223333:key/${keyId}`)
    ciphertext = out.CiphertextBlob as string
    writeFileSync(join(dir, 'ciphertext.bin'), Buffer.from(ciphertext, 'base64'))
  })

  it.skipIf(lacks('Decrypt') || lacks('Encrypt'))('decrypt', async () => {
    const out = await aws('decrypt', '--ciphertext-blob', `fileb://${join(dir, 'ciphertext.bin')}`)
    expect(out.KeyId).toBe(`arn:aws:kms:us-east-1:111122223333:key/${keyId}`)
    expect(Buffer.from(out.Plaintext as string, 'base64').toString()).toBe(plaintext)
  })

  it('shows AWS exceptions as the CLI shows them for real AWS', async () => {
    const failed = await exec(
      'aws',
      ['kms', 'describe-key', '--key-id', 'alias/nothing-here', '--endpoint-url', serve.url],
      { env }
    ).then(
      () => '',
      (e: { stderr: string }) => e.stderr
    )
    expect(failed).toContain(
      'An error occurred (NotFoundException) when calling the DescribeKey operation: Alias arn:aws:kms:us-east-1:111122223333:alias/nothing-here is not found.'
    )
  })
})
