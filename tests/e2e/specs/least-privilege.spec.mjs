// The workshop's least-privilege story in the GUI on a real lab: create the instance role, act
// as it, CreateKey is denied and the explanation says why; attach the power-user policy from
// the attach dialog (search, select, attach), create the key; the simulator shows
// kms:ImportKeyMaterial denied until a custom policy made in the visual editor is attached.
import { quickCreateKey } from '../lifecycle-steps.mjs'

const ROLE = 'KMSWorkshop-InstanceInitRole'
const SESSION = `arn:aws:sts::111122223333:assumed-role/${ROLE}/KeyLab`

async function attach(page, search, name, shot) {
  await page.getByRole('link', { name: 'Principals' }).click()
  await page.locator('[data-test=principal-row]').filter({ hasText: ROLE }).click()
  await page.locator('[data-test=attach-policies]').click()
  await page.locator('[data-test=policy-search]').fill(search)
  const option = page.locator('[data-test=policy-option]').filter({ hasText: name })
  await option.waitFor()
  await option.getByRole('checkbox').check()
  if (shot) await shot()
  await page.locator('[data-test=attach-policies-submit]').click()
  await page.locator('[data-test=attached-policy]').filter({ hasText: name }).waitFor()
}

async function simulate(page, action, keyId) {
  await page.getByRole('link', { name: 'Policy simulator' }).click()
  await page.locator('[data-test=sim-principal]').selectOption({ label: `${ROLE} (role)` })
  await page.locator('[data-test=sim-action]').selectOption(action)
  await page.locator('[data-test=sim-key]').selectOption(keyId)
  await page.locator('[data-test=sim-run]').click()
  const result = page.locator('[data-test=sim-result]')
  await result.waitFor()
  return result
}

export const tests = [
  {
    name: 'the least-privilege story, with the explanation panel',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.locator('[data-test=act-as-select]').waitFor()

        await page.getByRole('link', { name: 'Principals' }).click()
        await page.locator('[data-test=create-principal]').click()
        await page.locator('[data-test=principal-type-role]').click()
        await page.locator('[data-test=principal-name]').fill(ROLE)
        await page.locator('[data-test=create-principal-submit]').click()
        await page.locator('[data-test=principal-arn]').getByText(`role/${ROLE}`).waitFor()
        await page.locator('[data-test=act-as]').click()
        await page.getByText('The console acts as this principal').waitFor()
        await screenshot(page, 'least-privilege-1-role')

        await page.getByRole('link', { name: 'Customer managed keys' }).click()
        await quickCreateKey(page)
        const dialog = page.locator('[data-test=wizard-step-review]')
        const explanation = dialog.locator('[data-test=access-explanation]')
        await explanation.waitFor()
        const text = await dialog.getByRole('alert').textContent()
        expect(
          text.includes(
            `User: ${SESSION} is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action`
          ),
          `AWS's message is shown: ${text}`
        )
        expect(
          (await explanation.locator('[data-test=auth-fix]').textContent()).includes(
            '"kms:CreateKey"'
          ),
          'the explanation suggests the statement to add'
        )
        await screenshot(page, 'least-privilege-2-createkey-denied')
        await page.locator('.footer').getByRole('button', { name: 'Cancel' }).click()

        await attach(page, 'AWSKeyManagementSystem', 'AWSKeyManagementServicePowerUser', () =>
          screenshot(page, 'least-privilege-3a-attach-dialog')
        )
        await screenshot(page, 'least-privilege-3-power-user-attached')

        await page.getByRole('link', { name: 'Customer managed keys' }).click()
        await quickCreateKey(page, { description: 'Created as the workshop role' })
        const arn = await page.locator('[data-test=key-arn]').textContent()
        const keyId = arn.split('/').pop()
        await page.locator('[data-test=tab-grants]').click()
        await page.getByText('This key has no grants.').waitFor()

        let result = await simulate(page, 'kms:ImportKeyMaterial', keyId)
        const denied = await result.textContent()
        expect(denied.includes('denied'), `simulator denies: ${denied}`)
        expect(
          denied.includes(`kms:ImportKeyMaterial`) &&
            denied.includes('Key policy lets IAM policies decide'),
          'the simulator explains the delegation'
        )
        await screenshot(page, 'least-privilege-4-simulator-denied')

        await page.getByRole('link', { name: 'Policies', exact: true }).click()
        await page.locator('[data-test=create-policy]').click()
        await page.locator('[data-test=action-ImportKeyMaterial]').check()
        await page.locator('[data-test=policy-name]').fill('KMS-Workshop-ImportMaterialPermissions')
        await screenshot(page, 'least-privilege-5-visual-editor')
        await page.locator('[data-test=tab-json]').click()
        await page.locator('[data-test=policy-validation]').getByText('Valid policy').waitFor()
        await page.locator('[data-test=create-policy-submit]').click()
        await page.getByText('Policy created').waitFor()

        await attach(page, 'KMS-Workshop', 'KMS-Workshop-ImportMaterialPermissions')
        result = await simulate(page, 'kms:ImportKeyMaterial', keyId)
        const allowed = await result.textContent()
        expect(allowed.includes('allowed'), `simulator allows: ${allowed}`)
        expect(allowed.includes('KMS-Workshop-ImportMaterialPermissions'), 'names the policy')
        await screenshot(page, 'least-privilege-6-simulator-allowed')
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'an explicit deny in an inline policy, and grants on the key page',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await quickCreateKey(page)
        const keyArn = await page.locator('[data-test=key-arn]').textContent()

        await page.locator('[data-test=tab-grants]').click()
        await page.locator('[data-test=create-grant]').click()
        await page
          .locator('[data-test=grant-grantee]')
          .fill(`arn:aws:iam::111122223333:role/${ROLE}`)
        await page.locator('[data-test=create-grant-submit]').click()
        const row = page.locator('[data-test=grant-row]')
        await row.waitFor()
        expect((await row.textContent()).includes('Decrypt, Encrypt'), 'the grant is listed')
        await screenshot(page, 'least-privilege-7-grants-tab')

        await page.getByRole('link', { name: 'Principals' }).click()
        await page.locator('[data-test=principal-row]').filter({ hasText: 'lab-admin' }).click()
        await page.locator('[data-test=add-inline-policy]').click()
        await page.locator('[data-test=inline-policy-name]').fill('NoNewKeys')
        await page.locator('[data-test=policy-json]').fill(
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Deny', Action: 'kms:CreateKey', Resource: '*' }]
          })
        )
        await page.locator('[data-test=policy-validation]').getByText('Valid policy').waitFor()
        await page.locator('[data-test=inline-policy-submit]').click()
        await page.locator('[data-test=enforce-for-all]').check()

        await page.getByRole('link', { name: 'Customer managed keys' }).click()
        await page.locator('[data-test=key-row]').first().waitFor()
        await quickCreateKey(page)
        const alert = page.locator('[data-test=wizard-step-review]').getByRole('alert')
        await alert.locator('[data-test=access-explanation]').waitFor()
        const text = await alert.textContent()
        expect(
          text.includes(
            'User: arn:aws:iam::111122223333:user/lab-admin is not authorized to perform: kms:CreateKey on resource: * with an explicit deny in an identity-based policy'
          ),
          `explicit deny text: ${text}`
        )
        expect(text.includes('Explicitly denied') && text.includes('NoNewKeys'), 'names the deny')
        await screenshot(page, 'least-privilege-8-explicit-deny')
        expect(keyArn.includes(':key/'), 'key created before the deny')
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  }
]
