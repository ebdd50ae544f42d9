// Lifecycle: the create key wizard for a symmetric and an RSA key, through the real UI on the
// real lab store, with the key page each one lands on.
import { createKeyInWizard } from '../lifecycle-steps.mjs'

export const tests = [
  {
    name: 'the wizard creates a symmetric key with alias, tags and the reviewed policy',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        const keyId = await createKeyInWizard(page, {
          alias: 'workshop/FirstCMK',
          description: 'Workshop key created in the wizard',
          tags: [['Project', 'kms-workshop']],
          shots: (step) => screenshot(page, `lifecycle-wizard-${step}`)
        })
        expect(/^[0-9a-f-]{36}$/.test(keyId), `key id ${keyId}`)
        await page.getByRole('heading', { name: 'alias/workshop/FirstCMK' }).waitFor()
        const status = await page.locator('[data-test=key-status]').textContent()
        expect(status.includes('Enabled'), `status ${status}`)
        await page
          .locator('[data-test=policy-view]')
          .getByText('Enable IAM User Permissions')
          .waitFor()
        const policy = await page.locator('[data-test=policy-view]').textContent()
        expect(policy.includes('Allow access for Key Administrators'), 'admin statement written')
        expect(policy.includes('Allow use of the key'), 'key user statement written')
        expect(policy.includes('arn:aws:iam::111122223333:user/lab-admin'), 'key user named')
        await screenshot(page, 'lifecycle-key-page')
        await page.locator('[data-test=tab-tags]').click()
        await page.locator('[data-test=tags-table]').waitFor()
        const tags = await page.locator('[data-test=tags-table]').textContent()
        expect(tags.includes('kms-workshop'), `tags ${tags}`)

        await page.getByRole('link', { name: 'Customer managed keys' }).first().click()
        const row = page.locator('[data-test=key-row]').filter({ hasText: keyId })
        await row.waitFor()
        const text = await row.textContent()
        expect(text.includes('alias/workshop/FirstCMK'), `row shows the alias: ${text}`)
        expect(text.includes('SYMMETRIC_DEFAULT'), `row shows the spec: ${text}`)
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'the wizard creates an RSA signing key',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        await createKeyInWizard(page, {
          keyType: 'asymmetric',
          usage: 'SIGN_VERIFY',
          spec: 'RSA_3072',
          alias: 'signing/release',
          shots: (step) => step === 'configure' && screenshot(page, 'lifecycle-wizard-rsa')
        })
        await page.locator('[data-test=tab-crypto-config]').click()
        await page.getByRole('tabpanel').getByText('RSASSA_PSS_SHA_256', { exact: false }).waitFor()
        const crypto = await page.getByRole('tabpanel').textContent()
        expect(crypto.includes('RSA_3072'), `spec shown: ${crypto}`)
        expect(crypto.includes('Sign and verify'), `usage shown: ${crypto}`)
        expect(crypto.includes('RSASSA_PSS_SHA_256'), `algorithms shown: ${crypto}`)
        const tabs = await page.getByRole('tablist').textContent()
        expect(!tabs.includes('Key rotation'), 'no rotation tab for an asymmetric key')
        await page.locator('[data-test=tab-key-policy]').click()
        await page.locator('[data-test=policy-view]').getByText('kms:Sign').waitFor()
        const text = await page.locator('[data-test=policy-view]').textContent()
        expect(!text.includes('kms:GenerateDataKey'), 'no data key actions for a signing key')
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  }
]
