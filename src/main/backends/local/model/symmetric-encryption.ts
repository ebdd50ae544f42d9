// Encryption under a symmetric key's current material version, and the lookup of the key and
// material version a symmetric ciphertext blob names. Everything is in memory: no store reads.
import { InvalidCiphertextException, type KmsError } from '../../../../shared/errors'
import type { OperationContext } from '../context'
import { openBlob, parseBlob, sealBlob, type ParsedBlob } from '../crypto/ciphertext-blob'
import { canonicalContext, type EncryptionContext } from '../crypto/encryption-context'
import { secretKeyOf } from '../crypto/key-objects'
import type { LabKey } from './key'
import { currentMaterialBytes } from './material'

export function encryptSymmetric(
  ctx: OperationContext,
  key: LabKey,
  plaintext: Uint8Array,
  context: EncryptionContext
): { blob: Buffer; materialId: string } {
  const material = currentMaterialBytes(ctx, key)
  return {
    blob: sealBlob(
      key.keyId,
      material.id,
      secretKeyOf(material.bytes),
      plaintext,
      canonicalContext(context)
    ),
    materialId: material.id
  }
}

/** AWS answers InvalidCiphertextException without a message. */
export function invalidCiphertext(): KmsError {
  return new InvalidCiphertextException('')
}

/** The key a symmetric blob belongs to, in the caller's region and account. */
export function blobKey(
  ctx: OperationContext,
  blob: Uint8Array
): { parsed: ParsedBlob; key: LabKey } {
  const parsed = parseBlob(blob)
  const key = parsed && ctx.state.key(parsed.keyId)
  if (!parsed || !key || key.region !== ctx.region || key.accountId !== ctx.accountId)
    throw invalidCiphertext()
  return { parsed, key }
}

export function decryptSymmetric(
  ctx: OperationContext,
  key: LabKey,
  parsed: ParsedBlob,
  context: EncryptionContext
): Buffer {
  const material = ctx.state.material(key.keyId, parsed.materialId)
  if (!material || !key.materials.some((m) => m.id === parsed.materialId)) throw invalidCiphertext()
  const plaintext = openBlob(parsed, secretKeyOf(material), canonicalContext(context))
  if (!plaintext) throw invalidCiphertext()
  return plaintext
}
