// The encryption context editor hands on every pair typed, a key named __proto__ included (built
// by assignment, that pair was dropped, and the context bound to the ciphertext lost it).
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import EncryptionContextEditor from '../../../../src/renderer/src/components/crypto/EncryptionContextEditor.vue'

describe('EncryptionContextEditor', () => {
  it('emits every pair typed, a key named __proto__ like any other', async () => {
    const w = mount(EncryptionContextEditor, {
      props: { modelValue: { tenant: 'a' }, testId: 'ctx' }
    })
    await w.find('[data-test=ctx-key-0]').setValue('__proto__')
    const emitted = w.emitted('update:modelValue') ?? []
    const last = emitted[emitted.length - 1][0] as Record<string, string>
    expect(Object.keys(last)).toEqual(['__proto__'])
    expect(Object.getOwnPropertyDescriptor(last, '__proto__')?.value).toBe('a')
  })
})
