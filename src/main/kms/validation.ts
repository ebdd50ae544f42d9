// Turns schema failures into AWS's ValidationException text:
// "2 validation errors detected: Value 'x' at 'keySpec' failed to satisfy constraint: Member must
// satisfy enum value set: [...]; Value null at 'keyId' failed to satisfy constraint: ...".
import type { z } from 'zod'
import { ValidationException } from '../../shared/errors'

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
  if (typeof value === 'number' || typeof value === 'boolean') return `'${value}'`
  if (Array.isArray(value))
    return `'[${value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}]'`
  return `'${JSON.stringify(value)}'`
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

/** Parses input with a schema, or throws ValidationException in AWS's words. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  throw new ValidationException(validationMessage(result.error.issues, input ?? {}))
}
