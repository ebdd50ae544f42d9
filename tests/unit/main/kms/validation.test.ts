import { describe, expect, it } from 'vitest'
import { createKeyInput, describeKeyInput } from '../../../../src/main/kms/schemas/keys'
import { parseInput } from '../../../../src/main/kms/validation'

function message(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect((e as Error).name).toBe('ValidationException')
    return (e as Error).message
  }
  throw new Error('expected a ValidationException')
}

describe('AWS-style validation messages', () => {
  it('a missing member', () => {
    expect(message(() => parseInput(describeKeyInput, {}))).toBe(
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null"
    )
  })

  it('an empty and an oversized string', () => {
    expect(message(() => parseInput(describeKeyInput, { KeyId: '' }))).toBe(
      "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1"
    )
    const long = 'x'.repeat(2049)
    expect(message(() => parseInput(describeKeyInput, { KeyId: long }))).toBe(
      `1 validation error detected: Value '${long}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048`
    )
  })

  it('an enum value, and several errors at once', () => {
    const m = message(() => parseInput(createKeyInput, { KeySpec: 'AES_999', KeyUsage: 'PAINT' }))
    expect(m).toMatch(/^2 validation errors detected: /)
    expect(m).toContain(
      "Value 'AES_999' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: ["
    )
    expect(m).toContain("Value 'PAINT' at 'keyUsage' failed to satisfy constraint")
    expect(m.split('; Value ')).toHaveLength(2)
  })

  it('list members are named as AWS names them', () => {
    expect(
      message(() => parseInput(createKeyInput, { Tags: [{ TagKey: '', TagValue: 'v' }] }))
    ).toBe(
      "1 validation error detected: Value '' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1"
    )
  })

  it('a wrong type', () => {
    expect(message(() => parseInput(describeKeyInput, { KeyId: 42 }))).toBe(
      "1 validation error detected: Value '42' at 'keyId' failed to satisfy constraint: Member must be of type string"
    )
  })
})
