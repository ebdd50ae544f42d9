// IAM wildcards and policy variables, including the escapes for literal * and ?.
import { describe, expect, it } from 'vitest'
import {
  matchSubstituted,
  substituteVariables,
  wildcardMatch
} from '../../../../../../src/main/backends/local/policy/wildcard'

const ctx = new Map<string, string | string[]>([['aws:username', 'alice']])

describe('wildcards and policy variables', () => {
  it('* matches any run, ? one character; case only when asked', () => {
    expect(wildcardMatch('kms:Get*', 'kms:GetKeyPolicy')).toBe(true)
    expect(wildcardMatch('kms:Get?', 'kms:GetKeyPolicy')).toBe(false)
    expect(wildcardMatch('kms:Describe?ey', 'kms:DescribeKey')).toBe(true)
    expect(wildcardMatch('KMS:describekey', 'kms:DescribeKey')).toBe(false)
    expect(wildcardMatch('KMS:describekey', 'kms:DescribeKey', true)).toBe(true)
    expect(
      wildcardMatch(
        'arn:aws:kms:*:111122223333:key/(x)',
        'arn:aws:kms:us-east-1:111122223333:key/(x)'
      )
    ).toBe(true)
  })

  it('substitutes ${aws:username}; ${*} is a literal star; a missing variable never matches', () => {
    const p = substituteVariables('arn:aws:kms:*:*:alias/${aws:username}-${*}', ctx, true)!
    expect(matchSubstituted(p, 'arn:aws:kms:us-east-1:1:alias/alice-*')).toBe(true)
    expect(matchSubstituted(p, 'arn:aws:kms:us-east-1:1:alias/alice-x')).toBe(false)
    expect(substituteVariables('${aws:SourceVpc}', ctx, true)).toBeUndefined()
  })
})
