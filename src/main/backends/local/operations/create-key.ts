// CreateKey: a customer managed key of any spec the lab implements, generated (AWS_KMS) or
// waiting for imported material (EXTERNAL).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
import { randomUUID } from 'node:crypto'
import {
  CustomKeyStoreNotFoundException,
  MalformedPolicyDocumentException,
  UnsupportedOperationException,
  ValidationException
} from '../../../../shared/errors'
import { keyArn } from '../../../../shared/kms/arn'
import type { Operation } from '../context'
import { generateMaterial, newMaterialId } from '../crypto/key-material'
import { defaultKeyPolicy } from '../model/default-policy'
import type { LabKey } from '../model/key'
import { isLabKeySpec, SPECS, type LabKeySpec } from '../model/key-specs'
import { keyMetadata } from '../model/key-metadata'
import { validateTags } from '../model/tags'
import { MAX_KEY_POLICY_BYTES, validateKeyPolicy } from '../policy/validate-key-policy'
import { parsePolicy } from '../policy/policy-document'

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
  const usage = input.KeyUsage ?? defaultUsage(spec)
  if (!SPECS[spec].usages.includes(usage)) {
    throw new ValidationException(`KeyUsage ${usage} is not compatible with KeySpec ${spec}`)
  }
  const origin = input.Origin ?? 'AWS_KMS'
  if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE' || input.CustomKeyStoreId) {
    if (!input.CustomKeyStoreId) {
      throw new ValidationException(`CustomKeyStoreId is required when Origin is ${origin}`)
    }
    throw new CustomKeyStoreNotFoundException(
      `Custom key store ${input.CustomKeyStoreId} does not exist.`
    )
  }
  if (input.MultiRegion) {
    throw new UnsupportedOperationException("KeyLab's lab does not implement multi-Region keys.")
  }
  const keyId = randomUUID()
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
      rotation: { enabled: false, periodDays: 365 },
      materials: [],
      onDemandRotations: 0,
      imported: origin === 'EXTERNAL' ? { expirationModel: 'KEY_MATERIAL_EXPIRES' } : undefined
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

function defaultUsage(spec: LabKeySpec): LabKey['keyUsage'] {
  if (spec === 'SYMMETRIC_DEFAULT') return 'ENCRYPT_DECRYPT'
  if (spec.startsWith('HMAC_')) return 'GENERATE_VERIFY_MAC'
  throw new ValidationException(`You must specify a KeyUsage value for an asymmetric KMS key.`)
}

/**
 * Size and grammar of a key policy, without the principal and lockout checks (those need the
 * lab state: call policy/validate-key-policy.ts's validateKeyPolicy from an operation).
 */
export function checkPolicyDocument(policy: string): void {
  if (Buffer.byteLength(policy) > MAX_KEY_POLICY_BYTES) {
    throw new MalformedPolicyDocumentException(
      'The key policy document exceeds the maximum size of 32 KB.'
    )
  }
  parsePolicy(policy, 'key')
}
