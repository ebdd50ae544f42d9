// A tour of every screen in the states people meet them in (an empty lab; a lab of 30 keys of
// every type and state, with aliases, tags, a long description, grants, audit records and
// identities; errors; dialogs and popovers), each shot at 1440x900 and 1024x700 with the
// layout checked at both sizes (tour-steps.mjs). Also keyboard use of tabs, menus and dialogs.
import { createServer } from 'node:http'
import { quickCreateKey } from '../lifecycle-steps.mjs'
import { go, seedIdentities, seedKeys, shootBoth } from '../tour-steps.mjs'

async function heading(page, name) {
  await page.getByRole('heading', { name, exact: true }).first().waitFor()
}

async function openKey(page, keyId, tab) {
  await go(page, `#/keys/${keyId}`)
  await page.locator('[data-test=key-arn]').getByText(keyId).waitFor()
  if (tab) {
    await page.locator(`[data-test=tab-${tab}]`).click()
    await page.getByRole('tabpanel').waitFor()
  }
}

/** Walks the create wizard to its configure step for one kind of key. */
async function wizardConfigure(page, { keyType = 'symmetric', usage, external } = {}) {
  await go(page, '#/keys/create')
  await page.locator('[data-test=wizard-step-configure]').waitFor()
  await page.locator(`[data-test=key-type-${keyType}]`).check()
  if (usage) await page.locator(`[data-test=key-usage-${usage}]`).check()
  if (external) {
    await page.locator('[data-test=advanced-options]').click()
    await page.locator('[data-test=origin-EXTERNAL]').check()
  }
}

