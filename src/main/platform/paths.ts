// Where the desktop app keeps its lab, and which SQLite addon build it loads.
import { app } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export function appDataDir(): string {
  return process.env.KEYLAB_DATA_DIR ?? join(app.getPath('userData'), 'lab')
}

/** The Electron-ABI build `npm start` prepares (scripts/prepare-electron.mjs), if present. */
export function electronSqliteBinding(): string | undefined {
  const file = join(
    app.getAppPath(),
    'electron-native',
    `abi-${process.versions.modules}`,
    'better_sqlite3.node'
  )
  return existsSync(file) ? file : undefined
}
