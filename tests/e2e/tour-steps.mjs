// Steps of the UI tour (specs/tour.spec.mjs): seeding a lab through the page's web bridge,
// screenshots at the two window sizes the console is designed for, and the layout checks made
// at each (nothing wider than the window, nothing in the top bar pushed out of it).
import { rpc } from './lifecycle-steps.mjs'

export const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 }
]

/** Throws if the page scrolls sideways, or the top bar or sidebar overflow, at this size. */
export async function checkLayout(page, name) {
  const problems = await page.evaluate(() => {
    const out = []
    const wide = (el) => el && el.scrollWidth > el.clientWidth + 1
    const doc = document.scrollingElement
    if (doc.scrollWidth > window.innerWidth + 1) out.push(`the page is ${doc.scrollWidth}px wide`)
    if (doc.scrollHeight > window.innerHeight + 1)
      out.push(`the window scrolls (${doc.scrollHeight}px tall), not the screen`)
    const content = document.querySelector('main.content')
    if (wide(content)) out.push(`the screen scrolls sideways (${content.scrollWidth}px)`)
    const bar = document.querySelector('.topbar')
    if (wide(bar)) out.push(`the top bar overflows (${bar.scrollWidth}px)`)
    if (bar) {
      for (const el of bar.querySelectorAll('button, select, label')) {
        const r = el.getBoundingClientRect()
        if (r.width && (r.right > window.innerWidth + 1 || r.left < 0))
          out.push(`top bar control off screen: ${el.textContent.trim().slice(0, 40)}`)
      }
    }
    const dialog = document.querySelector('[role=dialog][aria-modal=true]')
    if (dialog) {
      const r = dialog.getBoundingClientRect()
      if (r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1)
        out.push('a dialog does not fit the window')
    }
    return out
  })
  if (problems.length) throw new Error(`layout of ${name}: ${problems.join('; ')}`)
}

/** Screenshots the page as it is at both sizes (tour-<name>-<width>.png), checking the layout;
 * `scrollTo` (a selector) is scrolled to the top first. */
export async function shootBoth(page, screenshot, name, { scrollTo } = {}) {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())))
    if (scrollTo)
      await page
        .locator(scrollTo)
        .first()
        .evaluate((el) => el.scrollIntoView())
    await page.waitForTimeout(80)
    await checkLayout(page, `${name} at ${size.width}x${size.height}`)
    await screenshot(page, `tour-${name}-${size.width}`)
  }
  await page.setViewportSize(SIZES[0])
}

/** Opens a route of the console by its hash (the bridge token stays in sessionStorage). */
export async function go(page, hash) {
  await page.evaluate((h) => (location.hash = h), hash)
}

const LONG =
  'Encrypts the nightly exports of the orders database before they are copied to the archive bucket in another account; owned by the data platform team, rotated yearly, reviewed every quarter by security (ticket SEC-4821).'

/** ~30 keys of every type and state, with aliases, tags and a long description. */
export async function seedKeys(page) {
  const made = {}
  const create = async (name, input, aliases = []) => {
    const { KeyMetadata } = await rpc(page, 'kms', 'CreateKey', input)
    for (const a of aliases)
      await rpc(page, 'kms', 'CreateAlias', { AliasName: a, TargetKeyId: KeyMetadata.KeyId })
    made[name] = KeyMetadata.KeyId
    return KeyMetadata.KeyId
  }
  await create('orders', { Description: LONG, Tags: [{ TagKey: 'team', TagValue: 'data' }] }, [
    'alias/app/orders',
    'alias/app/orders-archive',
    'alias/legacy/orders-export-2024'
  ])
  await create('rsaEnc', { KeySpec: 'RSA_3072', KeyUsage: 'ENCRYPT_DECRYPT' }, ['alias/rsa/enc'])
  await create('rsaSign', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }, ['alias/sign/release'])
  await create('ecc', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }, ['alias/sign/ecc'])
  await create('agree', { KeySpec: 'ECC_NIST_P384', KeyUsage: 'KEY_AGREEMENT' }, ['alias/ecdh'])
  await create('hmac', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }, ['alias/mac'])
  await create('external', { Origin: 'EXTERNAL', Description: 'ImportedCMK from the workshop' }, [
    'alias/workshop/ImportedCMK'
  ])
  await create('disabled', { Description: 'Retired payments key' }, ['alias/payments/old'])
  await rpc(page, 'kms', 'DisableKey', { KeyId: made.disabled })
  await create('doomed', { Description: 'Scheduled for deletion' }, ['alias/states/doomed'])
  await rpc(page, 'kms', 'ScheduleKeyDeletion', { KeyId: made.doomed, PendingWindowInDays: 7 })
  await create('longAlias', {}, [
    'alias/a-very-long-alias-name/for-a-key-used-by-the-reporting-service-in-production'
  ])
  await create('noAlias', { Description: 'A key without an alias' })
  for (let i = 1; i <= 19; i++) {
    await create(
      `bulk${i}`,
      i % 5 === 0
        ? { KeySpec: 'ECC_SECG_P256K1', KeyUsage: 'SIGN_VERIFY' }
        : {
            Description: i % 3 ? `Service ${i} data keys` : '',
            Tags: [{ TagKey: 'env', TagValue: i % 2 ? 'prod' : 'dev' }]
          },
      i % 4 ? [`alias/svc/service-${String(i).padStart(2, '0')}`] : []
    )
  }
  await rpc(page, 'kms', 'DisableKey', { KeyId: made.bulk7 })
  await rpc(page, 'kms', 'EnableKeyRotation', { KeyId: made.orders, RotationPeriodInDays: 180 })
  await rpc(page, 'kms', 'RotateKeyOnDemand', { KeyId: made.orders })
  await rpc(page, 'kms', 'CreateGrant', {
    KeyId: made.orders,
    GranteePrincipal: 'arn:aws:iam::111122223333:role/KMSWorkshop-InstanceInitRole',
    Operations: ['Decrypt', 'GenerateDataKey'],
    Name: 'nightly-export'
  })
  await rpc(page, 'kms', 'Encrypt', { KeyId: made.disabled, Plaintext: { $b: 'aGVsbG8=' } }).catch(
    () => undefined
  )
  return made
}

/** The workshop's role, with the power-user policy, and a custom policy of its own. */
export async function seedIdentities(page) {
  const role = await rpc(page, 'iam', 'createPrincipal', {
    type: 'role',
    name: 'KMSWorkshop-InstanceInitRole',
    description: 'The instance role of the workshop'
  })
  const policies = await rpc(page, 'iam', 'listPolicies', {})
  const power = policies.find((p) => p.policyName === 'AWSKeyManagementServicePowerUser')
  await rpc(page, 'iam', 'attachPolicy', { principalArn: role.arn, policyArn: power.arn })
  await rpc(page, 'iam', 'createPolicy', {
    policyName: 'KMS-Workshop-ImportMaterialPermissions',
    description: 'Lets the workshop role import key material',
    document: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'kms:ImportKeyMaterial', Resource: '*' }]
    })
  })
  await rpc(page, 'iam', 'createPrincipal', { type: 'user', name: 'alice' })
  await rpc(page, 'iam', 'createAccessKey', { principalArn: role.arn })
  return role
}
