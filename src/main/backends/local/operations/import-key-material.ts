// ImportKeyMaterial: unwraps material with the algorithm and key pair its import token names,
// checks it against the key spec and the key's earlier material, seals it, and sets its expiry.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html
import {
  ExpiredImportTokenException,
  InvalidCiphertextException,
  InvalidImportTokenException,
  ValidationException
} from '../../../../shared/errors'
import type { Operation, OperationContext } from '../context'
import { decodeImportToken, type ImportTokenClaims } from '../crypto/import-token'
import { unwrapKeyMaterial, wrappedSizeFits } from '../crypto/key-wrapping'
import {
  allAssociatedImported,
  importedSummary,
  materialIdFor,
  putMaterialRecord,
  requireExternal,
  tokenMacKey,
  wrappingSecretId,
  type ImportedMaterialRecord
} from '../model/imported-material'
import { expirationOf, planImport, type Expiration, type ImportPlan } from '../model/import-rules'
import { keyArnOf, type LabKey } from '../model/key'
import { requireNotPendingDeletion } from '../model/key-state'
import { checkMaterialForm } from '../model/material-form'
import { resolveKey } from '../model/resolve-key'

export const importKeyMaterial: Operation<'ImportKeyMaterial'> = (ctx, input) => {
  // validate
  const expiration = expirationOf(input, ctx.now)

  // resolve key
  const key = resolveKey(ctx, input.KeyId as string)

  // check state and usage
  requireExternal(key)
  requireNotPendingDeletion(key)
  const claims = checkToken(ctx, key, input.ImportToken as Uint8Array)
  const material = unwrap(ctx, key, claims, input.EncryptedKeyMaterial as Uint8Array)
  try {
    const materialId = materialIdFor(ctx.state, key.keyId, material)
    const plan = planImport(ctx.state, key, materialId, input)

    // act
    ctx.state.write(() => {
      ctx.state.putMaterial(key.keyId, materialId, Buffer.from(material))
      apply(ctx, key, materialId, plan, expiration, input.KeyMaterialDescription)
    })

    // respond
    return {
      KeyId: keyArnOf(key),
      ...(key.keySpec === 'SYMMETRIC_DEFAULT' ? { KeyMaterialId: materialId } : {})
    }
  } finally {
    material.fill(0)
  }
}

/** InvalidImportTokenException and ExpiredImportTokenException texts are the lab's words. */
function checkToken(ctx: OperationContext, key: LabKey, token: Uint8Array): ImportTokenClaims {
  const claims = decodeImportToken(token, tokenMacKey(ctx.state))
  if (!claims || claims.keyId !== key.keyId) {
    throw new InvalidImportTokenException(
      `The import token is invalid or was issued for a KMS key other than ${keyArnOf(key)}.`
    )
  }
  if (claims.validTo <= ctx.now) {
    throw new ExpiredImportTokenException(
      'The import token has expired. Use GetParametersForImport to get a new import token and public key, use the new public key to encrypt the key material, and then try the request again.'
    )
  }
  return claims
}

function unwrap(
  ctx: OperationContext,
  key: LabKey,
  claims: ImportTokenClaims,
  wrapped: Uint8Array
): Buffer {
  const privateKey = ctx.state.secret(wrappingSecretId(key.keyId, claims.tokenId))
  if (!privateKey) {
    throw new InvalidImportTokenException(
      `The import token is invalid or was issued for a KMS key other than ${keyArnOf(key)}.`
    )
  }
  if (!wrappedSizeFits(wrapped, claims.wrappingAlgorithm, claims.wrappingKeySpec)) {
    throw new ValidationException('Invalid encrypted key size.')
  }
  let material: Buffer
  try {
    material = unwrapKeyMaterial(privateKey, claims.wrappingAlgorithm, wrapped)
  } catch {
    throw new InvalidCiphertextException(
      `The encrypted key material could not be decrypted with the wrapping key of this import token and its wrapping algorithm ${claims.wrappingAlgorithm}.`
    )
  }
  let kept: Buffer | undefined
  try {
    kept = checkMaterialForm(key.keySpec, material)
    return kept
  } finally {
    if (kept !== material) material.fill(0)
  }
}

function apply(
  ctx: OperationContext,
  key: LabKey,
  materialId: string,
  plan: ImportPlan,
  expiration: Expiration,
  description: string | undefined
): void {
  const previous: ImportedMaterialRecord | undefined =
    plan.kind === 'reimport' ? plan.record : undefined
  putMaterialRecord(ctx.state, {
    keyId: key.keyId,
    materialId,
    pendingRotation: plan.kind === 'rotation' || (previous?.pendingRotation ?? false),
    imported: true,
    ...expiration,
    description: description ?? previous?.description,
    importedAt: ctx.now
  })
  if (plan.kind === 'rotation') return
  const materials =
    plan.kind === 'first'
      ? [{ id: materialId, createdAt: ctx.now, source: 'IMPORT' as const }]
      : key.materials
  const next: LabKey = { ...key, materials }
  if (next.state === 'PendingImport' && allAssociatedImported(ctx.state, next)) {
    next.state = 'Enabled'
  }
  next.imported = importedSummary(ctx.state, next)
  ctx.state.putKey(next)
}
