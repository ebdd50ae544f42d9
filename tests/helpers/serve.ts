// Real `keylab serve` processes for tests: builds the CLI when its sources are newer than
// out/main/cli.js (once, under a lock shared by parallel test files), starts it on a free port
// and stops it with a signal.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { TEST_PASSPHRASE } from './lab'

export const ROOT = join(__dirname, '..', '..')
const CLI = join(ROOT, 'out', 'main', 'cli.js')
const LOCK = join(ROOT, 'out', '.test-build-lock')

function newestMtime(path: string): number {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function stale(): boolean {
  if (!existsSync(CLI)) return true
  const sources = Math.max(
    newestMtime(join(ROOT, 'src', 'main')),
    newestMtime(join(ROOT, 'src', 'shared')),
    newestMtime(join(ROOT, 'package.json'))
  )
  return sources > statSync(CLI).mtimeMs
}

/** Builds out/main/cli.js if any main or shared source is newer than it. */
export function ensureBuilt(): void {
  if (!stale()) return
  mkdirSync(join(ROOT, 'out'), { recursive: true })
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`${LOCK} is held for too long`)
      execFileSync('sleep', ['0.2'])
    }
  }
  try {
    if (stale()) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' })
  } finally {
    rmdirSync(LOCK)
  }
}

export interface ServeProcess {
  url: string
  port: number
  child: ChildProcess
  /** Everything it printed so far (stdout and stderr). */
  output(): string
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

export const TEST_CREDENTIALS = {
  accessKeyId: 'KEYLABTESTACCESSKEY1',
  secretAccessKey: 'test-secret/for+the+lab+endpoint0123456789'
}

export function serveEnv(): NodeJS.ProcessEnv {
  return { ...process.env, KEYLAB_PASSPHRASE: TEST_PASSPHRASE, AWS_EC2_METADATA_DISABLED: 'true' }
}

/**
 * Runs `keylab serve` on a data dir; resolves once it has printed its whole banner (the endpoint
 * URL first, "Stop with Ctrl+C." last: a pipe may bring the lines in several chunks).
 */
export function startServe(dataDir: string, args: string[] = []): Promise<ServeProcess> {
  ensureBuilt()
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'keylab.js'), 'serve', '--data-dir', dataDir, '--port', '0', ...args],
    { env: serveEnv(), stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let out = ''
  child.stdout?.on('data', (c) => (out += c))
  child.stderr?.on('data', (c) => (out += c))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`keylab serve did not start:\n${out}`)), 30_000)
    const poll = setInterval(() => {
      const m = /^Endpoint: (http:\/\/\S+)$/m.exec(out)
      if (!m || !/^Stop with Ctrl\+C\.$/m.test(out)) return
      clearInterval(poll)
      clearTimeout(timer)
      resolve({
        url: m[1],
        port: Number(new URL(m[1]).port),
        child,
        output: () => out,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal)
          return exited
        }
      })
    }, 20)
    void exited.then((code) => {
      clearInterval(poll)
      clearTimeout(timer)
      reject(new Error(`keylab serve exited (${code}) before listening:\n${out}`))
    })
  })
}
