// DeleteImportedKeyMaterial: removes imported material (the current one unless KeyMaterialId
// names another); the key goes to PendingImport, or stays PendingDeletion if it is.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
import { NotFoundException, ValidationException } from '../../../../shared/errors'
import type { Operation } from '../context'
import { materialRecord, removeImportedMaterial, requireExternal } from '../model/imported-material'
import { currentMaterial, keyArnOf } from '../model/key'
import { resolveKey } from '../model/resolve-key'

export const deleteImportedKeyMaterial: Operation<'DeleteImportedKeyMaterial'> = (ctx, input) => {
  // validate: nothing beyond the schema

  // resolve key
  const key = resolveKey(ctx, input.KeyId as string)

  // check state and usage (every key state allows it)
  requireExternal(key)
  const symmetric = key.keySpec === 'SYMMETRIC_DEFAULT'
  if (input.KeyMaterialId !== undefined && !symmetric) {
    throw new ValidationException(
      'KeyMaterialId is supported only for symmetric encryption KMS keys.'
    )
  }
  const materialId = input.KeyMaterialId ?? currentMaterial(key)?.id
  const record =
    materialId === undefined ? undefined : materialRecord(ctx.state, key.keyId, materialId)
  if (input.KeyMaterialId !== undefined && !record) {
    throw new NotFoundException(
      `Key material ${input.KeyMaterialId} is not associated with ${keyArnOf(key)}.`
    )
  }

  // act
  if (record?.imported) ctx.state.write(() => removeImportedMaterial(ctx.state, key, record))

  // respond
  return {
    KeyId: keyArnOf(key),
    ...(symmetric && materialId !== undefined ? { KeyMaterialId: materialId } : {})
  }
}
