import { describe, expect, it } from 'vitest'
import { encryptInput } from '../../../../src/main/kms/schemas/crypto'
import {
  createKeyInput,
  describeKeyInput,
  KEY_SCHEMAS,
  listKeysInput
} from '../../../../src/main/kms/schemas/keys'
import { parseInput, parseKmsInput } from '../../../../src/main/kms/validation'

/** The message of the error `fn` throws, which must be named `name`. */
function thrown(name: string, fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect((e as Error).name).toBe(name)
    return (e as Error).message
  }
  throw new Error(`expected a ${name}`)
}

const listAliasesInput = KEY_SCHEMAS.ListAliases as NonNullable<(typeof KEY_SCHEMAS)['ListAliases']>
const message = (fn: () => unknown): string => thrown('ValidationException', fn)
const serialization = (fn: () => unknown): string => thrown('SerializationException', fn)

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

  it('a number that is not an integer is a validation, not a wrong type', () => {
    expect(message(() => parseInput(listKeysInput, { Limit: 1.5 }))).toBe(
      "1 validation error detected: Value '1.5' at 'limit' failed to satisfy constraint: Member must be of type int"
    )
  })
})

describe("a member of the wrong JSON type: SerializationException in the JSON front end's words", () => {
  it.each([
    [describeKeyInput, { KeyId: 42 }, 'NUMBER_VALUE can not be converted to a String'],
    [describeKeyInput, { KeyId: true }, 'TRUE_VALUE can not be converted to a String'],
    [describeKeyInput, { KeyId: false }, 'FALSE_VALUE can not be converted to a String'],
    [describeKeyInput, { KeyId: ['k'] }, 'Start of list found where not expected'],
    [describeKeyInput, { KeyId: { a: 1 } }, 'Start of structure or map found where not expected.'],
    [listKeysInput, { Limit: '10' }, 'STRING_VALUE can not be converted to an Integer'],
    [listKeysInput, { Limit: true }, 'TRUE_VALUE can not be converted to an Integer'],
    [createKeyInput, { MultiRegion: 'yes' }, 'STRING_VALUE can not be converted to a Boolean'],
    [createKeyInput, { KeySpec: 7 }, 'NUMBER_VALUE can not be converted to a String'],
    [createKeyInput, { Tags: 'x' }, 'Expected list or null'],
    [
      createKeyInput,
      { Tags: [{ TagKey: 5, TagValue: 'v' }] },
      'NUMBER_VALUE can not be converted to a String'
    ],
    [
      encryptInput,
      { KeyId: 'k', Plaintext: new Uint8Array(1), EncryptionContext: 'x' },
      'Expected map or null'
    ],
    [
      encryptInput,
      { KeyId: 'k', Plaintext: new Uint8Array(1), EncryptionContext: { a: 1 } },
      'NUMBER_VALUE can not be converted to a String'
    ],
    [
      encryptInput,
      { KeyId: 'k', Plaintext: new Uint8Array(1), GrantTokens: [1] },
      'NUMBER_VALUE can not be converted to a String'
    ]
  ] as const)('%#: %j', (schema, input, text) => {
    expect(serialization(() => parseKmsInput(schema, input))).toBe(text)
  })

  it('comes before validation: a wrong type next to a missing member', () => {
    const input = { Plaintext: new Uint8Array(1), GrantTokens: [1] } // and no KeyId
    expect(serialization(() => parseKmsInput(encryptInput, input))).toBe(
      'NUMBER_VALUE can not be converted to a String'
    )
  })

  it('is the first wrong member in the request as sent, not in the schema', () => {
    expect(serialization(() => parseKmsInput(listAliasesInput, { Limit: 'x', KeyId: 5 }))).toBe(
      'STRING_VALUE can not be converted to an Integer'
    )
    expect(serialization(() => parseKmsInput(listAliasesInput, { KeyId: 5, Limit: 'x' }))).toBe(
      'NUMBER_VALUE can not be converted to a String'
    )
    const tags = { Tags: [{ TagKey: 'k', TagValue: 5 }], KeySpec: true }
    expect(serialization(() => parseKmsInput(createKeyInput, tags))).toBe(
      'NUMBER_VALUE can not be converted to a String'
    )
  })

  it('only for JSON values: a Date or a bigint from the console is a validation', () => {
    for (const KeyId of [new Date(0), 5n, new Map()]) {
      expect(message(() => parseKmsInput(describeKeyInput, { KeyId }))).toMatch(
        /^1 validation error detected: .* at 'keyId' failed to satisfy constraint: Member must be of type string$/
      )
    }
  })

  it("not for KeyLab's own console APIs, whose input never crossed a JSON front end", () => {
    expect(message(() => parseInput(describeKeyInput, { KeyId: 42 }))).toBe(
      "1 validation error detected: Value '42' at 'keyId' failed to satisfy constraint: Member must be of type string"
    )
  })

  it('null is no value, not a wrong type', () => {
    expect(message(() => parseKmsInput(describeKeyInput, { KeyId: null }))).toBe(
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null"
    )
  })
})