export const tests = [
  {
    name: 'an empty lab: every screen says what to do first',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByText('No keys in this region yet').waitFor()
        await shootBoth(page, screenshot, 'empty-keys')

        await page.getByRole('link', { name: 'Aliases' }).click()
        await page.getByText('No aliases in this region yet').waitFor()
        await shootBoth(page, screenshot, 'empty-aliases')

        await page.getByRole('link', { name: 'AWS managed keys' }).click()
        await page.locator('[data-test=aws-managed-lab]').waitFor()
        await shootBoth(page, screenshot, 'aws-managed-lab')

        await page.getByRole('link', { name: 'Principals' }).click()
        await page.locator('[data-test=principal-detail]').waitFor()
        await shootBoth(page, screenshot, 'empty-principals')

        await page.getByRole('link', { name: 'Settings' }).click()
        await page.locator('[data-test=connection-row]').first().waitFor()
        await page.locator('[data-test=endpoint-panel]').waitFor()
        await shootBoth(page, screenshot, 'settings-lab')

        await page.getByRole('link', { name: 'Audit log' }).click()
        await heading(page, 'Audit log')
        await page.locator('[data-test=audit-row]').first().waitFor()
        await shootBoth(page, screenshot, 'audit-few')
        const nav = await page.locator('nav[aria-label=Main] .section').allTextContents()
        expect(
          nav.join('|').toLowerCase() === 'key management|lab identities|audit|settings',
          `sidebar groups in order: ${nav.join('|')}`
        )
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'a lab of 30 keys: lists, key pages of every type, dialogs, identities, audit',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByText('No keys in this region yet').waitFor()
        const k = await seedKeys(page)
        await seedIdentities(page)
        await page.locator('[data-test=refresh]').click()
        await page.locator('[data-test=key-count]').getByText('30 keys').waitFor()
        await shootBoth(page, screenshot, 'keys-30')

        await page.locator('[data-test=key-filter]').fill('nothing matches this')
        await page.locator('[data-test=no-match]').waitFor()
        await shootBoth(page, screenshot, 'keys-no-match')
        await page.locator('[data-test=key-filter]').fill('')
        await page.locator('[data-test=column-chooser]').click()
        await page.locator('[data-test=column-description]').check()
        await shootBoth(page, screenshot, 'keys-columns')
        await page.keyboard.press('Escape')
        expect(
          !(await page.getByRole('dialog', { name: 'Visible columns' }).isVisible()),
          'Escape closes the column chooser'
        )

        // The key page of a symmetric key, tab by tab; the tabs answer the arrow keys.
        await openKey(page, k.orders)
        await page.getByText('alias/legacy/orders-export-2024').first().waitFor()
        await shootBoth(page, screenshot, 'key-symmetric-general')
        for (const tab of [
          'crypto-config',
          'tags',
          'try-it',
          'key-rotation',
          'aliases',
          'grants'
        ]) {
          await page.locator(`[data-test=tab-${tab}]`).click()
          await page.getByRole('tabpanel').waitFor()
          if (tab === 'grants') await page.locator('[data-test=grant-row]').waitFor()
          if (tab === 'key-rotation') await page.locator('[data-test=rotation-history]').waitFor()
          await shootBoth(page, screenshot, `key-symmetric-${tab}`, { scrollTo: '[role=tablist]' })
        }
        await page.locator('[data-test=tab-key-policy]').focus()
        await page.keyboard.press('ArrowRight')
        expect(
          (await page.locator('[data-test=tab-crypto-config]').getAttribute('aria-selected')) ===
            'true',
          'ArrowRight selects the next tab'
        )
        expect(
          await page
            .locator('[data-test=tab-crypto-config]')
            .evaluate((el) => el === document.activeElement),
          'and focuses it'
        )

        // Key actions: a menu the arrow keys walk; its dialog traps focus and Escape closes it.
        await page.locator('[data-test=key-actions]').click()
        await page.getByRole('menu', { name: 'Key actions' }).waitFor()
        await shootBoth(page, screenshot, 'key-actions-menu')
        await page.keyboard.press('ArrowDown')
        await page.locator('[data-test=action-schedule-deletion]').click()
        const dialog = page.getByRole('dialog', { name: 'Schedule key deletion' })
        await dialog.waitFor()
        expect(
          await dialog.evaluate((el) => el.contains(document.activeElement)),
          'focus moves into the dialog'
        )
        for (let i = 0; i < 8; i++) await page.keyboard.press('Tab')
        expect(
          await dialog.evaluate((el) => el.contains(document.activeElement)),
          'Tab stays in the dialog'
        )
        await shootBoth(page, screenshot, 'dialog-schedule-deletion')
        await page.keyboard.press('Escape')
        await dialog.waitFor({ state: 'detached' })

        // Every other kind of key, on the tab that differs.
        const pages = [
          ['rsaEnc', 'try-it', 'key-rsa-encrypt-try-it'],
          ['rsaSign', 'try-it', 'key-rsa-sign-try-it'],
          ['agree', 'try-it', 'key-ecc-agreement-try-it'],
          ['hmac', 'try-it', 'key-hmac-try-it'],
          ['external', 'key-material', 'key-external-material'],
          ['disabled', 'try-it', 'key-disabled-try-it'],
          ['longAlias', undefined, 'key-long-alias'],
          ['noAlias', undefined, 'key-no-alias']
        ]
        for (const [name, tab, shot] of pages) {
          await openKey(page, k[name], tab)
          await shootBoth(page, screenshot, shot, tab ? { scrollTo: '[role=tablist]' } : {})
        }
        await openKey(page, k.doomed)
        await page.locator('[data-test=pending-deletion-banner]').waitFor()
        await shootBoth(page, screenshot, 'key-pending-deletion')

        await go(page, '#/keys/00000000-0000-4000-8000-000000000000')
        await page.getByRole('alert').getByText('NotFoundException').waitFor()
        await shootBoth(page, screenshot, 'key-not-found')

        await page.getByRole('link', { name: 'Aliases' }).click()
        await page.locator('[data-test=alias-row]').first().waitFor()
        await shootBoth(page, screenshot, 'aliases-list')
        await page.locator('[data-test=create-alias]').click()
        await page.locator('[data-test=alias-name]').waitFor()
        expect(
          await page
            .locator('[data-test=alias-name]')
            .evaluate((el) => el === document.activeElement),
          'the create alias dialog focuses its first field'
        )
        await shootBoth(page, screenshot, 'dialog-create-alias')
        await page.keyboard.press('Escape')

        // Identities, policies and the simulator.
        await page.getByRole('link', { name: 'Principals' }).click()
        await page
          .locator('[data-test=principal-row]')
          .filter({ hasText: 'KMSWorkshop-InstanceInitRole' })
          .click()
        await page.locator('[data-test=attached-policy]').first().waitFor()
        await shootBoth(page, screenshot, 'principals-role')
        await page.locator('[data-test=attach-policies]').click()
        await page.locator('[data-test=policy-option]').first().waitFor()
        await shootBoth(page, screenshot, 'dialog-attach-policies')
        await page.keyboard.press('Escape')
        await page.getByRole('link', { name: 'Policies', exact: true }).click()
        await page.locator('[data-test=policy-row]').first().waitFor()
        await page.locator('[data-test=policy-row] button').first().click()
        await shootBoth(page, screenshot, 'policies')
        await page.locator('[data-test=create-policy]').click()
        await page.locator('[data-test=action-ImportKeyMaterial]').check()
        await shootBoth(page, screenshot, 'create-policy')
        await page.getByRole('link', { name: 'Policy simulator' }).click()
        await page.locator('[data-test=sim-principal]').selectOption({
          label: 'KMSWorkshop-InstanceInitRole (role)'
        })
        await page.locator('[data-test=sim-action]').selectOption('kms:ImportKeyMaterial')
        await page.locator('[data-test=sim-key]').selectOption(k.orders)
        await page.locator('[data-test=sim-run]').click()
        await page.locator('[data-test=sim-result]').getByText('denied').first().waitFor()
        await shootBoth(page, screenshot, 'simulator-denied')

        // Acting as a user with no policy: the denied CreateKey is explained where the user
        // is looking.
        await page.locator('[data-test=act-as-select]').selectOption({ label: 'alice' })
        await page.getByRole('link', { name: 'Customer managed keys' }).first().click()
        await quickCreateKey(page, { alias: 'alias/tour/denied' })
        const denied = page.locator('[data-test=wizard-step-review]').getByRole('alert')
        await denied.locator('[data-test=access-explanation]').waitFor()
        await page.waitForTimeout(400)
        expect(await denied.isVisible(), 'the error is shown')
        const inView = await denied.evaluate((el) => {
          const r = el.getBoundingClientRect()
          return r.top < window.innerHeight && r.bottom > 0
        })
        expect(inView, 'the error is scrolled into view')
        await shootBoth(page, screenshot, 'wizard-access-denied')
        await page.locator('.footer').getByRole('button', { name: 'Cancel' }).click()
        await page.locator('[data-test=act-as-select]').selectOption({ label: 'lab-admin' })

        await page.getByRole('link', { name: 'Audit log' }).click()
        await page.locator('[data-test=audit-row]').first().waitFor()
        await shootBoth(page, screenshot, 'audit-records')
        await page.locator('[data-test=audit-errors]').check()
        await page.locator('[data-test=audit-error]').first().waitFor()
        await shootBoth(page, screenshot, 'audit-errors')
        await page.locator('[data-test=audit-row]').first().click()
        await page.locator('[data-test=audit-drawer]').waitFor()
        await shootBoth(page, screenshot, 'audit-drawer')
        await page.keyboard.press('Escape')
        await page.locator('[data-test=verify-integrity]').click()
        await page.locator('[data-test=verify-verdict]').waitFor()
        await shootBoth(page, screenshot, 'audit-verified')
        await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click()

        await page.getByRole('link', { name: 'Settings' }).click()
        await page.locator('[data-test=endpoint-start]').click()
        await page.locator('[data-test=endpoint-url]').first().waitFor()
        await shootBoth(page, screenshot, 'settings-endpoint', {
          scrollTo: '[data-test=endpoint-panel]'
        })
        await page.locator('[data-test=add-connection]').click()
        await page.locator('[data-test=kind-endpoint]').click()
        await shootBoth(page, screenshot, 'dialog-add-connection')
        await page.keyboard.press('Escape')
        await page.locator('[data-test=endpoint-stop]').click()

        await page.locator('[data-test=topbar-clock]').click()
        const clock = page.getByRole('dialog', { name: 'Lab clock' })
        await clock.waitFor()
        await shootBoth(page, screenshot, 'lab-clock')
        const fits = await clock.evaluate((el) => el.getBoundingClientRect().left >= 0)
        expect(fits, 'the lab clock popover stays in the window')
        await page.keyboard.press('Escape')
        expect(!(await clock.isVisible()), 'Escape closes the lab clock')
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'the create wizard for each key type, and the import step of an EXTERNAL key',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await heading(page, 'Customer managed keys')
        const kinds = [
          ['symmetric', undefined, 'wizard-symmetric'],
          ['symmetric', 'GENERATE_VERIFY_MAC', 'wizard-hmac'],
          ['asymmetric', 'ENCRYPT_DECRYPT', 'wizard-rsa-encrypt'],
          ['asymmetric', 'SIGN_VERIFY', 'wizard-sign'],
          ['asymmetric', 'KEY_AGREEMENT', 'wizard-key-agreement']
        ]
        for (const [keyType, usage, shot] of kinds) {
          await wizardConfigure(page, { keyType, usage })
          await shootBoth(page, screenshot, shot)
        }
        await wizardConfigure(page, { external: true })
        await shootBoth(page, screenshot, 'wizard-external-configure')
        await page.locator('[data-test=wizard-next]').click()
        await page.locator('[data-test=key-alias]').fill('workshop/ImportedCMK')
        await page.locator('[data-test=key-description]').fill('ImportedCMK from the workshop')
        await page.locator('[data-test=wizard-next]').click()
        await page.locator('[data-test=wizard-step-administrators]').waitFor()
        await shootBoth(page, screenshot, 'wizard-administrators')
        await page.locator('[data-test=wizard-next]').click()
        await page.locator('[data-test=wizard-next]').click()
        await page.locator('[data-test=wizard-step-review]').waitFor()
        await shootBoth(page, screenshot, 'wizard-external-review')
        await page.locator('[data-test=wizard-finish]').click()
        await page.locator('[data-test=wizard-step-import-material]').waitFor()
        await page.locator('[data-test=import-wizard]').waitFor()
        await shootBoth(page, screenshot, 'wizard-external-import')
        await page.locator('[data-test=download-parameters]').click()
        await page.locator('[data-test=token-b64]').waitFor()
        await page.locator('[data-test=generate-wrap]').click()
        await page.locator('[data-test=wrapped-ready]').waitFor()
        await page.locator('[data-test=import-material]').scrollIntoViewIfNeeded()
        await shootBoth(page, screenshot, 'wizard-external-import-ready')
        await page.locator('[data-test=import-material]').click()
        await page.locator('[data-test=key-arn]').waitFor()
        expect(
          (await page.locator('[data-test=key-status]').textContent()).includes('Enabled'),
          'the imported key is Enabled'
        )
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'AWS managed keys on an AWS connection (a loopback stand-in for AWS KMS)',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const stand = await awsStandIn()
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await heading(page, 'Customer managed keys')
        await page.getByRole('link', { name: 'Settings' }).click()
        await page.locator('[data-test=add-connection]').click()
        await page.locator('[data-test=kind-endpoint]').click()
        await page.getByRole('dialog').locator('[data-test=endpoint-url]').fill(stand.url)
        await page.locator('[data-test=access-key-id]').fill('AKIAEXAMPLE')
        await page.locator('[data-test=secret-access-key]').fill('secret')
        await page.locator('[data-test=connection-region]').selectOption('eu-west-1')
        await page.locator('[data-test=connection-name]').fill('Production account (stand-in)')
        await page.locator('[data-test=add-connection-submit]').click()
        await page.getByRole('dialog').waitFor({ state: 'detached' })
        const row = page
          .locator('[data-test=connection-row]')
          .filter({ hasText: 'Production account' })
        await row.locator('[data-test=use-connection]').click()
        await page.locator('[data-test=backend]').getByText('Production account').waitFor()
        await shootBoth(page, screenshot, 'settings-aws')
        await page.getByRole('link', { name: 'AWS managed keys' }).click()
        await page.locator('[data-test=aws-managed-row]').first().waitFor()
        await page.locator('[data-test=aws-managed-row]').first().click()
        await shootBoth(page, screenshot, 'aws-managed-list')
        const rows = await page.locator('[data-test=aws-managed-row]').count()
        expect(rows === 2, `two AWS managed keys listed: ${rows}`)
        expect(
          !(await page.getByRole('link', { name: 'Principals' }).count()),
          'lab identities are not offered on AWS'
        )
      } finally {
        await lab.stop()
        removeDir(dir)
        await stand.stop()
      }
    }
  }
]

