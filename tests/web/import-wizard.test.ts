// The import wizard's own rules: the expiry step's 365-day limit on the lab clock, and the
// options and terminal commands it offers per key spec and wrapping algorithm.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MaterialExpiryStep from '../../src/renderer/src/components/import/MaterialExpiryStep.vue'
import {
  algorithmsFor,
  canGenerate,
  wrapCommands
} from '../../src/renderer/src/components/import/import-options'

const DAY = 24 * 60 * 60 * 1000
/** A lab clock 400 days ahead of real time, to show the step follows the lab's "now". */
const labNow = Date.now() + 400 * DAY

function local(ms: number): string {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

describe('MaterialExpiryStep', () => {
  it('offers 30 days ahead of the lab clock and emits that ValidTo', async () => {
    const w = mount(MaterialExpiryStep, { props: { now: labNow, pending: false, disabled: false } })
    await w.get('[data-test=import-material]').trigger('click')
    const [validTo] = w.emitted('import')![0] as [number]
    expect(Math.abs(validTo - (labNow + 30 * DAY))).toBeLessThan(60_000)
  })

  it('refuses a date past 365 days or in the past, and emits none for no expiry', async () => {
    const w = mount(MaterialExpiryStep, { props: { now: labNow, pending: false, disabled: false } })
    const button = () => w.get('[data-test=import-material]').element as HTMLButtonElement
    await w.get('[data-test=valid-to]').setValue(local(labNow + 366 * DAY))
    expect(button().disabled).toBe(true)
    expect(w.text()).toContain('at most 365 days ahead')
    await w.get('[data-test=valid-to]').setValue(local(labNow - DAY))
    expect(w.text()).toContain('must be in the future')
    await w.get('[data-test=does-not-expire]').setValue(true)
    expect(button().disabled).toBe(false)
    await w.get('[data-test=import-material]').trigger('click')
    expect(w.emitted('import')![0]).toEqual([undefined])
  })
})

describe('import options', () => {
  it('offers only RSA_AES wrapping for RSA keys, and generation for raw-byte keys', () => {
    expect(algorithmsFor('RSA_3072').map((a) => a.value)).toEqual([
      'RSA_AES_KEY_WRAP_SHA_256',
      'RSA_AES_KEY_WRAP_SHA_1'
    ])
    expect(algorithmsFor('SYMMETRIC_DEFAULT')).toHaveLength(4)
    expect([
      canGenerate('SYMMETRIC_DEFAULT'),
      canGenerate('HMAC_512'),
      canGenerate('ECC_NIST_P256')
    ]).toEqual([true, true, false])
  })

  it('writes the openssl commands for the chosen algorithm and the downloaded file', () => {
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab'
    expect(wrapCommands(id, 'SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1')).toContain(
      `openssl pkeyutl -encrypt -inkey wrappingKey_${id} -keyform DER -pubin -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha1`
    )
    const kwp = wrapCommands(id, 'SYMMETRIC_DEFAULT', 'RSA_AES_KEY_WRAP_SHA_256')
    expect(kwp).toContain('openssl enc -id-aes256-wrap-pad')
    expect(kwp).toContain(
      'cat aes-key-wrapped.bin key-material-wrapped.bin > EncryptedKeyMaterial.bin'
    )
  })
})
