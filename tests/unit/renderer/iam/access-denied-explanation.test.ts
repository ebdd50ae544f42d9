// Any AccessDeniedException carrying the lab's explanation shows it under the error: the
// failed check, the statement to add, and the policies considered.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import BaseAlert from '../../../../src/renderer/src/components/base/BaseAlert.vue'
import { AccessDeniedException } from '../../../../src/shared/errors'
import type { AuthorizationExplanation } from '../../../../src/shared/iam/authorization'

const explanation: AuthorizationExplanation = {
  kind: 'keylab.authorization',
  operation: 'CreateKey',
  principalArn: 'arn:aws:iam::111122223333:role/R',
  callerArn: 'arn:aws:sts::111122223333:assumed-role/R/KeyLab',
  decision: 'Deny',
  enforced: true,
  checks: [
    {
      action: 'kms:CreateKey',
      resource: '*',
      scope: 'iam',
      decision: 'ImplicitDeny',
      deniedIn: 'identity-based',
      message: 'User: x is not authorized',
      policies: [
        {
          source: 'managed',
          name: 'ReadOnly',
          arn: 'arn:aws:iam::111122223333:policy/ReadOnly',
          statements: [
            {
              index: 0,
              effect: 'Allow',
              outcome: 'skipped',
              reason: 'kms:CreateKey is not in its Action'
            }
          ]
        }
      ],
      fix: {
        target: 'identity-policy',
        summary: 'Attach a policy',
        statement: '{ "Action": "kms:CreateKey" }'
      }
    }
  ]
}

const stubs = { RouterLink: { template: '<a><slot /></a>' } }

describe('AccessDeniedExplanation in BaseAlert', () => {
  it('shows the explanation of an AccessDeniedException with details', async () => {
    const error = new AccessDeniedException('User: x is not authorized')
    error.details = explanation as unknown as Record<string, unknown>
    const w = mount(BaseAlert, { props: { error }, global: { stubs } })
    const text = w.text()
    expect(text).toContain('AccessDeniedException')
    expect(text).toContain('Why this was denied')
    expect(text).toContain('Denied: no policy allows it')
    expect(w.find('[data-test=auth-fix]').text()).toContain('"kms:CreateKey"')
    expect(text).toContain('kms:CreateKey is not in its Action')
    await w.find('.toggle').trigger('click')
    expect(w.text()).not.toContain('kms:CreateKey is not in its Action')
  })

  it('shows nothing more for other errors', () => {
    const w = mount(BaseAlert, {
      props: { error: new AccessDeniedException('plain') },
      global: { stubs }
    })
    expect(w.find('[data-test=access-explanation]').exists()).toBe(false)
  })
})
