// Lifecycle: disabling and enabling (one key on its page, several from the list), scheduling
// deletion for 7 days and advancing the lab clock until the key is gone, and cancelling a
// deletion, which leaves the key Disabled.
import { advanceLabClock, createKeyInWizard, rpc } from '../lifecycle-steps.mjs'

async function openLab(page, lab) {
  await page.goto(lab.url)
  await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
}

const status = (page) => page.locator('[data-test=key-status]')

export const tests = [
  {
    name: 'disable and enable a key from its page',
    async run({ page, startLab, newDataDir, removeDir, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await openLab(page, lab)
        await createKeyInWizard(page, { alias: 'states/toggle' })
        await page.locator('[data-test=key-actions]').click()
        await page.locator('[data-test=action-disable]').click()
        await page.locator('[data-test=confirm]').click()
        await status(page).getByText('Disabled').waitFor()
        await page.locator('[data-test=key-actions]').click()
        expect(
          await page.locator('[data-test=action-disable]').isDisabled(),
          'Disable is offered only for an enabled key'
        )
        await page.locator('[data-test=action-enable]').click()
        await status(page).getByText('Enabled').waitFor()
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'schedule deletion for 7 days, advance the lab clock 7 days: the key is gone',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await openLab(page, lab)
        const keyId = await createKeyInWizard(page, { alias: 'states/doomed' })
        await page.locator('[data-test=key-actions]').click()
        await page.locator('[data-test=action-schedule-deletion]').click()
        await page.locator('[data-test=pending-window]').fill('7')
        const submit = page.locator('[data-test=schedule-deletion-submit]')
        expect(await submit.isDisabled(), 'deletion needs the explicit confirmation')
        await page.locator('[data-test=confirm-deletion]').check()
        await screenshot(page, 'lifecycle-schedule-deletion')
        await submit.click()
        await page.locator('[data-test=pending-deletion-banner]').waitFor()
        await status(page).getByText('Pending deletion').waitFor()

        await page.locator('[data-test=topbar-clock]').click()
        await page.getByRole('dialog', { name: 'Lab clock' }).waitFor()
        await screenshot(page, 'lifecycle-lab-clock')
        await page.locator('[data-test=topbar-clock]').click()
        await advanceLabClock(page, 6)
        await status(page).getByText('Pending deletion').waitFor()
        await advanceLabClock(page, 1)
        await page.locator('[data-test=key-gone]').waitFor()

        await page.getByRole('link', { name: 'Customer managed keys' }).first().click()
        await page.getByText('No keys in this region yet').waitFor()
        const aliases = await rpc(page, 'kms', 'ListAliases', {})
        expect(aliases.Aliases.length === 0, `its alias is gone too: ${JSON.stringify(aliases)}`)
        const listed = await rpc(page, 'kms', 'ListKeys', {})
        expect(!listed.Keys.some((k) => k.KeyId === keyId), 'ListKeys no longer has it')
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'cancelling a scheduled deletion leaves the key Disabled',
    async run({ page, startLab, newDataDir, removeDir, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await openLab(page, lab)
        await createKeyInWizard(page, { alias: 'states/spared' })
        await page.locator('[data-test=key-actions]').click()
        await page.locator('[data-test=action-schedule-deletion]').click()
        await page.locator('[data-test=pending-window]').fill('7')
        await page.locator('[data-test=confirm-deletion]').check()
        await page.locator('[data-test=schedule-deletion-submit]').click()
        await page.locator('[data-test=cancel-deletion]').click()
        await status(page).getByText('Disabled').waitFor()
        expect(!(await page.locator('[data-test=deletion-date]').count()), 'no deletion date left')
        await advanceLabClock(page, 8)
        await status(page).getByText('Disabled').waitFor()
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'the key list filters, sorts and disables and enables several keys at once',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await openLab(page, lab)
        const made = []
        for (const [alias, input] of [
          ['app/orders', {}],
          ['app/payments', { Tags: [{ TagKey: 'team', TagValue: 'payments' }] }],
          ['sign/release', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }],
          ['mac/tokens', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }],
          ['import/byok', { Origin: 'EXTERNAL' }]
        ]) {
          const { KeyMetadata } = await rpc(page, 'kms', 'CreateKey', {
            Description: alias,
            ...input
          })
          await rpc(page, 'kms', 'CreateAlias', {
            AliasName: `alias/${alias}`,
            TargetKeyId: KeyMetadata.KeyId
          })
          made.push(KeyMetadata.KeyId)
        }
        await page.locator('[data-test=refresh]').click()
        const rows = page.locator('[data-test=key-row]')
        await rows.filter({ hasText: 'alias/import/byok' }).waitFor()
        expect((await rows.count()) === 5, 'five keys listed')
        await screenshot(page, 'lifecycle-key-list')

        await page.locator('[data-test=key-filter]').fill('app/')
        await page.locator('[data-test=key-count]').getByText('2 of 5 keys').waitFor()
        await page.locator('[data-test=key-filter]').fill('')
        await page.locator('[data-test=key-type-filter]').selectOption('HMAC')
        await page.locator('[data-test=key-count]').getByText('1 of 5 keys').waitFor()
        await page.locator('[data-test=key-type-filter]').selectOption('all')
        await page.locator('[data-test=tag-filter]').fill('team=payments')
        await page.locator('[data-test=key-count]').getByText('1 of 5 keys').waitFor()
        await page.locator('[data-test=tag-filter]').fill('')

        await page.locator('[data-test=sort-aliases]').click()
        await rows.first().getByText('alias/app/orders').waitFor()
        await page.locator('[data-test=sort-aliases]').click()
        await rows.first().getByText('alias/sign/release').waitFor()

        await page.locator('[data-test=key-filter]').fill('app/')
        await page.locator('[data-test=select-all]').check()
        await page.locator('[data-test=selection-count]').getByText('2 selected').waitFor()
        await page.locator('[data-test=disable-selected]').click()
        await page.locator('[data-test=confirm]').click()
        await rows.filter({ hasText: 'Disabled' }).nth(1).waitFor()
        await page.locator('[data-test=enable-selected]').click()
        await page.locator('[data-test=key-row]').filter({ hasText: 'Disabled' }).first().waitFor({
          state: 'detached'
        })
        const states = await Promise.all(
          made
            .slice(0, 2)
            .map(
              async (id) =>
                (await rpc(page, 'kms', 'DescribeKey', { KeyId: id })).KeyMetadata.KeyState
            )
        )
        expect(states.join() === 'Enabled,Enabled', `both enabled again: ${states}`)

        await page.locator('[data-test=column-chooser]').click()
        await page.locator('[data-test=column-description]').check()
        await page.getByRole('columnheader', { name: 'Description' }).waitFor()
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  }
]
