// `npm start` / `npm run dev` run this first. The desktop app needs better-sqlite3-multiple-
// ciphers compiled for Electron's ABI, while tests and `keylab` use the Node build in
// node_modules. So we build a second copy for Electron under electron-native/abi-<N>/ and the
// app loads it with better-sqlite3's `nativeBinding` option; node_modules stays as it is, and
// `npm test` keeps working after `npm start` (and the other way round).
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const PKG = 'better-sqlite3-multiple-ciphers'

/** What the build needs to know; pure, so it is tested without Electron. */
export function plan({ root, electronVersion, abi, addonVersion }) {
  const dir = join(root, 'electron-native', `abi-${abi}`)
  const stampFile = join(dir, 'stamp.json')
  const stamp = { electron: electronVersion, addon: addonVersion }
  let upToDate = false
  if (existsSync(join(dir, 'better_sqlite3.node')) && existsSync(stampFile)) {
    const old = JSON.parse(readFileSync(stampFile, 'utf8'))
    upToDate = old.electron === stamp.electron && old.addon === stamp.addon
  }
  return {
    dir,
    stampFile,
    stamp,
    upToDate,
    // First a prebuilt binary for Electron's ABI; if none exists, compile against Electron's headers.
    commands: [
      ['npx', '--yes', 'prebuild-install', '--runtime', 'electron', '--target', electronVersion],
      [
        'npx',
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers'
      ]
    ]
  }
}

function electronAbi(electronDir) {
  const file = join(electronDir, 'abi_version')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  throw new Error('node_modules/electron/abi_version is missing: reinstall electron')
}

function main() {
  const electronDir = join(ROOT, 'node_modules', 'electron')
  const electronVersion = JSON.parse(
    readFileSync(join(electronDir, 'package.json'), 'utf8')
  ).version
  const addonDir = join(ROOT, 'node_modules', PKG)
  const addonVersion = JSON.parse(readFileSync(join(addonDir, 'package.json'), 'utf8')).version
  const p = plan({ root: ROOT, electronVersion, abi: electronAbi(electronDir), addonVersion })
  if (p.upToDate) return
  console.log(`KeyLab: building ${PKG} ${addonVersion} for Electron ${electronVersion} (once)...`)
  const work = join(p.dir, 'src')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(p.dir, { recursive: true })
  cpSync(addonDir, work, { recursive: true, filter: (src) => !src.includes(`${PKG}/build`) })
  let built = false
  for (const cmd of p.commands) {
    try {
      execFileSync(cmd[0], cmd.slice(1), { cwd: work, stdio: 'inherit' })
      built = existsSync(join(work, 'build', 'Release', 'better_sqlite3.node'))
      if (built) break
    } catch {
      // try the next way
    }
  }
  if (!built) {
    console.error(
      `KeyLab: could not build ${PKG} for Electron ${electronVersion}; see the output above.`
    )
    process.exit(1)
  }
  copyFileSync(
    join(work, 'build', 'Release', 'better_sqlite3.node'),
    join(p.dir, 'better_sqlite3.node')
  )
  writeFileSync(p.stampFile, JSON.stringify(p.stamp))
  rmSync(work, { recursive: true, force: true })
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main()