/** Two AWS managed keys as AWS KMS lists them (alias/aws/s3 and alias/aws/ebs), answered in
 * AWS JSON 1.1 on loopback; every other operation gets AWS's UnsupportedOperationException. */
function awsStandIn() {
  const account = '444455556666'
  const keys = {
    '1f0e3d52-8a1c-4f3e-9c4a-2b6d7e8f9a01': [
      'alias/aws/s3',
      'Default key that protects my S3 objects when no other key is defined'
    ],
    '7b2c4e61-3d5f-4a8b-b1c2-9e0f1a2b3c4d': [
      'alias/aws/ebs',
      'Default key that protects my EBS volumes when no other key is defined'
    ]
  }
  const arn = (id) => `arn:aws:kms:eu-west-1:${account}:key/${id}`
  const answer = (target, body) => {
    if (target === 'ListAliases')
      return {
        Aliases: Object.entries(keys).map(([id, [name]]) => ({
          AliasName: name,
          AliasArn: `arn:aws:kms:eu-west-1:${account}:${name}`,
          TargetKeyId: id
        })),
        Truncated: false
      }
    if (target === 'ListKeys') return { Keys: [], Truncated: false }
    if (target === 'DescribeKey') {
      const id = Object.keys(keys).find((k) => body.KeyId === k || body.KeyId === arn(k))
      if (!id) return undefined
      return {
        KeyMetadata: {
          AWSAccountId: account,
          KeyId: id,
          Arn: arn(id),
          CreationDate: 1735689600,
          Enabled: true,
          Description: keys[id][1],
          KeyUsage: 'ENCRYPT_DECRYPT',
          KeyState: 'Enabled',
          Origin: 'AWS_KMS',
          KeyManager: 'AWS',
          CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
          KeySpec: 'SYMMETRIC_DEFAULT',
          EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
          MultiRegion: false
        }
      }
    }
    return undefined
  }
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      if (req.headers['x-amz-target'] === undefined) {
        // STS's GetCallerIdentity (Query protocol): a KMS-only endpoint, as KeyLab's own is.
        res.writeHead(400, { 'Content-Type': 'text/xml' })
        res.end(
          '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>KMS only</Message></Error></ErrorResponse>'
        )
        return
      }
      const target = String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop()
      const out = answer(target, raw ? JSON.parse(raw) : {})
      res.writeHead(out ? 200 : 400, { 'Content-Type': 'application/x-amz-json-1.1' })
      res.end(
        JSON.stringify(
          out ?? { __type: 'UnsupportedOperationException', message: `${target} is not offered` }
        )
      )
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        stop: () => new Promise((r) => server.close(() => r()))
      })
    )
  )
}
