// Imported material in the model: sealed bytes that come back with the same id after expiry and
// reimport (even across a restart), the DeleteExpiredKeyMaterial service event, the pruning of
// spent wrapping keys, and the promotion of material imported for rotation.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { ServiceEvent } from '../../../../../src/main/backends/call-record'
import { wrapKeyMaterial } from '../../../../../src/main/backends/local/crypto/key-wrapping'
import type { Lab } from '../../../../../src/main/backends/local/lab'
import {
  importedRotationFields,
  materialRecords,
  promotePendingMaterial,
  tokenRecords
} from '../../../../../src/main/backends/local/model/imported-material'
import { LabState } from '../../../../../src/main/backends/local/model/lab-state'
import { LabStore } from '../../../../../src/main/backends/local/store/lab-store'
import { openTestLab, tempDir } from '../../../../helpers/lab'

const DAY = 24 * 60 * 60 * 1000
const caller = { region: 'us-east-1' }
let dir: string
let lab: Lab
let events: ServiceEvent[]

function open(): void {
  lab = openTestLab(dir, { onServiceEvent: (e) => events.push(e) })
}

afterEach(async () => {
  await lab.close()
  rmSync(dir, { recursive: true, force: true })
})

async function externalKey(): Promise<string> {
  const out = await lab.engine.call('CreateKey', { Origin: 'EXTERNAL' }, caller)
  return out.KeyMetadata!.KeyId!
}

async function importInto(keyId: string, material: Buffer, extra: Record<string, unknown> = {}) {
  const p = await lab.engine.call(
    'GetParametersForImport',
    { KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' },
    caller
  )
  const now = p.ParametersValidTo!.getTime() - DAY
  return lab.engine.call(
    'ImportKeyMaterial',
    {
      KeyId: keyId,
      ImportToken: p.ImportToken,
      EncryptedKeyMaterial: wrapKeyMaterial(p.PublicKey!, 'RSAES_OAEP_SHA_256', material),
      ExpirationModel: 'KEY_MATERIAL_EXPIRES',
      ValidTo: new Date(now + 2 * DAY),
      ...extra
    },
    caller
  )
}

/** The lab's state as the store holds it, after closing the lab. */
async function storedState(): Promise<{ state: LabState; store: LabStore }> {
  const rootKey = lab.rootKey
  await lab.close()
  const store = new LabStore(dir, rootKey)
  return { state: new LabState(store), store }
}

describe('imported material', () => {
  it('restores the same id and bytes after expiry and reimport, across a restart', async () => {
    dir = tempDir()
    events = []
    open()
    const keyId = await externalKey()
    const material = randomBytes(32)
    const { KeyMaterialId } = await importInto(keyId, material)

    await lab.engine.advanceClock(2 * DAY + 1000)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      eventName: 'DeleteExpiredKeyMaterial',
      region: 'us-east-1',
      keyArn: `arn:aws:kms:us-east-1:${lab.engine.accountId}:key/${keyId}`,
      details: { keyMaterialId: KeyMaterialId }
    })
    let { state, store } = await storedState()
    expect(state.key(keyId)!.state).toBe('PendingImport')
    expect(state.material(keyId, KeyMaterialId!)).toBeUndefined()
    expect(materialRecords(state, keyId)).toMatchObject([{ imported: false }])
    await store.close()

    open()
    const again = await importInto(keyId, material)
    expect(again.KeyMaterialId).toBe(KeyMaterialId)
    ;({ state, store } = await storedState())
    expect(state.key(keyId)!.state).toBe('Enabled')
    expect(state.key(keyId)!.materials.map((m) => m.id)).toEqual([KeyMaterialId])
    expect(state.material(keyId, KeyMaterialId!)!.equals(material)).toBe(true)
    await store.close()
    open()
  })

  it('forgets wrapping key pairs once their 24 hours are over', async () => {
    dir = tempDir()
    events = []
    open()
    const keyId = await externalKey()
    await importInto(keyId, randomBytes(32), {
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      ValidTo: undefined
    })
    await lab.engine.advanceClock(DAY + 1000)
    const { state, store } = await storedState()
    expect(tokenRecords(state).size).toBe(0)
    expect(state.key(keyId)!.state).toBe('Enabled')
    await store.close()
    open()
  })

  it('promotes material imported for rotation to current', async () => {
    dir = tempDir()
    events = []
    open()
    const keyId = await externalKey()
    const first = await importInto(keyId, randomBytes(32))
    const next = await importInto(keyId, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL' })
    const { state, store } = await storedState()
    const key = state.key(keyId)!
    expect(key.materials.map((m) => m.id)).toEqual([first.KeyMaterialId])
    expect(importedRotationFields(state, key, next.KeyMaterialId!)).toMatchObject({
      ImportState: 'IMPORTED',
      KeyMaterialState: 'PENDING_ROTATION',
      ExpirationModel: 'KEY_MATERIAL_EXPIRES'
    })
    const rotated = state.write(() => promotePendingMaterial(state, key, 123))!
    expect(rotated.materials.map((m) => [m.id, m.source])).toEqual([
      [first.KeyMaterialId, 'IMPORT'],
      [next.KeyMaterialId, 'ON_DEMAND_ROTATION']
    ])
    expect(importedRotationFields(state, rotated, first.KeyMaterialId!).KeyMaterialState).toBe(
      'NON_CURRENT'
    )
    expect(importedRotationFields(state, rotated, next.KeyMaterialId!).KeyMaterialState).toBe(
      'CURRENT'
    )
    expect(state.write(() => promotePendingMaterial(state, rotated, 124))).toBeUndefined()
    await store.close()
    open()
  })
})
