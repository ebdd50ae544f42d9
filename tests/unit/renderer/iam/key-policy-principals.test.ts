// The key policy tab's default view component: administrators and users from the policy JSON.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import KeyPolicyPrincipals from '../../../../src/renderer/src/components/iam/KeyPolicyPrincipals.vue'
import { consoleKeyPolicy } from '../../../../src/shared/iam/console-key-policy'

describe('KeyPolicyPrincipals', () => {
  it('lists key administrators and key users as the console does', () => {
    const policy = consoleKeyPolicy({
      accountId: '111122223333',
      administrators: ['arn:aws:iam::111122223333:user/lab-admin'],
      users: ['arn:aws:iam::111122223333:role/KMSWorkshop-InstanceInitRole'],
      allowKeyDeletion: false
    })
    const w = mount(KeyPolicyPrincipals, { props: { policy, accountId: '111122223333' } })
    expect(w.find('[data-test=key-admins]').text()).toContain('lab-admin')
    expect(w.find('[data-test=key-users]').text()).toContain('KMSWorkshop-InstanceInitRole')
    expect(w.text()).toContain('IAM policies apply to this key')
    expect(w.text()).toContain('administrators may not delete this key')
  })
})
