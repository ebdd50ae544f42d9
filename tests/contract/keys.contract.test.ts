// Contract: creating keys of every spec, describing them every way AWS allows, listing them.
import { expect, it } from 'vitest'
import { contract, expectError } from './contract'
import { createKey } from './fixtures'

/** Spec, usage, the algorithms AWS reports, and what a target needs beyond CreateKey. */
const SPEC_USAGES: Array<[string, string, Record<string, unknown>, string?]> = [
  ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] }],
  [
    'RSA_2048',
    'ENCRYPT_DECRYPT',
    { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] }
  ],
  [
    'RSA_3072',
    'SIGN_VERIFY',
    { SigningAlgorithms: expect.arrayContaining(['RSASSA_PSS_SHA_256']) }
  ],
  [
    'RSA_4096',
    'SIGN_VERIFY',
    { SigningAlgorithms: expect.arrayContaining(['RSASSA_PSS_SHA_512']) }
  ],
  ['ECC_NIST_P256', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
  ['ECC_NIST_P384', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_384'] }],
  ['ECC_NIST_P521', 'KEY_AGREEMENT', { KeyAgreementAlgorithms: ['ECDH'] }, 'keyAlgorithms'],
  ['ECC_SECG_P256K1', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
  [
    'ECC_NIST_EDWARDS25519',
    'SIGN_VERIFY',
    { SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] },
    'ed25519'
  ],
  ['HMAC_224', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_224'] }, 'keyAlgorithms'],
  ['HMAC_256', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_256'] }, 'keyAlgorithms'],
  ['HMAC_384', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_384'] }, 'keyAlgorithms'],
  ['HMAC_512', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_512'] }, 'keyAlgorithms']
]

const INCOMPATIBLE: Array<[string, string]> = [
  ['SYMMETRIC_DEFAULT', 'SIGN_VERIFY'],
  ['SYMMETRIC_DEFAULT', 'GENERATE_VERIFY_MAC'],
  ['RSA_2048', 'KEY_AGREEMENT'],
  ['RSA_2048', 'GENERATE_VERIFY_MAC'],
  ['ECC_NIST_P256', 'ENCRYPT_DECRYPT'],
  ['ECC_SECG_P256K1', 'KEY_AGREEMENT'],
  ['ECC_NIST_EDWARDS25519', 'KEY_AGREEMENT'],
  ['HMAC_256', 'ENCRYPT_DECRYPT'],
  ['HMAC_512', 'SIGN_VERIFY']
]

contract('CreateKey, DescribeKey, ListKeys', (c) => {
  it.skipIf(c.lacks('responseMembers'))(
    'creates a symmetric key and describes it by id and ARN',
    async () => {
      const { KeyMetadata: md } = await c.t.call('CreateKey', { Description: 'contract' })
      expect(md).toMatchObject({
        AWSAccountId: c.t.accountId,
        KeyState: 'Enabled',
        Enabled: true,
        KeySpec: 'SYMMETRIC_DEFAULT',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyManager: 'CUSTOMER',
        Origin: 'AWS_KMS',
        MultiRegion: false,
        Description: 'contract'
      })
      expect(md!.Arn).toBe(`arn:aws:kms:${c.t.region}:${c.t.accountId}:key/${md!.KeyId}`)
      const byId = await c.t.call('DescribeKey', { KeyId: md!.KeyId })
      const byArn = await c.t.call('DescribeKey', { KeyId: md!.Arn })
      expect(byId.KeyMetadata!.Arn).toBe(md!.Arn)
      expect(byArn.KeyMetadata!.KeyId).toBe(md!.KeyId)
    }
  )

  for (const [spec, usage, algorithms, needs] of SPEC_USAGES) {
    it.skipIf(needs !== undefined && c.lacks(needs))(
      `creates a ${spec} key for ${usage} with the algorithms AWS reports`,
      async () => {
        const md = await createKey(c, { KeySpec: spec, KeyUsage: usage })
        expect(md).toMatchObject({ KeySpec: spec, KeyUsage: usage, KeyState: 'Enabled' })
        expect(md).toMatchObject(algorithms)
        const described = await c.t.call('DescribeKey', { KeyId: md.KeyId })
        expect(described.KeyMetadata).toMatchObject({ KeySpec: spec, KeyUsage: usage })
      }
    )
  }

  for (const [spec, usage] of INCOMPATIBLE) {
    it.skipIf(c.lacks('keySpecRules'))(`refuses KeyUsage ${usage} for ${spec}`, async () => {
      await expectError(
        c.t.call('CreateKey', { KeySpec: spec, KeyUsage: usage }),
        'ValidationException',
        `KeyUsage ${usage} is not compatible with KeySpec ${spec}`
      )
    })
  }

  it.skipIf(c.lacks('keySpecRules'))(
    'requires KeyUsage for every spec but SYMMETRIC_DEFAULT',
    async () => {
      for (const spec of ['RSA_2048', 'ECC_NIST_P256', 'HMAC_256']) {
        await expectError(
          c.t.call('CreateKey', { KeySpec: spec }),
          'ValidationException',
          'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.'
        )
      }
    }
  )

  it.skipIf(c.lacks('keySpecRules'))(
    'refuses KeySpec and CustomerMasterKeySpec together, and an unknown KeySpec',
    async () => {
      await expectError(
        c.t.call('CreateKey', { KeySpec: 'SYMMETRIC_DEFAULT', CustomerMasterKeySpec: 'RSA_2048' }),
        'ValidationException',
        'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.'
      )
      await expectError(
        c.t.call('CreateKey', { KeySpec: 'AES_256' }),
        'ValidationException',
        /^1 validation error detected: Value 'AES_256' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[.*SYMMETRIC_DEFAULT.*\]$/
      )
    }
  )

  it.skipIf(c.lacks('importedMaterial'))(
    'creates an EXTERNAL key PendingImport, disabled and without key material',
    async () => {
      const md = await createKey(c, { Origin: 'EXTERNAL' })
      expect(md).toMatchObject({ Origin: 'EXTERNAL', KeyState: 'PendingImport', Enabled: false })
      expect(md.CurrentKeyMaterialId).toBeUndefined()
      expect(md.ExpirationModel).toBeUndefined()
    }
  )

  it.skipIf(c.lacks('customKeyStores'))(
    'answers AWS_CLOUDHSM and EXTERNAL_KEY_STORE as AWS does without a custom key store',
    async () => {
      for (const origin of ['AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE']) {
        await expectError(
          c.t.call('CreateKey', { Origin: origin }),
          'ValidationException',
          `CustomKeyStoreId is required when Origin is ${origin}`
        )
        await expectError(
          c.t.call('CreateKey', { Origin: origin, CustomKeyStoreId: 'cks-1234567890abcdef0' }),
          'CustomKeyStoreNotFoundException'
        )
      }
    }
  )

  it.skipIf(c.lacks('defaultPolicyName'))(
    'writes the default key policy with the account root statement',
    async () => {
      const md = await createKey(c)
      const { Policy, PolicyName } = await c.t.call('GetKeyPolicy', { KeyId: md.KeyId })
      expect(PolicyName).toBe('default')
      expect(JSON.parse(Policy!)).toEqual({
        Version: '2012-10-17',
        Id: 'key-default-1',
        Statement: [
          {
            Sid: 'Enable IAM User Permissions',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${c.t.accountId}:root` },
            Action: 'kms:*',
            Resource: '*'
          }
        ]
      })
    }
  )

  it.skipIf(c.lacks('defaultPolicyName'))(
    'keeps the Policy, Tags and description given at creation',
    async () => {
      const policy = JSON.stringify({ Version: '2012-10-17', Statement: [] }, null, 4)
      const md = await createKey(c, {
        Policy: policy,
        BypassPolicyLockoutSafetyCheck: true,
        Description: 'with extras',
        Tags: [
          { TagKey: 'Project', TagValue: 'workshop' },
          { TagKey: 'Empty', TagValue: '' }
        ]
      })
      expect((await c.t.call('GetKeyPolicy', { KeyId: md.KeyId })).Policy).toBe(policy)
      const { Tags } = await c.t.call('ListResourceTags', { KeyId: md.KeyId })
      expect(Tags).toEqual([
        { TagKey: 'Project', TagValue: 'workshop' },
        { TagKey: 'Empty', TagValue: '' }
      ])
    }
  )

  it.skipIf(c.lacks('multiRegionKeyIds'))('creates a multi-Region primary key', async () => {
    const md = await createKey(c, { MultiRegion: true })
    expect(md.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/)
    expect(md).toMatchObject({
      MultiRegion: true,
      MultiRegionConfiguration: {
        MultiRegionKeyType: 'PRIMARY',
        PrimaryKey: { Arn: md.Arn, Region: c.t.region },
        ReplicaKeys: []
      }
    })
    expect((await c.t.call('DescribeKey', { KeyId: md.KeyId })).KeyMetadata!.Arn).toBe(md.Arn)
  })

  it('describes a key by alias name and alias ARN', async () => {
    const md = await createKey(c)
    const name = `alias/describe-${md.KeyId!.slice(0, 8)}`
    await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: md.KeyId })
    const arn = `arn:aws:kms:${c.t.region}:${c.t.accountId}:${name}`
    expect((await c.t.call('DescribeKey', { KeyId: name })).KeyMetadata!.KeyId).toBe(md.KeyId)
    expect((await c.t.call('DescribeKey', { KeyId: arn })).KeyMetadata!.KeyId).toBe(md.KeyId)
    await expectError(
      c.t.call('DescribeKey', { KeyId: 'alias/does-not-exist' }),
      'NotFoundException',
      `Alias arn:aws:kms:${c.t.region}:${c.t.accountId}:alias/does-not-exist is not found.`
    )
  })

  it.skipIf(c.lacks('errorMessages'))(
    'answers an unknown key id with NotFoundException and the key ARN',
    async () => {
      const id = '0000aaaa-0000-4000-8000-000000000000'
      await expectError(
        c.t.call('DescribeKey', { KeyId: id }),
        'NotFoundException',
        `Key 'arn:aws:kms:${c.t.region}:${c.t.accountId}:key/${id}' does not exist`
      )
      await expectError(
        c.t.call('DescribeKey', { KeyId: 'not-a-key' }),
        'NotFoundException',
        "Invalid keyId 'not-a-key'"
      )
    }
  )

  it.skipIf(c.lacks('regionalArns'))('finds keys only in their own region', async () => {
    const md = await createKey(c)
    const other = c.t.region === 'eu-west-1' ? 'us-west-2' : 'eu-west-1'
    const foreign = md.Arn!.replace(`:${c.t.region}:`, `:${other}:`)
    await expectError(
      c.t.call('DescribeKey', { KeyId: foreign }),
      'NotFoundException',
      `Invalid arn ${other}`
    )
  })

  it('updates the description', async () => {
    const md = await createKey(c, { Description: 'before' })
    await c.t.call('UpdateKeyDescription', { KeyId: md.KeyId, Description: 'after' })
    const after = await c.t.call('DescribeKey', { KeyId: md.KeyId })
    expect(after.KeyMetadata!.Description).toBe('after')
    await expectError(
      c.t.call('UpdateKeyDescription', { KeyId: md.KeyId }),
      'ValidationException',
      "1 validation error detected: Value null at 'description' failed to satisfy constraint: Member must not be null"
    )
  })

  it.skipIf(c.lacks('paging'))('lists keys in pages and rejects a bad marker', async () => {
    for (let i = 0; i < 3; i++) await createKey(c)
    const first = await c.t.call('ListKeys', { Limit: 2 })
    expect(first.Keys).toHaveLength(2)
    expect(first.Truncated).toBe(true)
    const second = await c.t.call('ListKeys', { Limit: 2, Marker: first.NextMarker })
    expect(second.Keys!.map((k) => k.KeyId)).not.toContain(first.Keys![0].KeyId)
    for (const k of first.Keys!) expect(k.KeyArn).toContain(`:key/${k.KeyId}`)
    await expectError(c.t.call('ListKeys', { Marker: 'garbage' }), 'InvalidMarkerException')
  })

  it('validates ListKeys Limit with AWS text', async () => {
    await expectError(
      c.t.call('ListKeys', { Limit: 0 }),
      'ValidationException',
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
    )
  })
})
