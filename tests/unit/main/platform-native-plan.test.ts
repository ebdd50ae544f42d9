// The Electron-ABI addon plan of scripts/prepare-electron.mjs (it cannot run here: no Electron
// headers), tested for when it rebuilds and where the app looks for the result.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/lab'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('prepare-electron plan', () => {
  it('rebuilds when missing or stale, and not when the stamp matches', async () => {
    // @ts-expect-error: plain .mjs script without types
    const { plan } = await import('../../../scripts/prepare-electron.mjs')
    const root = tempDir()
    dirs.push(root)
    const args = { root, electronVersion: '45.5.0', abi: '150', addonVersion: '12.11.1' }
    const first = plan(args)
    expect(first.upToDate).toBe(false)
    expect(first.dir).toBe(join(root, 'electron-native', 'abi-150'))
    expect(first.commands[0]).toEqual([
      'npx',
      '--yes',
      'prebuild-install',
      '--runtime',
      'electron',
      '--target',
      '45.5.0'
    ])

    mkdirSync(first.dir, { recursive: true })
    writeFileSync(join(first.dir, 'better_sqlite3.node'), 'x')
    writeFileSync(first.stampFile, JSON.stringify(first.stamp))
    expect(plan(args).upToDate).toBe(true)
    expect(plan({ ...args, electronVersion: '46.0.0' }).upToDate).toBe(false)
    expect(plan({ ...args, addonVersion: '12.12.0' }).upToDate).toBe(false)
  })
})
