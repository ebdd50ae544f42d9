// Due rotations: automatic rotation at NextRotationDate (Enabled keys only; a key disabled when
// it fell due rotates when it is enabled again), and the on-demand rotations callers asked for.
import type { DueHandler } from './due'
import { keyArnOf, type LabKey } from './key'
import { promotePendingMaterial } from './imported-material'
import { DAY_MS, rotateMaterial } from './rotation'

function rotated(ctx: Parameters<DueHandler['apply']>[0], key: LabKey, at: number, type: string) {
  const current = key.materials[key.materials.length - 1]
  ctx.emit({
    eventName: 'RotateKey',
    region: key.region,
    accountId: key.accountId,
    keyArn: keyArnOf(key),
    labTime: at,
    details: { rotationType: type, keyMaterialId: current?.id }
  })
}

export const automaticRotationDue: DueHandler = {
  name: 'automatic rotation',
  dueAt: (key) =>
    key.state === 'Enabled' && key.rotation.enabled ? key.rotation.nextAt : undefined,
  apply(ctx, key, at) {
    const next = ctx.state.write(() => {
      const record = rotateMaterial(ctx.state, key, at, 'AUTOMATIC_ROTATION')
      const updated: LabKey = {
        ...record,
        rotation: { ...record.rotation, nextAt: at + record.rotation.periodDays * DAY_MS }
      }
      ctx.state.putKey(updated)
      return updated
    })
    rotated(ctx, next, at, 'AUTOMATIC')
  }
}

/**
 * An on-demand rotation in progress completes: a generated key gets new material; an EXTERNAL
 * key moves onto the material imported for it (PENDING_ROTATION), if it is still there.
 */
export const onDemandRotationDue: DueHandler = {
  name: 'on-demand rotation',
  dueAt: (key) => (key.state === 'Enabled' ? key.rotation.onDemandStartedAt : undefined),
  apply(ctx, key, at) {
    const next = ctx.state.write(() => {
      const record =
        key.origin === 'EXTERNAL'
          ? promotePendingMaterial(ctx.state, key, at)
          : rotateMaterial(ctx.state, key, at, 'ON_DEMAND_ROTATION')
      const base = record ?? key
      const { onDemandStartedAt: _done, ...rotation } = base.rotation
      const updated: LabKey = { ...base, rotation }
      ctx.state.putKey(updated)
      return record ? updated : undefined
    })
    if (next) rotated(ctx, next, at, 'ON_DEMAND')
  }
}
