// Turns schema failures into AWS's ValidationException text:
// "2 validation errors detected: Value 'x' at 'keySpec' failed to satisfy constraint: Member must
// satisfy enum value set: [...]; Value null at 'keyId' failed to satisfy constraint: ...".
// A member of the wrong JSON type never gets that far at AWS: its JSON front end (Coral) fails
// while reading the body, with SerializationException and the front end's own words, before
// any member is validated. Those words are AWS's as measured on AWS JSON 1.1 services:
// "NUMBER_VALUE can not be converted to a String", "Start of list found where not expected",
// "Expected list or null"; where none was measured (a map), the same form says what was wrong.
import type { z } from 'zod'
import { SerializationException, ValidationException } from '../../shared/errors'

/** Members whose values AWS never echoes in a validation message. */
const SENSITIVE = new Set(['plaintext', 'ciphertextBlob', 'message', 'signature', 'mac', 'policy'])

function memberName(segment: PropertyKey): string {
  const s = String(segment)
  return s.charAt(0).toLowerCase() + s.slice(1)
}

/** AWS paths name list items `tags.1.member.tagKey` (1-based) and members in lowerCamelCase. */
function awsPath(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = []
  for (const seg of path) {
    if (typeof seg === 'number') parts.push(`${seg + 1}.member`)
    else parts.push(memberName(seg))
  }
  return parts.join('.')
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = input
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[seg]
  }
  return v
}

function show(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (typeof value === 'string') return `'${value}'`
  if (typeof value !== 'object') return `'${String(value)}'`
  try {
    if (Array.isArray(value))
      return `'[${value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}]'`
    return `'${JSON.stringify(value)}'`
  } catch {
    return `'${Object.prototype.toString.call(value)}'` // holds a bigint or a cycle
  }
}

/** AWS writes the pattern bare (`^[a-z]+$`), where zod gives the literal (`/^[a-z]+$/`). */
function patternText(pattern: string): string {
  const literal = /^\/(.*)\/[a-z]*$/s.exec(pattern)
  return literal ? literal[1] : pattern
}

function constraint(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined || value === null
        ? 'Member must not be null'
        : `Member must be of type ${issue.expected}`
    case 'too_small':
      return issue.origin === 'number'
        ? `Member must have value greater than or equal to ${issue.minimum}`
        : `Member must have length greater than or equal to ${issue.minimum}`
    case 'too_big':
      return issue.origin === 'number'
        ? `Member must have value less than or equal to ${issue.maximum}`
        : `Member must have length less than or equal to ${issue.maximum}`
    case 'invalid_value':
      return value === undefined || value === null
        ? 'Member must not be null'
        : `Member must satisfy enum value set: [${issue.values.join(', ')}]`
    case 'invalid_format':
      return 'pattern' in issue && issue.pattern
        ? `Member must satisfy regular expression pattern: ${patternText(issue.pattern)}`
        : `Member must be a valid ${issue.format}`
    default:
      return issue.message
  }
}

export function validationMessage(issues: ReadonlyArray<z.core.$ZodIssue>, input: unknown): string {
  const parts = issues.map((issue) => {
    const path = awsPath(issue.path)
    const value = valueAt(input, issue.path)
    const last = issue.path.length ? memberName(issue.path[issue.path.length - 1]) : ''
    const shown =
      (SENSITIVE.has(last) && value !== undefined && value !== null) || value instanceof Uint8Array
        ? ''
        : `${show(value)} `
    const where = path ? `at '${path}' ` : ''
    return `Value ${shown}${where}failed to satisfy constraint: ${constraint(issue, value)}`
  })
  const n = parts.length
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`
}

/** The front end's names for the scalar types a member can have, and for JSON's tokens. */
const SCALAR: Record<string, string> = {
  string: 'a String',
  number: 'an Integer',
  boolean: 'a Boolean'
}

function tokenOf(value: unknown): string | undefined {
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE'
  if (typeof value === 'number') return 'NUMBER_VALUE'
  return typeof value === 'string' ? 'STRING_VALUE' : undefined
}

/** A value JSON can carry: what else reaches a schema (a Date, a Map, a bigint from the
 * console) is no JSON token, so it gets a validation message rather than the front end's. */
function isJson(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return tokenOf(value) !== undefined
  if (Array.isArray(value)) return true
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** What the JSON front end says of a value of the wrong JSON type, or undefined. */
function typeMismatch(issue: z.core.$ZodIssue, value: unknown): string | undefined {
  if (value === undefined || value === null || !isJson(value)) return undefined
  const list = Array.isArray(value)
  const object = typeof value === 'object' && !list
  let expected: string | undefined
  if (issue.code === 'invalid_type') expected = issue.expected
  else if (issue.code === 'invalid_value' && typeof value !== 'string') expected = 'string'
  if (expected === undefined) return undefined
  if (expected in SCALAR) {
    if (list) return 'Start of list found where not expected'
    if (object) return 'Start of structure or map found where not expected.'
    if (typeof value === expected) return undefined // e.g. 1.5 for an integer: a validation
    return `${tokenOf(value)} can not be converted to ${SCALAR[expected]}`
  }
  if (expected === 'array') return list ? undefined : 'Expected list or null'
  if (expected === 'object') return object ? undefined : 'Expected null'
  if (expected === 'record') return object ? undefined : 'Expected map or null'
  return undefined
}

/** Where a member comes in the request as sent: its index among its parent's members, at
 * each level (the front end reads the body in that order and stops at the first bad token). */
function bodyPosition(input: unknown, path: ReadonlyArray<PropertyKey>): number[] {
  const at: number[] = []
  let v = input
  for (const seg of path) {
    if (v === null || typeof v !== 'object') break
    at.push(Array.isArray(v) ? Number(seg) : Object.keys(v).indexOf(String(seg)))
    v = (v as Record<PropertyKey, unknown>)[seg]
  }
  return at
}

function before(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i]
  return a.length < b.length
}

/** Parses input with a schema, or throws ValidationException in AWS's words (KeyLab's own
 * console APIs, whose input never crossed a JSON front end). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  throw new ValidationException(validationMessage(result.error.issues, input ?? {}))
}

/** Parses a KMS operation's input as AWS would: a member of the wrong JSON type is the JSON
 * front end's SerializationException (the first one in the request, as sent), before any
 * validation; every other failure is ValidationException. */
export function parseKmsInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  let first: { text: string; at: number[] } | undefined
  for (const issue of result.error.issues) {
    const text = typeMismatch(issue, valueAt(input, issue.path))
    const at = text ? bodyPosition(input, issue.path) : []
    if (text && (!first || before(at, first.at))) first = { text, at }
  }
  if (first) throw new SerializationException(first.text)
  throw new ValidationException(validationMessage(result.error.issues, input ?? {}))
}
