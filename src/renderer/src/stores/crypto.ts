// Cryptographic calls of the Try-it panels. The store keeps no state: plaintexts, data keys and
// private keys live only in the component that asked for them and are wiped when it goes away.
import { defineStore } from 'pinia'
import { api } from '../bridge'
import type { KmsInput, KmsOutput } from '../../../shared/kms/operations'

type Call<Op extends keyof typeof api.kms> = (input: KmsInput<Op>) => Promise<KmsOutput<Op>>

export const useCryptoStore = defineStore('crypto', () => {
  const encrypt: Call<'Encrypt'> = (input) => api.kms.Encrypt(input)
  const decrypt: Call<'Decrypt'> = (input) => api.kms.Decrypt(input)
  const generateDataKey: Call<'GenerateDataKey'> = (input) => api.kms.GenerateDataKey(input)
  const generateDataKeyPair: Call<'GenerateDataKeyPair'> = (input) =>
    api.kms.GenerateDataKeyPair(input)
  const sign: Call<'Sign'> = (input) => api.kms.Sign(input)
  const verify: Call<'Verify'> = (input) => api.kms.Verify(input)
  const generateMac: Call<'GenerateMac'> = (input) => api.kms.GenerateMac(input)
  const verifyMac: Call<'VerifyMac'> = (input) => api.kms.VerifyMac(input)
  const getPublicKey: Call<'GetPublicKey'> = (input) => api.kms.GetPublicKey(input)
  const deriveSharedSecret: Call<'DeriveSharedSecret'> = (input) =>
    api.kms.DeriveSharedSecret(input)
  return {
    encrypt,
    decrypt,
    generateDataKey,
    generateDataKeyPair,
    sign,
    verify,
    generateMac,
    verifyMac,
    getPublicKey,
    deriveSharedSecret
  }
})
