import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLab } from '../../../../src/main/backends/local/lab'
import { LabState } from '../../../../src/main/backends/local/model/lab-state'
import { LabStore } from '../../../../src/main/backends/local/store/lab-store'
import { CHEAP_SCRYPT, openTestLab, tempDir } from '../../../helpers/lab'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function hashDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of readdirSync(dir).sort())
    out[f] = createHash('sha256')
      .update(readFileSync(join(dir, f)))
      .digest('hex')
  return out
}

describe('encrypted lab store', () => {
  it('refuses a wrong passphrase with a clear error and leaves every file unchanged', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const lab = openTestLab(dir)
    await lab.engine.call('CreateKey', { Description: 'kept safe' }, { region: 'us-east-1' })
    await lab.close()
    const before = hashDir(dir)

    expect(() =>
      openLab({ dataDir: dir, unlock: { passphrase: 'wrong' }, scryptCost: CHEAP_SCRYPT })
    ).toThrow('the lab store could not be opened: wrong key or not a KeyLab store')
    expect(hashDir(dir)).toEqual(before)
  })

  it('refuses a right manifest with a database encrypted under another key, file unchanged', async () => {
    const a = tempDir()
    const b = tempDir()
    dirs.push(a, b)
    await openTestLab(a).close()
    const other = openLab({
      dataDir: b,
      unlock: { passphrase: 'another passphrase' },
      scryptCost: CHEAP_SCRYPT
    })
    await other.engine.call('CreateKey', {}, { region: 'us-east-1' })
    await other.close()
    // Put b's database under a's manifest: the key check passes, SQLCipher must refuse.
    const { copyFileSync } = await import('node:fs')
    copyFileSync(join(b, 'lab.db'), join(a, 'lab.db'))
    const before = hashDir(a)
    expect(() => openTestLab(a)).toThrow(
      'the lab store could not be opened: wrong key or not a KeyLab store'
    )
    expect(hashDir(a)).toEqual(before)
  })

  it('keeps no key material and no record text in any database file', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const lab = openTestLab(dir)
    const marker = 'PLAINTEXT-MARKER-7f3a9c'
    const { KeyMetadata } = await lab.engine.call(
      'CreateKey',
      { Description: marker, Tags: [{ TagKey: 'owner', TagValue: marker }] },
      { region: 'us-east-1' }
    )
    const state = (
      lab.engine as unknown as {
        state: {
          key(id: string): { materials: { id: string }[] }
          material(k: string, m: string): Buffer
        }
      }
    ).state
    const key = state.key(KeyMetadata!.KeyId!)
    const material = state.material(KeyMetadata!.KeyId!, key.materials[0].id)
    expect(material.length).toBe(32)

    const scan = (): void => {
      for (const f of readdirSync(dir)) {
        const bytes = readFileSync(join(dir, f))
        expect(bytes.includes(material), `${f} holds the key material`).toBe(false)
        expect(bytes.includes(Buffer.from(marker)), `${f} holds record text`).toBe(false)
        expect(bytes.includes(Buffer.from(KeyMetadata!.KeyId!)), `${f} holds the key id`).toBe(
          false
        )
      }
    }
    scan() // while open (WAL in use)
    await lab.close()
    scan() // after checkpoint
    expect(readFileSync(join(dir, 'lab.db')).subarray(0, 16).toString()).not.toContain(
      'SQLite format'
    )
  })

  it('a second process-level open of the same data dir is refused, and the first keeps working', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const lab = openTestLab(dir)
    expect(() => openTestLab(dir)).toThrow(
      /already open in this process|in use by another KeyLab process/
    )
    await lab.engine.call('CreateKey', {}, { region: 'us-east-1' })
    await lab.close()
    const again = openTestLab(dir)
    const { Keys } = await again.engine.call('ListKeys', {}, { region: 'us-east-1' })
    expect(Keys).toHaveLength(1)
    await again.close()
  })

  it('commits the changes of one turn together, a failed change alone rolled back, all on disk once durable', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const lab = openTestLab(dir)
    const rootKey = lab.rootKey
    await lab.close()
    const store = new LabStore(dir, rootKey)
    const state = new LabState(store)
    state.write(() => state.setMeta('first', '1'))
    expect(() =>
      state.write(() => {
        state.setMeta('failed', '2')
        throw new Error('refused')
      })
    ).toThrow('refused')
    state.write(() => state.setMeta('third', '3'))
    expect([state.getMeta('first'), state.getMeta('failed'), state.getMeta('third')]).toEqual([
      '1',
      undefined,
      '3'
    ])
    const reader = new LabStore(dir, rootKey)
    expect(reader.load().meta.get('first')).toBeUndefined()
    await state.durable()
    const meta = reader.load().meta
    expect([meta.get('first'), meta.get('failed'), meta.get('third')]).toEqual([
      '1',
      undefined,
      '3'
    ])
    state.write(() => state.setMeta('at close', '4'))
    await store.close()
    expect(reader.load().meta.get('at close')).toBe('4')
    await reader.close()
  })
})
