// Sign and verify for every signing algorithm the lab implements, over a RAW message (hashed
// here) or a DIGEST the caller computed. Node's crypto signs RAW messages; for a digest it has no
// prehash mode, so RSA goes through rsa.ts and ECDSA / Ed25519ph through @noble/curves.
// Signatures are in AWS's forms: RSA as the raw integer, ECDSA as DER (RFC 3279), Ed25519 as 64
// bytes (RFC 8032).
import { constants, createHash, sign, verify, type KeyObject } from 'node:crypto'
import { eddsa } from '@noble/curves/abstract/edwards.js'
import { ed25519 } from '@noble/curves/ed25519.js'
import { p256, p384, p521 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import type { LabKeySpec } from '../model/key-specs'
import { keyPairOf, privateJwkOf } from './key-objects'
import {
  pkcs1SignDigest,
  pkcs1VerifyDigest,
  pssSignDigest,
  pssVerifyDigest,
  type SigHash
} from './rsa'

type Family = 'pss' | 'pkcs1' | 'ecdsa' | 'ed25519' | 'ed25519ph'

export interface SigningAlgorithmInfo {
  family: Family
  hash: SigHash
  /** Length of the digest a DIGEST message must have. */
  digestBytes: number
  /** The one message type the algorithm takes, when it takes only one. */
  only?: 'RAW' | 'DIGEST'
}

const alg = (family: Family, bits: 256 | 384 | 512, only?: 'RAW' | 'DIGEST') => ({
  family,
  hash: `sha${bits}` as SigHash,
  digestBytes: bits / 8,
  only
})

export const SIGNING_ALGORITHM_INFO: Record<string, SigningAlgorithmInfo> = {
  RSASSA_PSS_SHA_256: alg('pss', 256),
  RSASSA_PSS_SHA_384: alg('pss', 384),
  RSASSA_PSS_SHA_512: alg('pss', 512),
  RSASSA_PKCS1_V1_5_SHA_256: alg('pkcs1', 256),
  RSASSA_PKCS1_V1_5_SHA_384: alg('pkcs1', 384),
  RSASSA_PKCS1_V1_5_SHA_512: alg('pkcs1', 512),
  ECDSA_SHA_256: alg('ecdsa', 256),
  ECDSA_SHA_384: alg('ecdsa', 384),
  ECDSA_SHA_512: alg('ecdsa', 512),
  ED25519_SHA_512: alg('ed25519', 512, 'RAW'),
  ED25519_PH_SHA_512: alg('ed25519ph', 512, 'DIGEST')
}

const CURVES = {
  ECC_NIST_P256: p256,
  ECC_NIST_P384: p384,
  ECC_NIST_P521: p521,
  ECC_SECG_P256K1: secp256k1
} as const

const nodeSha512 = Object.assign(
  (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha512').update(data).digest()),
  { outputLen: 64, blockLen: 128 }
)

/** RFC 8032 dom2(phflag = 1, empty context) for Ed25519ph. */
function ed25519phDomain(data: Uint8Array, ctx: Uint8Array, phflag: boolean): Uint8Array {
  return Buffer.concat([
    Buffer.from('SigEd25519 no Ed25519 collisions'),
    Buffer.from([phflag ? 1 : 0, ctx.length]),
    ctx,
    data
  ])
}

/**
 * Ed25519ph over a SHA-512 digest the caller computed: noble's ed25519ph hashes the message
 * itself, so this instance takes PH(M) as given (identity prehash, phflag still set).
 */
const ed25519phOfDigest = eddsa(ed25519.Point, nodeSha512, {
  adjustScalarBytes: (bytes: Uint8Array) => {
    bytes[0] &= 248
    bytes[31] &= 127
    bytes[31] |= 64
    return bytes
  },
  domain: ed25519phDomain,
  prehash: (digest: Uint8Array) => digest,
  zip215: true
})

function b64url(value: string | undefined): Uint8Array {
  return new Uint8Array(Buffer.from(value ?? '', 'base64url'))
}

function ecPublicPoint(material: Buffer): Uint8Array {
  const jwk = privateJwkOf(material)
  return new Uint8Array(Buffer.concat([Buffer.of(4), b64url(jwk.x), b64url(jwk.y)]))
}

function rsaPss(key: KeyObject, hash: SigHash) {
  return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hashBytes(hash) }
}

function hashBytes(hash: SigHash): number {
  return Number(hash.slice(3)) / 8
}

export function signWith(
  material: Buffer,
  spec: LabKeySpec,
  info: SigningAlgorithmInfo,
  digestMode: boolean,
  message: Uint8Array
): Buffer {
  const { privateKey } = keyPairOf(material)
  switch (info.family) {
    case 'pss':
      return digestMode
        ? pssSignDigest(privateKey, info.hash, message)
        : sign(info.hash, message, rsaPss(privateKey, info.hash))
    case 'pkcs1':
      return digestMode
        ? pkcs1SignDigest(privateKey, info.hash, message)
        : sign(info.hash, message, privateKey)
    case 'ecdsa': {
      if (!digestMode) return sign(info.hash, message, privateKey)
      const curve = CURVES[spec as keyof typeof CURVES]
      const d = b64url(privateJwkOf(material).d)
      return Buffer.from(curve.sign(message, d, { prehash: false, format: 'der', lowS: false }))
    }
    case 'ed25519':
      return sign(null, message, privateKey)
    case 'ed25519ph': {
      const seed = b64url(privateJwkOf(material).d)
      return Buffer.from(ed25519phOfDigest.sign(message, seed))
    }
  }
}

export function verifyWith(
  material: Buffer,
  spec: LabKeySpec,
  info: SigningAlgorithmInfo,
  digestMode: boolean,
  message: Uint8Array,
  signature: Uint8Array
): boolean {
  const { publicKey } = keyPairOf(material)
  try {
    switch (info.family) {
      case 'pss':
        return digestMode
          ? pssVerifyDigest(publicKey, info.hash, message, signature)
          : verify(info.hash, message, rsaPss(publicKey, info.hash), signature)
      case 'pkcs1':
        return digestMode
          ? pkcs1VerifyDigest(publicKey, info.hash, message, signature)
          : verify(info.hash, message, publicKey, signature)
      case 'ecdsa': {
        if (!digestMode) return verify(info.hash, message, publicKey, signature)
        const curve = CURVES[spec as keyof typeof CURVES]
        return curve.verify(signature, message, ecPublicPoint(material), {
          prehash: false,
          format: 'der',
          lowS: false
        })
      }
      case 'ed25519':
        return verify(null, message, publicKey, signature)
      case 'ed25519ph':
        return ed25519phOfDigest.verify(signature, message, b64url(privateJwkOf(material).x))
    }
  } catch {
    return false
  }
}
