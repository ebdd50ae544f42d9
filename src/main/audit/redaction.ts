// Applies the allow-lists: a request or response becomes CloudTrail's requestParameters or
// responseElements (members in lowerCamelCase, dates in CloudTrail's format) holding only what
// the operation's rule lists, and an error message loses anything it echoes of the rest.
import type { KmsOperationName } from '../../shared/kms/operations'
import { AUDIT_RULES, type Shape } from './redaction-rules'

const MAX_MESSAGE = 4096
const MIN_SCRUB = 4

/** CloudTrail's member names: lowerCamelCase, except names that start with an acronym. */
export function cloudTrailName(member: string): string {
  return /^[A-Z]{2}/.test(member) ? member : member.charAt(0).toLowerCase() + member.slice(1)
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Dates inside requestParameters/responseElements, as CloudTrail writes them (UTC). */
export function cloudTrailDate(d: Date): string {
  const h = d.getUTCHours()
  const two = (n: number): string => String(n).padStart(2, '0')
  return (
    `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ` +
    `${h % 12 || 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
  )
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function scalar(v: unknown): unknown {
  if (typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : cloudTrailDate(v)
  return undefined
}

function deep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deep).filter((x) => x !== undefined)
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) {
      const kept = deep(x)
      if (kept !== undefined) out[cloudTrailName(k)] = kept
    }
    return out
  }
  return scalar(v)
}

function apply(shape: Shape, v: unknown): unknown {
  if (v === undefined || v === null) return undefined
  if (shape === 'scalar') return scalar(v)
  if (shape === 'deep') return deep(v)
  if (shape === 'map') {
    if (!isPlainObject(v)) return undefined
    const out: Record<string, string> = {}
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x
    return out
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(v)) return undefined
    return v.map((x) => apply(shape[0], x)).filter((x) => x !== undefined)
  }
  return members(shape as { readonly [m: string]: Shape }, v) ?? undefined
}

function members(
  rule: { readonly [m: string]: Shape | undefined },
  value: unknown
): Record<string, unknown> | null {
  if (!isPlainObject(value)) return null
  const out: Record<string, unknown> = {}
  for (const [member, shape] of Object.entries(rule)) {
    if (!shape) continue
    const kept = apply(shape, value[member])
    if (kept !== undefined) out[cloudTrailName(member)] = kept
  }
  return Object.keys(out).length ? out : null
}

export function redactRequest(
  op: KmsOperationName,
  input: unknown
): Record<string, unknown> | null {
  return members(AUDIT_RULES[op].request, input)
}

export function redactResponse(
  op: KmsOperationName,
  output: unknown
): Record<string, unknown> | null {
  const rule = AUDIT_RULES[op].response
  return rule ? members(rule, output) : null
}

/** Every string and byte value of the request outside its allow-list, in the forms an error
 * message could echo it in. */
function unlistedValues(op: KmsOperationName, input: unknown): string[] {
  if (!isPlainObject(input)) return []
  const rule = AUDIT_RULES[op].request as Record<string, Shape | undefined>
  const found: string[] = []
  const collect = (v: unknown): void => {
    if (typeof v === 'string') found.push(v, JSON.stringify(v).slice(1, -1))
    else if (v instanceof Uint8Array) {
      const b = Buffer.from(v.buffer, v.byteOffset, v.byteLength)
      found.push(b.toString('utf8'), b.toString('base64'), b.toString('hex'), JSON.stringify(v))
      found.push(JSON.stringify(JSON.stringify(v)).slice(1, -1))
    } else if (Array.isArray(v)) v.forEach(collect)
    else if (isPlainObject(v)) Object.values(v).forEach(collect)
  }
  for (const [member, value] of Object.entries(input)) if (!rule[member]) collect(value)
  return found.filter((s) => s.length >= MIN_SCRUB).sort((a, b) => b.length - a.length)
}

/** The error message as recorded: without any value of a member the allow-list leaves out. */
export function redactErrorMessage(op: KmsOperationName, input: unknown, message: string): string {
  let text = message
  for (const secret of unlistedValues(op, input)) text = text.split(secret).join('***')
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text
}
