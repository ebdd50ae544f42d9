// Properties of the lab's symmetric encryption, through the engine: any plaintext and context
// round-trips, and any single-byte change of the blob or any change of the context fails.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from '../../../../../../src/main/backends/local/lab'
import { withTempLab } from '../../../../../helpers/lab'

const region = 'us-east-1'
let lab: Lab
let cleanup: () => Promise<void>
let keyId: string

beforeAll(async () => {
  ;({ lab, cleanup } = withTempLab())
  keyId = (await lab.engine.call('CreateKey', {}, { region })).KeyMetadata!.KeyId!
})
afterAll(() => cleanup())

const encrypt = (Plaintext: Uint8Array, EncryptionContext?: Record<string, string>) =>
  lab.engine.call('Encrypt', { KeyId: keyId, Plaintext, EncryptionContext }, { region })
const decrypt = (CiphertextBlob: Uint8Array, EncryptionContext?: Record<string, string>) =>
  lab.engine.call('Decrypt', { CiphertextBlob, EncryptionContext }, { region })

const plaintexts = fc.uint8Array({ minLength: 1, maxLength: 4096 })
const contexts = fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }), {
  maxKeys: 6
})

async function failsAsInvalid(call: Promise<unknown>): Promise<boolean> {
  try {
    await call
    return false
  } catch (e) {
    return (e as Error).name === 'InvalidCiphertextException'
  }
}

describe('symmetric ciphertext blobs (properties)', () => {
  it('binds a context key named __proto__ like any other (it was dropped: decrypted without it)', async () => {
    const bound = JSON.parse('{"__proto__":"tenant-a","b":"c"}') as Record<string, string>
    const { CiphertextBlob } = await encrypt(new Uint8Array([1, 2, 3]), bound)
    expect(await failsAsInvalid(decrypt(CiphertextBlob!, { b: 'c' }))).toBe(true)
    expect(
      await failsAsInvalid(decrypt(CiphertextBlob!, JSON.parse('{"__proto__":"tenant-b","b":"c"}')))
    ).toBe(true)
    const { Plaintext } = await decrypt(
      CiphertextBlob!,
      JSON.parse('{"b":"c","__proto__":"tenant-a"}')
    )
    expect([...Plaintext!]).toEqual([1, 2, 3])
  })

  it('round-trip any plaintext under any context, in any key order', async () => {
    await fc.assert(
      fc.asyncProperty(plaintexts, contexts, async (plain, context) => {
        const { CiphertextBlob } = await encrypt(plain, context)
        const reordered = Object.fromEntries(Object.entries(context).reverse())
        const { Plaintext } = await decrypt(CiphertextBlob!, reordered)
        expect(Buffer.from(Plaintext!).equals(Buffer.from(plain))).toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  it('fail on any single-byte change anywhere in the blob', async () => {
    await fc.assert(
      fc.asyncProperty(
        plaintexts,
        contexts,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (plain, context, at, delta) => {
          const { CiphertextBlob } = await encrypt(plain, context)
          const blob = new Uint8Array(CiphertextBlob!)
          const i = at % blob.length
          blob[i] = (blob[i] + delta) & 0xff
          expect(await failsAsInvalid(decrypt(blob, context))).toBe(true)
        }
      ),
      { numRuns: 200 }
    )
  })

  it('fail on any other context: a changed value, a changed key, one pair more or less', async () => {
    const change = fc.oneof(
      fc.constant('value' as const),
      fc.constant('key' as const),
      fc.constant('add' as const),
      fc.constant('remove' as const)
    )
    await fc.assert(
      fc.asyncProperty(plaintexts, contexts, change, async (plain, context, how) => {
        const entries = Object.entries(context)
        if (entries.length === 0 && how !== 'add') return
        const { CiphertextBlob } = await encrypt(plain, context)
        const other = { ...context }
        const [k, v] = entries[0] ?? ['', '']
        if (how === 'value') other[k] = `${v}x`
        if (how === 'key') {
          delete other[k]
          other[`${k}x`] = v
        }
        if (how === 'add') other[`extra-${entries.length}-${k}x`] = 'y'
        if (how === 'remove') delete other[k]
        expect(await failsAsInvalid(decrypt(CiphertextBlob!, other))).toBe(true)
      }),
      { numRuns: 200 }
    )
  })
})
