// Test access to a lab engine's in-memory state, to put keys in states and material versions
// that other issues' operations (DisableKey, rotation, deletion) bring about.
import { randomBytes } from 'node:crypto'
import type { LabEngine } from '../../src/main/backends/local/engine'
import type { LabKey } from '../../src/main/backends/local/model/key'
import type { LabState } from '../../src/main/backends/local/model/lab-state'

export function labState(engine: LabEngine): LabState {
  return (engine as unknown as { state: LabState }).state
}

export function setKeyState(engine: LabEngine, keyId: string, state: LabKey['state']): void {
  const s = labState(engine)
  const key = s.key(keyId)!
  s.write(() => s.putKey({ ...key, state }))
}

/** Adds a new current material version to a symmetric key, as a rotation does. */
export function addMaterialVersion(engine: LabEngine, keyId: string): string {
  const s = labState(engine)
  const key = s.key(keyId)!
  const id = randomBytes(32).toString('hex')
  s.write(() => {
    s.putMaterial(keyId, id, randomBytes(32))
    s.putKey({
      ...key,
      materials: [...key.materials, { id, createdAt: Date.now(), source: 'ON_DEMAND_ROTATION' }]
    })
  })
  return id
}
