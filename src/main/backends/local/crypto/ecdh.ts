// ECDH for KEY_AGREEMENT keys: the raw shared secret (the x coordinate, as AWS returns it; no
// KDF) between the key's private key and a peer public key given as SubjectPublicKeyInfo DER.
import { createPublicKey, diffieHellman, type KeyObject } from 'node:crypto'
import { keyPairOf } from './key-objects'

/** The peer's public key, or undefined when the bytes are not an EC SPKI on the key's curve. */
export function peerPublicKey(material: Buffer, spki: Uint8Array): KeyObject | undefined {
  let peer: KeyObject
  try {
    peer = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' })
  } catch {
    return undefined
  }
  const own = keyPairOf(material).publicKey
  if (peer.asymmetricKeyType !== 'ec') return undefined
  if (peer.asymmetricKeyDetails?.namedCurve !== own.asymmetricKeyDetails?.namedCurve)
    return undefined
  return peer
}

export function sharedSecret(material: Buffer, peer: KeyObject): Buffer {
  return diffieHellman({ privateKey: keyPairOf(material).privateKey, publicKey: peer })
}
