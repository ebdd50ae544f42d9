// GetParametersForImport: a new RSA wrapping key pair and an import token for an EXTERNAL key.
// The private key is sealed in the store; the token names it and is valid 24 hours (lab clock).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GetParametersForImport.html
import { randomBytes } from 'node:crypto'
import { UnsupportedOperationException, ValidationException } from '../../../../shared/errors'
import type { Operation, OperationContext } from '../context'
import { encodeImportToken } from '../crypto/import-token'
import {
  generateWrappingKeyPair,
  isLabWrappingAlgorithm,
  oaepCapacity,
  usesAesKeyWrap,
  type LabWrappingAlgorithm,
  type LabWrappingKeySpec
} from '../crypto/key-wrapping'
import {
  putTokenRecord,
  requireExternal,
  tokenMacKey,
  wrappingSecretId
} from '../model/imported-material'
import { keyArnOf, type LabKey } from '../model/key'
import { requireNotPendingDeletion } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

export const IMPORT_PARAMETERS_VALID_MS = 24 * 60 * 60 * 1000

/** PKCS#8 DER of an ECC_NIST_P521 private key, the largest ECC material (with its public key). */
const P521_PKCS8_BYTES = 241

export const getParametersForImport: Operation<'GetParametersForImport'> = async (ctx, input) => {
  // validate
  const algorithm = supportedAlgorithm(input.WrappingAlgorithm as string)
  const spec = supportedSpec(input.WrappingKeySpec as string)

  // resolve key, check state and usage
  const target = (): LabKey => {
    const key = resolveKey(ctx, input.KeyId as string)
    requireExternal(key)
    requireNotPendingDeletion(key)
    return key
  }
  checkFitsKeySpec(target(), algorithm, spec)

  // act
  const pair = await generateWrappingKeyPair(spec)
  const { key, token, validTo } = ctx.state.write(() => issue(ctx, target(), algorithm, spec, pair))
  pair.privateKey.fill(0)

  // respond
  return {
    KeyId: keyArnOf(key),
    ImportToken: token,
    PublicKey: pair.publicKey,
    ParametersValidTo: new Date(validTo)
  }
}

function issue(
  ctx: OperationContext,
  key: LabKey,
  algorithm: LabWrappingAlgorithm,
  spec: LabWrappingKeySpec,
  pair: { privateKey: Buffer }
): { key: LabKey; token: Buffer; validTo: number } {
  const tokenId = randomBytes(16).toString('hex')
  const validTo = ctx.now + IMPORT_PARAMETERS_VALID_MS
  ctx.state.putSecret(wrappingSecretId(key.keyId, tokenId), Buffer.from(pair.privateKey))
  putTokenRecord(ctx.state, tokenId, { keyId: key.keyId, validTo })
  const token = encodeImportToken(
    { keyId: key.keyId, tokenId, wrappingAlgorithm: algorithm, wrappingKeySpec: spec, validTo },
    tokenMacKey(ctx.state)
  )
  return { key, token, validTo }
}

/** AWS stopped RSAES_PKCS1_V1_5 on October 10, 2023; SM2PKE exists only in China Regions. */
function supportedAlgorithm(algorithm: string): LabWrappingAlgorithm {
  if (isLabWrappingAlgorithm(algorithm)) return algorithm
  if (algorithm === 'RSAES_PKCS1_V1_5') {
    throw new ValidationException(
      'The RSAES_PKCS1_V1_5 wrapping algorithm is no longer supported. Use RSAES_OAEP_SHA_256, RSAES_OAEP_SHA_1, RSA_AES_KEY_WRAP_SHA_256 or RSA_AES_KEY_WRAP_SHA_1.'
    )
  }
  throw new UnsupportedOperationException(
    `The ${algorithm} wrapping algorithm is supported only in the China Regions.`
  )
}

function supportedSpec(spec: string): LabWrappingKeySpec {
  if (spec === 'RSA_2048' || spec === 'RSA_3072' || spec === 'RSA_4096') return spec
  throw new UnsupportedOperationException(
    `The ${spec} wrapping key spec is supported only in the China Regions.`
  )
}

/**
 * RSA private keys only fit the RSA_AES wrapping algorithms, and RSAES_OAEP under RSA_2048
 * cannot carry ECC_NIST_P521 material (the API reference's rules; the lab's words).
 */
function checkFitsKeySpec(
  key: LabKey,
  algorithm: LabWrappingAlgorithm,
  spec: LabWrappingKeySpec
): void {
  if (usesAesKeyWrap(algorithm)) return
  if (key.keySpec.startsWith('RSA_')) {
    throw new ValidationException(
      `You cannot use the ${algorithm} wrapping algorithm to wrap RSA key material. Use RSA_AES_KEY_WRAP_SHA_256 or RSA_AES_KEY_WRAP_SHA_1.`
    )
  }
  if (key.keySpec === 'ECC_NIST_P521' && oaepCapacity(spec, algorithm) < P521_PKCS8_BYTES) {
    throw new ValidationException(
      `You cannot use the ${algorithm} wrapping algorithm with the ${spec} wrapping key spec to wrap ECC_NIST_P521 key material.`
    )
  }
}
