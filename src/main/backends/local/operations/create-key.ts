// CreateKey: a customer managed key of any spec the lab implements, with its allowed key usage,
// generated (AWS_KMS) or waiting for imported material (EXTERNAL, PendingImport).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
import { randomUUID } from 'node:crypto'
import {
  CustomKeyStoreNotFoundException,
  UnsupportedOperationException,
  ValidationException
} from '../../../../shared/errors'
import type { KeyUsageType } from '../../../../shared/kms/types'
import { keyArn } from '../../../../shared/kms/arn'
import type { Operation } from '../context'
import { generateMaterial, newMaterialId } from '../crypto/key-material'
import { defaultKeyPolicy } from '../../../../shared/kms/default-key-policy'
import type { LabKey } from '../model/key'
import { isLabKeySpec, SPECS } from '../model/key-specs'
import { keyMetadata } from '../model/key-metadata'
import { DEFAULT_ROTATION_PERIOD_DAYS } from '../model/rotation'
import { validateTags } from '../model/tags'
import { validateKeyPolicy } from '../policy/validate-key-policy'

export const createKey: Operation<'CreateKey'> = async (ctx, input) => {
  // validate
  if (input.KeySpec && input.CustomerMasterKeySpec) {
    throw new ValidationException(
      'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.'
    )
  }
  const spec = input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT'
  if (!isLabKeySpec(spec)) {
    throw new UnsupportedOperationException(`KeyLab's lab does not implement KeySpec ${spec}.`)
  }
  const usage = keyUsageFor(spec, input.KeyUsage)
  const origin = input.Origin ?? 'AWS_KMS'
  if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE' || input.CustomKeyStoreId) {
    // The lab has no custom key stores, so every id names one that does not exist.
    if (!input.CustomKeyStoreId) {
      throw new ValidationException(`CustomKeyStoreId is required when Origin is ${origin}`)
    }
    throw new CustomKeyStoreNotFoundException(
      `Custom key store ${input.CustomKeyStoreId} does not exist.`
    )
  }
  const multiRegion = input.MultiRegion === true
  const keyId = multiRegion ? `mrk-${randomUUID().replace(/-/g, '')}` : randomUUID()
  if (input.Policy !== undefined) {
    validateKeyPolicy(ctx, input.Policy, {
      keyArn: keyArn(ctx.region, ctx.accountId, keyId),
      bypassPolicyLockoutSafetyCheck: input.BypassPolicyLockoutSafetyCheck,
      operation: 'CreateKey',
      input: input as Record<string, unknown>
    })
  }
  const tags = validateTags(input.Tags ?? [])

  // act
  const material = origin === 'AWS_KMS' ? await generateMaterial(spec) : undefined
  const key = ctx.state.write(() => {
    const record: LabKey = {
      keyId,
      region: ctx.region,
      accountId: ctx.accountId,
      seq: ctx.state.nextSeq(),
      createdAt: ctx.now,
      description: input.Description ?? '',
      keySpec: spec,
      keyUsage: usage,
      origin,
      state: origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
      policy: input.Policy ?? defaultKeyPolicy(ctx.accountId),
      tags,
      rotation: { enabled: false, periodDays: DEFAULT_ROTATION_PERIOD_DAYS },
      materials: [],
      onDemandRotations: 0,
      ...(multiRegion ? { multiRegion } : {})
    }
    if (material) {
      const id = newMaterialId()
      record.materials.push({ id, createdAt: ctx.now, source: 'CREATE' })
      ctx.state.putMaterial(keyId, id, material)
    }
    ctx.state.putKey(record)
    return record
  })

  // respond
  return { KeyMetadata: keyMetadata(key) }
}

/** KeyUsage may be left out only for symmetric encryption keys, and must suit the spec. */
function keyUsageFor(spec: keyof typeof SPECS, usage: KeyUsageType | undefined): KeyUsageType {
  if (usage === undefined) {
    if (spec === 'SYMMETRIC_DEFAULT') return 'ENCRYPT_DECRYPT'
    throw new ValidationException(
      'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.'
    )
  }
  if (!SPECS[spec].usages.includes(usage)) {
    throw new ValidationException(`KeyUsage ${usage} is not compatible with KeySpec ${spec}`)
  }
  return usage
}
