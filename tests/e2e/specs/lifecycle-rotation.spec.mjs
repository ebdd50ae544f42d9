// Lifecycle: key rotation from the key page: enabling automatic rotation with a period, rotating
// on demand (the quota counts down, the history grows), and the lab clock making an automatic
// rotation happen. Also the aliases page: create, point at another key, delete.
import { advanceLabClock, createKeyInWizard, rpc } from '../lifecycle-steps.mjs'

export const tests = [
  {
    name: 'enable rotation with a period, rotate now, and watch an automatic rotation',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        const keyId = await createKeyInWizard(page, { alias: 'rotation/yearly' })
        await page.locator('[data-test=tab-key-rotation]').click()
        await page.locator('[data-test=rotation-enabled]').check()
        await page.locator('[data-test=rotation-period]').fill('180')
        await page.locator('[data-test=save-rotation]').click()
        await page.locator('[data-test=next-rotation]').waitFor()
        const status = await rpc(page, 'kms', 'GetKeyRotationStatus', { KeyId: keyId })
        expect(status.KeyRotationEnabled === true, 'rotation enabled')
        expect(status.RotationPeriodInDays === 180, `period ${status.RotationPeriodInDays}`)

        await page.locator('[data-test=rotate-now]').click()
        await page.locator('[data-test=confirm]').click()
        await page.locator('[data-test=rotation-history]').getByText('On-demand').waitFor()
        await page.locator('[data-test=rotations-left]').getByText('24').waitFor()

        await advanceLabClock(page, 181)
        await page.locator('[data-test=tab-crypto-config]').click()
        await page.locator('[data-test=tab-key-rotation]').click()
        await page.locator('[data-test=rotation-history]').getByText('Automatic').waitFor()
        await screenshot(page, 'lifecycle-key-rotation')
        const { Rotations } = await rpc(page, 'kms', 'ListKeyRotations', { KeyId: keyId })
        expect(
          Rotations.map((r) => r.RotationType).join() === 'ON_DEMAND,AUTOMATIC',
          `rotations ${JSON.stringify(Rotations)}`
        )
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'the aliases page creates an alias, points it at another key and deletes it',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        const first = (await rpc(page, 'kms', 'CreateKey', { Description: 'first' })).KeyMetadata
        const second = (await rpc(page, 'kms', 'CreateKey', { Description: 'second' })).KeyMetadata
        await page.getByRole('link', { name: 'Aliases' }).click()
        await page.getByRole('heading', { name: 'Aliases', exact: true }).waitFor()

        await page.locator('[data-test=create-alias]').click()
        await page.locator('[data-test=alias-name]').fill('FirstCMK')
        await page.getByRole('dialog').getByText(first.KeyId).click()
        await page.locator('[data-test=alias-save]').click()
        const row = page.locator('[data-test=alias-row]').filter({ hasText: 'alias/FirstCMK' })
        await row.getByText(first.KeyId).waitFor()
        await screenshot(page, 'lifecycle-aliases')

        await row.locator('[data-test=retarget-alias]').click()
        await page.getByRole('dialog').getByText(second.KeyId).click()
        await page.locator('[data-test=alias-save]').click()
        await row.getByText(second.KeyId).waitFor()
        const described = await rpc(page, 'kms', 'DescribeKey', { KeyId: 'alias/FirstCMK' })
        expect(described.KeyMetadata.KeyId === second.KeyId, 'the alias points at the new key')

        await row.locator('[data-test=delete-alias]').click()
        await page.locator('[data-test=confirm]').click()
        await page.getByText('No aliases in this region yet').waitFor()
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  }
]
