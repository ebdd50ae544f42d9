import { describe, expect, it } from 'vitest'
import type { KeyListItem } from '../../../../src/shared/ipc/catalog-api'
import {
  filterKeys,
  sortKeys,
  typeOf,
  EMPTY_FILTER
} from '../../../../src/renderer/src/lib/key-list'

const row = (keyId: string, patch: Partial<KeyListItem> = {}): KeyListItem => ({
  keyId,
  arn: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
  aliases: [],
  keyState: 'Enabled',
  enabled: true,
  keySpec: 'SYMMETRIC_DEFAULT',
  keyUsage: 'ENCRYPT_DECRYPT',
  origin: 'AWS_KMS',
  keyManager: 'CUSTOMER',
  description: '',
  creationDate: 0,
  multiRegion: false,
  ...patch
})

const rows = [
  row('k1', {
    aliases: ['alias/app/orders'],
    creationDate: 3,
    tags: [{ key: 'team', value: 'blue' }]
  }),
  row('k2', { keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC', creationDate: 1 }),
  row('k3', { keySpec: 'RSA_2048', description: 'Release signing', creationDate: 2 })
]

describe('key list filter', () => {
  it('matches alias, key id and description, case-insensitively', () => {
    expect(filterKeys(rows, { ...EMPTY_FILTER, text: 'APP/' }).map((r) => r.keyId)).toEqual(['k1'])
    expect(filterKeys(rows, { ...EMPTY_FILTER, text: 'k2' }).map((r) => r.keyId)).toEqual(['k2'])
    expect(filterKeys(rows, { ...EMPTY_FILTER, text: 'signing' }).map((r) => r.keyId)).toEqual([
      'k3'
    ])
  })

  it('filters by key type, telling HMAC apart', () => {
    expect(rows.map(typeOf)).toEqual(['Symmetric', 'HMAC', 'Asymmetric'])
    expect(filterKeys(rows, { ...EMPTY_FILTER, keyType: 'HMAC' }).map((r) => r.keyId)).toEqual([
      'k2'
    ])
  })

  it('filters by tag key or key=value', () => {
    expect(filterKeys(rows, { ...EMPTY_FILTER, tag: 'Team' })).toHaveLength(1)
    expect(filterKeys(rows, { ...EMPTY_FILTER, tag: 'team=blue' })).toHaveLength(1)
    expect(filterKeys(rows, { ...EMPTY_FILTER, tag: 'team=red' })).toHaveLength(0)
  })

  it('returns the same array when nothing filters', () => {
    expect(filterKeys(rows, EMPTY_FILTER)).toBe(rows)
  })
})

describe('key list sort', () => {
  it('sorts both ways and puts empty values last', () => {
    const byDate = (r: KeyListItem) => r.creationDate
    expect(sortKeys(rows, byDate, 'asc').map((r) => r.keyId)).toEqual(['k2', 'k3', 'k1'])
    expect(sortKeys(rows, byDate, 'desc').map((r) => r.keyId)).toEqual(['k1', 'k3', 'k2'])
    const byAlias = (r: KeyListItem) => r.aliases[0] ?? ''
    expect(sortKeys(rows, byAlias, 'desc')[0].keyId).toBe('k1')
    expect(sortKeys(rows, byAlias, 'asc')[0].keyId).toBe('k1')
  })
})
