// connections.json: written whole or not at all, secrets sealed to the data dir's key and to
// their connection, and a file that is not ours refused without being touched.
import { randomBytes } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CONNECTIONS_FILE,
  ConnectionSettings
} from '../../../../src/main/settings/connection-settings'
import { tempDir } from '../../../helpers/lab'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

function dir(): string {
  const d = tempDir()
  dirs.push(d)
  return d
}

const conn = {
  id: 'c1',
  name: 'moto',
  credentials: { type: 'static' as const, accessKeyId: 'testing' },
  endpoint: 'http://127.0.0.1:5000'
}

describe('connection settings', () => {
  it('seals the secret and opens it again from the file with the same root key', () => {
    const d = dir()
    const key = randomBytes(32)
    new ConnectionSettings(d, key).add(conn, {
      secretAccessKey: 'very-secret',
      sessionToken: 'tok'
    })
    const text = readFileSync(join(d, CONNECTIONS_FILE), 'utf8')
    expect(text).not.toContain('very-secret')
    expect(text).not.toContain('tok"')
    const reopened = new ConnectionSettings(d, key)
    expect(reopened.list()).toEqual([{ ...conn, sealedSecret: expect.any(String) }])
    expect(reopened.secretOf('c1')).toEqual({ secretAccessKey: 'very-secret', sessionToken: 'tok' })
  })

  it('refuses to open a secret with another root key, or moved to another connection', () => {
    const d = dir()
    new ConnectionSettings(d, randomBytes(32)).add(conn, { secretAccessKey: 's' })
    expect(() => new ConnectionSettings(d, randomBytes(32)).secretOf('c1')).toThrowError(
      "the saved secret of connection c1 cannot be opened with this data dir's key"
    )
    const key = randomBytes(32)
    const d2 = dir()
    new ConnectionSettings(d2, key).add(conn, { secretAccessKey: 's' })
    const file = join(d2, CONNECTIONS_FILE)
    writeFileSync(file, readFileSync(file, 'utf8').replace('"id": "c1"', '"id": "c2"'))
    expect(() => new ConnectionSettings(d2, key).secretOf('c2')).toThrowError(/cannot be opened/)
  })

  it('refuses a file that is not a connections file and leaves it as it was', () => {
    const d = dir()
    const file = join(d, CONNECTIONS_FILE)
    writeFileSync(file, '{"format": 7}')
    expect(() => new ConnectionSettings(d, randomBytes(32))).toThrowError(
      `${file} is not a KeyLab connections file (fix or remove it; it was left untouched)`
    )
    expect(readFileSync(file, 'utf8')).toBe('{"format": 7}')
  })

  it('falls back to the lab when the active connection is gone', () => {
    const d = dir()
    const key = randomBytes(32)
    const s = new ConnectionSettings(d, key)
    s.add(conn)
    s.setActive('c1')
    expect(new ConnectionSettings(d, key).activeId).toBe('c1')
    s.remove('c1')
    expect(new ConnectionSettings(d, key).activeId).toBe('lab')
  })
})
