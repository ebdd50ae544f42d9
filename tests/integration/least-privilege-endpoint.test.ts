// The workshop's least-privilege story through the lab's HTTP endpoint with the aws CLI and the
// workshop role's own access key: CreateKey denied with AWS's text -> attach the power-user
// policy -> allowed; ImportKeyMaterial denied -> attach a custom policy -> allowed. Policies are
// changed between runs of `keylab serve` (the running endpoint holds the lab's lock). Skips,
// saying why, until `keylab serve`, ImportKeyMaterial, the built CLI, aws and openssl exist.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LocalBackend } from '../../src/main/backends/local/local-backend'
import { LAB_OPERATIONS } from '../../src/main/backends/local/operations'
import { createServices } from '../../src/main/services/services'
import { openTestLab, tempDir, TEST_PASSPHRASE } from '../helpers/lab'

const ROOT = join(__dirname, '..', '..')
const ACCOUNT = '111122223333'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/KMSWorkshop-InstanceInitRole`
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/KMSWorkshop-InstanceInitRole/KeyLab`

function missing(): string | undefined {
  const cli = readFileSync(join(ROOT, 'src/main/cli/index.ts'), 'utf8')
  if (!/\bserve\b\s*:/.test(cli))
    return '`keylab serve` (the HTTP endpoint) is not in this build yet'
  if (!LAB_OPERATIONS.ImportKeyMaterial) return 'the lab does not implement ImportKeyMaterial yet'
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) return 'the CLI is not built (npm run build)'
  for (const tool of ['aws', 'openssl']) {
    if (spawnSync('which', [tool]).status !== 0) return `${tool} is not installed`
  }
  return undefined
}

const reason = missing()
if (reason) console.log(`least-privilege endpoint story: skipped: ${reason}`)

const dir = tempDir()
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function withServices<T>(
  fn: (s: ReturnType<typeof createServices>) => Promise<T>
): Promise<T> {
  const lab = openTestLab(dir)
  try {
    return await fn(
      createServices({
        backend: new LocalBackend(lab.engine),
        lab: lab.engine,
        region: 'us-east-1',
        version: 'test'
      })
    )
  } finally {
    await lab.close()
  }
}

async function serve<T>(fn: (endpoint: string) => Promise<T>): Promise<T> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin/keylab.js'), 'serve', '--data-dir', dir, '--port', '0'],
    {
      env: { ...process.env, KEYLAB_PASSPHRASE: TEST_PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let out = ''
      const onData = (chunk: Buffer): void => {
        out += chunk
        const m = /https?:\/\/127\.0\.0\.1:\d+/.exec(out)
        if (m) resolve(m[0])
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', (c: Buffer) => (out += c))
      child.on('exit', (code) => reject(new Error(`keylab serve exited (${code}):\n${out}`)))
    })
    return await fn(endpoint)
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

function aws(endpoint: string, key: { id: string; secret: string }, args: string[]) {
  const r = spawnSync(
    'aws',
    ['kms', ...args, '--endpoint-url', endpoint, '--region', 'us-east-1', '--output', 'json'],
    {
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        AWS_ACCESS_KEY_ID: key.id,
        AWS_SECRET_ACCESS_KEY: key.secret,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: join(dir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials')
      },
      cwd: dir,
      encoding: 'utf8'
    }
  )
  return { status: r.status, out: r.stdout, err: r.stderr }
}

describe.skipIf(reason !== undefined)(
  'least-privilege story through the endpoint (aws CLI)',
  () => {
    it('denies, explains, and allows once the policies are attached', async () => {
      const key = await withServices(async (s) => {
        await s.iam.createPrincipal({ type: 'role', name: 'KMSWorkshop-InstanceInitRole' })
        const k = await s.iam.createAccessKey({ principalArn: ROLE })
        return { id: k.accessKeyId, secret: k.secretAccessKey }
      })

      await serve(async (endpoint) => {
        const r = aws(endpoint, key, ['create-key'])
        expect(r.status).not.toBe(0)
        expect(r.err).toContain(
          `An error occurred (AccessDeniedException) when calling the CreateKey operation: User: ${SESSION} is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action`
        )
      })
      await withServices((s) =>
        s.iam.attachPolicy({
          principalArn: ROLE,
          policyArn: 'arn:aws:iam::aws:policy/AWSKeyManagementServicePowerUser'
        })
      )

      const external = await serve(async (endpoint) => {
        expect(aws(endpoint, key, ['create-key']).status).toBe(0)
        const created = aws(endpoint, key, ['create-key', '--origin', 'EXTERNAL'])
        expect(created.status).toBe(0)
        const md = JSON.parse(created.out).KeyMetadata
        const params = aws(endpoint, key, [
          'get-parameters-for-import',
          '--key-id',
          md.KeyId,
          '--wrapping-algorithm',
          'RSAES_OAEP_SHA_1',
          '--wrapping-key-spec',
          'RSA_2048'
        ])
        expect(params.status).toBe(0)
        const p = JSON.parse(params.out)
        writeFileSync(join(dir, 'pkey.bin'), Buffer.from(p.PublicKey, 'base64'))
        writeFileSync(join(dir, 'token.bin'), Buffer.from(p.ImportToken, 'base64'))
        spawnSync('openssl', ['rand', '-out', 'genkey.bin', '32'], { cwd: dir })
        const wrap = spawnSync(
          'openssl',
          [
            'pkeyutl',
            '-encrypt',
            '-in',
            'genkey.bin',
            '-out',
            'WrappedKeyMaterial.bin',
            '-inkey',
            'pkey.bin',
            '-keyform',
            'DER',
            '-pubin',
            '-pkeyopt',
            'rsa_padding_mode:oaep'
          ],
          { cwd: dir }
        )
        expect(wrap.status).toBe(0)
        const imported = aws(endpoint, key, importArgs(md.KeyId))
        expect(imported.status).not.toBe(0)
        expect(imported.err).toContain(
          `when calling the ImportKeyMaterial operation: User: ${SESSION} is not authorized to perform: kms:ImportKeyMaterial on resource: ${md.Arn} because no identity-based policy allows the kms:ImportKeyMaterial action`
        )
        return md
      })

      await withServices(async (s) => {
        const policy = await s.iam.createPolicy({
          policyName: 'KMS-Workshop-ImportMaterialPermissions',
          document: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'kms:ImportKeyMaterial', Resource: '*' }]
          })
        })
        await s.iam.attachPolicy({ principalArn: ROLE, policyArn: policy.arn })
      })
      await serve(async (endpoint) => {
        const imported = aws(endpoint, key, importArgs(external.KeyId))
        expect(imported.err).toBe('')
        expect(imported.status).toBe(0)
      })
    })
  }
)

function importArgs(keyId: string): string[] {
  const validTo = new Date(Date.now() + 30 * 86_400_000).toISOString()
  return [
    'import-key-material',
    '--key-id',
    keyId,
    '--encrypted-key-material',
    'fileb://WrappedKeyMaterial.bin',
    '--import-token',
    'fileb://token.bin',
    '--expiration-model',
    'KEY_MATERIAL_EXPIRES',
    '--valid-to',
    validTo
  ]
}
