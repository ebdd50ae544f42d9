// The renderer side of main's activity, over a stand-in preload: on an AWS connection the app
// store long-polls app.watchActivity; a main task shows in the top bar's indicator next to the
// renderer's own; an MFA prompt opens the dialog and the typed code goes to connections.answerMfa.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import type { ConsoleActivity } from '../../../src/shared/ipc'

const ok = <T>(value: T) => ({ ok: true as const, value })

describe('console activity in the renderer', () => {
  it('shows progress, asks for the MFA code and answers the prompt', async () => {
    vi.resetModules()
    const answers: ((a: ConsoleActivity) => void)[] = []
    const answerMfa = vi.fn(async () => ok({}))
    ;(window as unknown as { keylab: unknown }).keylab = {
      kms: {},
      lab: {},
      app: {
        getInfo: async () =>
          ok({
            version: 't',
            regions: ['us-east-1'],
            connection: {
              kind: 'aws',
              label: 'AWS · admin',
              region: 'us-east-1',
              capabilities: { labClock: false }
            }
          }),
        watchActivity: () =>
          new Promise((resolve) => answers.push((a: ConsoleActivity) => resolve(ok(a))))
      },
      connections: { answerMfa }
    }
    setActivePinia(createPinia())
    const { useAppStore } = await import('../../../src/renderer/src/stores/app')
    const TheActivityIndicator = (
      await import('../../../src/renderer/src/components/layout/TheActivityIndicator.vue')
    ).default
    const MfaPromptDialog = (
      await import('../../../src/renderer/src/components/connections/MfaPromptDialog.vue')
    ).default
    const app = useAppStore()
    await app.load()
    expect(answers).toHaveLength(1)

    const indicator = mount(TheActivityIndicator)
    const local = app.task('Describing keys', 1200)
    local.update(340)
    await flushPromises()
    expect(indicator.text()).toContain('Describing keys')
    expect(indicator.text()).toContain('340 / 1,200')
    local.finish()

    answers[0]({
      version: 1,
      prompts: [{ id: 'p1', profile: 'admin', mfaSerial: 'arn:aws:iam::111122223333:mfa/alice' }],
      tasks: [{ id: 't1', label: 'Listing aliases', done: 40 }]
    })
    await flushPromises()
    expect(answers).toHaveLength(2)
    expect(indicator.text()).toContain('Listing aliases')

    const dialog = mount(MfaPromptDialog)
    expect(dialog.text()).toContain('arn:aws:iam::111122223333:mfa/alice')
    await dialog.get('[data-test=mfa-code]').setValue('654321')
    await dialog.get('[data-test=mfa-submit]').trigger('click')
    await flushPromises()
    expect(answerMfa).toHaveBeenCalledWith({ promptId: 'p1', code: '654321' })
    delete (window as unknown as { keylab?: unknown }).keylab
  })
})
