// Imported key material: the wrapping parameters downloaded per key (public key and token, which
// are not secret), importing wrapped material, deleting it, and the lab's generate-and-wrap.
// Plaintext material is returned to the caller and never kept here.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { api } from '../bridge'
import type {
  GenerateAndWrapInput,
  GenerateAndWrapOutput,
  ImportWrappingAlgorithm
} from '../../../shared/ipc'

export interface WrappingParameters {
  keyId: string
  algorithm: ImportWrappingAlgorithm
  spec: 'RSA_2048' | 'RSA_3072' | 'RSA_4096'
  publicKey: Uint8Array
  token: Uint8Array
  validTo: Date
}

export interface ImportRequest {
  keyId: string
  wrapped: Uint8Array
  /** Epoch ms, or undefined for material that does not expire. */
  validTo?: number
}

export const useImportStore = defineStore('import', () => {
  const parameters = shallowRef<Record<string, WrappingParameters>>({})

  async function getParameters(
    keyId: string,
    algorithm: WrappingParameters['algorithm'],
    spec: WrappingParameters['spec']
  ): Promise<WrappingParameters> {
    const out = await api.kms.GetParametersForImport({
      KeyId: keyId,
      WrappingAlgorithm: algorithm,
      WrappingKeySpec: spec
    })
    const p: WrappingParameters = {
      keyId,
      algorithm,
      spec,
      publicKey: out.PublicKey as Uint8Array,
      token: out.ImportToken as Uint8Array,
      validTo: out.ParametersValidTo as Date
    }
    parameters.value = { ...parameters.value, [keyId]: p }
    return p
  }

  async function importMaterial(request: ImportRequest): Promise<string | undefined> {
    const p = parameters.value[request.keyId]
    if (!p) throw new Error('Download the wrapping key and import token first.')
    const out = await api.kms.ImportKeyMaterial({
      KeyId: request.keyId,
      ImportToken: p.token,
      EncryptedKeyMaterial: request.wrapped,
      ...(request.validTo === undefined
        ? { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }
        : { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(request.validTo) })
    })
    return out.KeyMaterialId
  }

  async function deleteMaterial(keyId: string): Promise<void> {
    await api.kms.DeleteImportedKeyMaterial({ KeyId: keyId })
  }

  function generateAndWrap(input: GenerateAndWrapInput): Promise<GenerateAndWrapOutput> {
    return api.importTools.generateAndWrap(input)
  }

  return { parameters, getParameters, importMaterial, deleteMaterial, generateAndWrap }
})
