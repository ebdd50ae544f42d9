// `keylab serve` as a process: what it prints, one process per data dir, and a clean stop on
// SIGTERM that lets in-flight requests finish and keeps what they did.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/lab'
import { ROOT, serveEnv, startServe, TEST_CREDENTIALS, type ServeProcess } from '../helpers/serve'
import { kmsCall } from '../helpers/sign'

const run = promisify(execFile)
const cleanups: Array<() => Promise<unknown> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function newDir(): string {
  const dir = tempDir()
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function serve(dir: string, args: string[] = []): Promise<ServeProcess> {
  const p = await startServe(dir, args)
  cleanups.push(() => p.stop('SIGKILL'))
  return p
}

function hashDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of readdirSync(dir).sort()) {
    out[f] = createHash('sha256')
      .update(readFileSync(join(dir, f)))
      .digest('hex')
  }
  return out
}

const printed = (out: string, name: string): string =>
  new RegExp(`^${name}=(\\S+)$`, 'm').exec(out)?.[1] ?? ''

describe('keylab serve', () => {
  it('prints the URL, the lab credentials and ready-to-paste aws commands, same credentials on restart', async () => {
    const dir = newDir()
    const first = await serve(dir, ['--region', 'eu-central-1'])
    const out = first.output()
    const accessKeyId = printed(out, 'AWS_ACCESS_KEY_ID')
    const secret = printed(out, 'AWS_SECRET_ACCESS_KEY')
    expect(accessKeyId).toMatch(/^KEYLAB[A-Z2-7]{14}$/)
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(out).toContain(
      `aws kms create-key --description "my first lab key" --region eu-central-1 --endpoint-url ${first.url}`
    )
    expect(out).toContain(`aws configure set aws_access_key_id ${accessKeyId} --profile keylab`)
    expect(out).toContain(`aws configure set endpoint_url ${first.url} --profile keylab`)
    const created = await kmsCall(
      first.url,
      { accessKeyId, secretAccessKey: secret },
      'CreateKey',
      {},
      'eu-central-1'
    )
    expect(created.status).toBe(200)
    expect(await first.stop()).toBe(0)

    const second = await serve(dir)
    expect(printed(second.output(), 'AWS_ACCESS_KEY_ID')).toBe(accessKeyId)
    const keys = await kmsCall(
      second.url,
      { accessKeyId, secretAccessKey: secret },
      'ListKeys',
      {},
      'eu-central-1'
    )
    expect((keys.json().Keys as unknown[]).length).toBe(1)
  })

  it('refuses a second process on the same data dir with a clear error, touching nothing', async () => {
    const dir = newDir()
    const first = await serve(dir)
    const before = hashDir(dir)
    const second = await run(
      process.execPath,
      [join(ROOT, 'bin', 'keylab.js'), 'serve', '--data-dir', dir, '--port', '0'],
      {
        env: serveEnv()
      }
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e
    )
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(
      `the lab at ${dir} is in use by another KeyLab process (pid ${first.child.pid})`
    )
    expect(hashDir(dir)).toEqual(before)
    const own = {
      accessKeyId: printed(first.output(), 'AWS_ACCESS_KEY_ID'),
      secretAccessKey: printed(first.output(), 'AWS_SECRET_ACCESS_KEY')
    }
    expect((await kmsCall(first.url, own, 'ListKeys', {})).status).toBe(200)
  })

  it('refuses bad options before asking for anything', async () => {
    const dir = newDir()
    for (const [args, message] of [
      [['--port', 'http'], "--port must be 0 to 65535, not 'http'"],
      [['--host', 'example.com'], "--host must be an IP address, not 'example.com'"],
      [['--credentials', 'nocolon'], '--credentials must be ACCESS_KEY_ID:SECRET']
    ] as const) {
      const r = await run(
        process.execPath,
        [join(ROOT, 'bin', 'keylab.js'), 'serve', '--data-dir', dir, ...args],
        {
          env: serveEnv()
        }
      ).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e
      )
      expect(r.code).toBe(1)
      expect(r.stderr).toContain(message)
    }
  })

  it('on SIGTERM finishes in-flight requests, keeps their keys, and exits 0', async () => {
    const dir = newDir()
    const args = [
      '--credentials',
      `${TEST_CREDENTIALS.accessKeyId}:${TEST_CREDENTIALS.secretAccessKey}`
    ]
    const p = await serve(dir, args)
    // RSA_4096 keys take a while to generate: these are surely in flight when the signal lands.
    const inFlight = Array.from({ length: 4 }, (_, i) =>
      kmsCall(p.url, TEST_CREDENTIALS, 'CreateKey', {
        KeySpec: i % 2 ? 'RSA_4096' : 'SYMMETRIC_DEFAULT',
        KeyUsage: i % 2 ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT',
        Description: `in flight ${i}`
      })
    )
    await new Promise((resolve) => setTimeout(resolve, 150))
    const exit = p.stop('SIGTERM')
    const answers = await Promise.all(inFlight)
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200])
    expect(await exit).toBe(0)
    await expect(kmsCall(p.url, TEST_CREDENTIALS, 'ListKeys', {})).rejects.toThrow(/ECONNREFUSED/)
    // Closed to the end: each database checkpointed its WAL away and closed.
    expect(readdirSync(dir).filter((f) => f.endsWith('-wal'))).toEqual([])

    const again = await serve(dir, args)
    const listed = await kmsCall(again.url, TEST_CREDENTIALS, 'ListKeys', {})
    const ids = (listed.json().Keys as Array<{ KeyId: string }>).map((k) => k.KeyId).sort()
    const created = answers.map((a) => (a.json().KeyMetadata as { KeyId: string }).KeyId).sort()
    expect(ids).toEqual(created)
  })
})
