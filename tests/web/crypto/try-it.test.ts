// The Try-it panels in happy-dom over a stand-in bridge: a decrypted plaintext is masked until
// revealed and wiped when the panel goes away; the tab offers what the key usage allows.
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeyMetadata } from '../../../src/shared/kms/types'

const plaintext = new TextEncoder().encode('top secret')
const Decrypt = vi.fn(async () => ({
  ok: true,
  value: { KeyId: 'arn', Plaintext: plaintext, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' }
}))
;(window as unknown as { keylab: unknown }).keylab = { kms: { Decrypt }, app: {}, lab: {} }

const key = (over: Partial<KeyMetadata>): KeyMetadata =>
  ({
    KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
    Arn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    KeyState: 'Enabled',
    KeySpec: 'SYMMETRIC_DEFAULT',
    KeyUsage: 'ENCRYPT_DECRYPT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    ...over
  }) as KeyMetadata

beforeEach(() => setActivePinia(createPinia()))

describe('Try-it panels', () => {
  it('masks a decrypted plaintext until revealed and wipes it on unmount', async () => {
    const { default: DecryptPanel } =
      await import('../../../src/renderer/src/components/crypto/DecryptPanel.vue')
    const wrapper = mount(DecryptPanel, { props: { keyMetadata: key({}) } })
    await wrapper.get('[data-test=decrypt-ciphertext]').setValue('AAECAw==')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(Decrypt).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[data-test=decrypt-result-masked]').exists()).toBe(true)
    expect(wrapper.text()).not.toContain('top secret')
    await wrapper.get('[data-test=decrypt-result-reveal]').trigger('click')
    expect(wrapper.get('[data-test=decrypt-result-value]').text()).toBe('top secret')
    wrapper.unmount()
    expect(Array.from(plaintext).every((b) => b === 0)).toBe(true)
  })

  it('offers exactly what each key usage allows', async () => {
    const { tryItActions } =
      await import('../../../src/renderer/src/components/crypto/try-it-actions')
    const ids = (k: Partial<KeyMetadata>) => tryItActions(key(k)).map((a) => a.id)
    expect(ids({})).toEqual(['encrypt', 'decrypt', 'data-key'])
    expect(ids({ KeySpec: 'RSA_2048' })).toEqual(['encrypt', 'decrypt', 'public-key'])
    expect(ids({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' })).toEqual([
      'sign',
      'public-key'
    ])
    expect(ids({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })).toEqual(['mac'])
    expect(ids({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'KEY_AGREEMENT' })).toEqual([
      'agreement',
      'public-key'
    ])
  })
})
