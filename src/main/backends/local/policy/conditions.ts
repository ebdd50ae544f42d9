// IAM condition operators: String*, Numeric*, Date*, Bool, Binary, IpAddress, Arn*, Null, with
// the ...IfExists suffix and the ForAllValues:/ForAnyValue: set qualifiers. All operators of a
// block must match, all keys of an operator, and any of a key's values (none, for the negated
// operators).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import type { ConditionBlock } from './policy-document'
import type { ConditionContext } from './request-context'
import { matchSubstituted, substituteVariables } from './wildcard'

type Compare = (pattern: string, value: string, context: ConditionContext) => boolean

const str = (ignoreCase: boolean, like: boolean): Compare => {
  return (pattern, value, context) => {
    const p = substituteVariables(pattern, context, like)
    if (p === undefined) return false
    if (like) return matchSubstituted(p, value, ignoreCase)
    return ignoreCase ? p.toLowerCase() === value.toLowerCase() : p === value
  }
}

const num = (test: (a: number, b: number) => boolean): Compare => {
  return (pattern, value) => {
    const a = Number(value)
    const b = Number(pattern)
    return !Number.isNaN(a) && !Number.isNaN(b) && test(a, b)
  }
}

function toTime(v: string): number {
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v)
}

const date = (test: (a: number, b: number) => boolean): Compare => {
  return (pattern, value) => {
    const a = toTime(value)
    const b = toTime(pattern)
    return !Number.isNaN(a) && !Number.isNaN(b) && test(a, b)
  }
}

function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/')
  const toInt = (s: string): number | undefined => {
    const parts = s.split('.').map(Number)
    if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) return undefined
    return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0
  }
  const a = toInt(ip)
  const b = toInt(base)
  if (a === undefined || b === undefined) return ip === base
  const bits = bitsText === undefined ? 32 : Number(bitsText)
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0
  return (a & mask) === (b & mask)
}

const arnLike: Compare = (pattern, value, context) => {
  const p = substituteVariables(pattern, context, true)
  if (p === undefined) return false
  const ps = p.split(':')
  const vs = value.split(':')
  if (ps.length < 6 || vs.length < 6) return false
  const head = (parts: string[]): string[] => [...parts.slice(0, 5), parts.slice(5).join(':')]
  const hp = head(ps)
  const hv = head(vs)
  return hp.every((seg, i) => matchSubstituted(seg, hv[i]))
}

/** Operator name (without IfExists / set qualifiers) -> comparison and whether it is negated. */
const OPERATORS: Record<string, { compare: Compare; negated: boolean }> = {
  StringEquals: { compare: str(false, false), negated: false },
  StringNotEquals: { compare: str(false, false), negated: true },
  StringEqualsIgnoreCase: { compare: str(true, false), negated: false },
  StringNotEqualsIgnoreCase: { compare: str(true, false), negated: true },
  StringLike: { compare: str(false, true), negated: false },
  StringNotLike: { compare: str(false, true), negated: true },
  NumericEquals: { compare: num((a, b) => a === b), negated: false },
  NumericNotEquals: { compare: num((a, b) => a === b), negated: true },
  NumericLessThan: { compare: num((a, b) => a < b), negated: false },
  NumericLessThanEquals: { compare: num((a, b) => a <= b), negated: false },
  NumericGreaterThan: { compare: num((a, b) => a > b), negated: false },
  NumericGreaterThanEquals: { compare: num((a, b) => a >= b), negated: false },
  DateEquals: { compare: date((a, b) => a === b), negated: false },
  DateNotEquals: { compare: date((a, b) => a === b), negated: true },
  DateLessThan: { compare: date((a, b) => a < b), negated: false },
  DateLessThanEquals: { compare: date((a, b) => a <= b), negated: false },
  DateGreaterThan: { compare: date((a, b) => a > b), negated: false },
  DateGreaterThanEquals: { compare: date((a, b) => a >= b), negated: false },
  Bool: { compare: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false },
  BinaryEquals: { compare: (p, v) => p === v, negated: false },
  IpAddress: { compare: (p, v) => ipInCidr(v, p), negated: false },
  NotIpAddress: { compare: (p, v) => ipInCidr(v, p), negated: true },
  ArnEquals: { compare: arnLike, negated: false },
  ArnLike: { compare: arnLike, negated: false },
  ArnNotEquals: { compare: arnLike, negated: true },
  ArnNotLike: { compare: arnLike, negated: true }
}

interface ParsedOperator {
  base: string
  ifExists: boolean
  set?: 'ForAllValues' | 'ForAnyValue'
}

export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name
  let set: ParsedOperator['set']
  for (const q of ['ForAllValues', 'ForAnyValue'] as const) {
    if (rest.startsWith(`${q}:`)) {
      set = q
      rest = rest.slice(q.length + 1)
    }
  }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists'
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest
  if (base === 'Null') return ifExists || set ? undefined : { base, ifExists: false }
  if (!OPERATORS[base]) return undefined
  return { base, ifExists, set }
}

export interface ConditionResult {
  ok: boolean
  /** The first operator/key that did not match, as "StringEquals kms:CallerAccount". */
  failed?: string
}

export function evaluateConditions(
  block: ConditionBlock,
  context: ConditionContext
): ConditionResult {
  for (const [operator, keys] of Object.entries(block)) {
    const op = parseOperator(operator)
    for (const [key, values] of Object.entries(keys)) {
      if (!op || !matchKey(op, context.get(key.toLowerCase()), values, context)) {
        return { ok: false, failed: `${operator} ${key}` }
      }
    }
  }
  return { ok: true }
}

function matchKey(
  op: ParsedOperator,
  actual: string | string[] | undefined,
  values: string[],
  context: ConditionContext
): boolean {
  const present = actual !== undefined && !(Array.isArray(actual) && actual.length === 0)
  if (op.base === 'Null') {
    const wantsAbsent = values.some((v) => v.toLowerCase() === 'true')
    return wantsAbsent ? !present : present
  }
  const { compare, negated } = OPERATORS[op.base]
  const one = (v: string): boolean => {
    const hit = values.some((p) => compare(p, v, context))
    return negated ? !hit : hit
  }
  if (op.set === 'ForAllValues') {
    if (!present) return true
    return (Array.isArray(actual) ? actual : [actual]).every(one)
  }
  if (op.set === 'ForAnyValue') {
    if (!present) return false
    return (Array.isArray(actual) ? actual : [actual]).some(one)
  }
  if (!present) return op.ifExists || negated
  return Array.isArray(actual) ? actual.some(one) : one(actual)
}
