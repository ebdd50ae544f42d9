import { describe, expect, it } from 'vitest'
import { consoleKeyPolicy } from '../../../../src/renderer/src/lib/console-key-policy'
import {
  createKeyRequest,
  newDraft,
  normalizeDraft,
  specsFor
} from '../../../../src/renderer/src/lib/key-draft'

describe('create key draft', () => {
  it('offers the console specs for each type and usage, and keeps the draft valid', () => {
    expect(specsFor('symmetric', 'GENERATE_VERIFY_MAC')).toEqual([
      'HMAC_224',
      'HMAC_256',
      'HMAC_384',
      'HMAC_512'
    ])
    expect(specsFor('asymmetric', 'KEY_AGREEMENT')).toEqual([
      'ECC_NIST_P256',
      'ECC_NIST_P384',
      'ECC_NIST_P521'
    ])
    const asym = normalizeDraft({ ...newDraft(), keyType: 'asymmetric' })
    expect([asym.keyUsage, asym.keySpec]).toEqual(['ENCRYPT_DECRYPT', 'RSA_2048'])
    const mac = normalizeDraft({ ...newDraft(), keyUsage: 'GENERATE_VERIFY_MAC' })
    expect(mac.keySpec).toBe('HMAC_224')
    const back = normalizeDraft({ ...mac, keyType: 'asymmetric' })
    expect(back.keyUsage).toBe('ENCRYPT_DECRYPT')
  })

  it('writes the console key policy with administrators, users and other accounts', () => {
    const draft = {
      ...newDraft(),
      administrators: ['arn:aws:iam::111122223333:role/Admin'],
      allowAdminsToDelete: false,
      users: ['arn:aws:iam::111122223333:role/App'],
      otherAccounts: ['444455556666']
    }
    const policy = JSON.parse(consoleKeyPolicy(draft, '111122223333'))
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'Enable IAM User Permissions',
      'Allow access for Key Administrators',
      'Allow use of the key',
      'Allow attachment of persistent resources'
    ])
    expect(policy.Statement[1].Action).not.toContain('kms:ScheduleKeyDeletion')
    expect(policy.Statement[2].Principal.AWS).toEqual([
      'arn:aws:iam::111122223333:role/App',
      'arn:aws:iam::444455556666:root'
    ])
    const only = JSON.parse(consoleKeyPolicy(newDraft(), '111122223333'))
    expect(only.Statement).toHaveLength(1)
  })

  it('becomes a CreateKey request, with the policy only when it names principals', () => {
    const draft = { ...newDraft(), tags: [{ TagKey: 'a', TagValue: 'b' }], multiRegion: true }
    expect(createKeyRequest(draft, '{}')).toEqual({
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      Origin: 'AWS_KMS',
      Description: '',
      Tags: [{ TagKey: 'a', TagValue: 'b' }],
      MultiRegion: true
    })
    const withUsers = { ...draft, users: ['arn:aws:iam::111122223333:role/App'] }
    expect(createKeyRequest(withUsers, '{}').Policy).toBe('{}')
  })
})
