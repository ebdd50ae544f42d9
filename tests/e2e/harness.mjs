// The e2e harness: starts the headless web host on a lab (real store, real services), drives
// the real renderer in Debian's Chromium with playwright-core, and saves screenshots.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SHOTS = join(ROOT, 'test-results')
export const PASSPHRASE = 'e2e passphrase'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export function newDataDir() {
  return mkdtempSync(join(tmpdir(), 'keylab-e2e-'))
}

/** Starts `keylab web` on a data dir; resolves with its URL once it listens. */
export function startLab(dataDir, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'keylab.js'), 'web', '--data-dir', dataDir, ...extraArgs],
      {
        env: { ...process.env, KEYLAB_PASSPHRASE: PASSPHRASE, AWS_EC2_METADATA_DISABLED: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true
      }
    )
    let out = ''
    const onData = (chunk) => {
      out += chunk
      const m = /Open: (\S+)/.exec(out)
      if (m) {
        child.stdout.off('data', onData)
        resolve({ url: m[1], child, stop: () => stopChild(child) })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (c) => (out += c))
    child.on('exit', (code) =>
      reject(new Error(`keylab web exited (${code}) before listening:\n${out}`))
    )
  })
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.removeAllListeners('exit')
    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      resolve()
    }
  })
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS
  })
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false })
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true })
}

export function expect(condition, message) {
  if (!condition) throw new Error(`expectation failed: ${message}`)
}
