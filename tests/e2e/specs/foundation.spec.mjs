// Foundation: create a key through the real UI on the real lab store, restart the backend
// process, and find the key again.
import { createKeyInWizard } from '../lifecycle-steps.mjs'

export const tests = [
  {
    name: 'a key created in the UI survives a backend restart',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      let lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        await page.locator('[data-test=backend]').getByText('Local lab').waitFor()

        await createKeyInWizard(page, {
          alias: 'foundation',
          description: 'Workshop key created from the UI'
        })
        const arn = await page.locator('[data-test=key-arn]').textContent()
        expect(
          /^arn:aws:kms:us-east-1:111122223333:key\/[0-9a-f-]{36}$/.test(arn ?? ''),
          `ARN shown: ${arn}`
        )
        const keyId = arn.split('/').pop()

        await page.getByRole('link', { name: 'Customer managed keys' }).first().click()
        await page.locator('[data-test=key-row]').filter({ hasText: keyId }).waitFor()

        await lab.stop()
        lab = await startLab(dir)
        await page.goto(lab.url)
        const row = page.locator('[data-test=key-row]').filter({ hasText: keyId })
        await row.waitFor()
        expect((await row.textContent()).includes('Enabled'), 'the key is Enabled after restart')
        await screenshot(page, 'foundation-key-list')
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'an AWS error is shown with its name and message',
    async run({ page, startLab, newDataDir, removeDir, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url + '#/keys/00000000-0000-4000-8000-000000000000')
        const alert = page.getByRole('alert')
        await alert.waitFor()
        const text = await alert.textContent()
        expect(text.includes('NotFoundException'), `alert names the exception: ${text}`)
        expect(text.includes('does not exist'), `alert carries AWS's message: ${text}`)
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  }
]
