// IAM's wildcard matching (`*` any run of characters, `?` one character) and policy variables
// (`${aws:username}`, with `${*}`, `${?}`, `${$}` for the literal characters).
import type { ConditionContext } from './request-context'

const cache = new Map<string, RegExp>()

function compile(pattern: string, ignoreCase: boolean): RegExp {
  const id = `${ignoreCase ? 'i' : 's'}:${pattern}`
  let re = cache.get(id)
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
      .join('')
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's')
    if (cache.size > 5000) cache.clear()
    cache.set(id, re)
  }
  return re
}

export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value
  }
  return compile(pattern, ignoreCase).test(value)
}

const VARIABLE = /\$\{([^}]+)\}/g
const STAR = '\uE000'
const QMARK = '\uE001'
const LITERAL: Record<string, string> = { '*': STAR, '?': QMARK, $: '$' }

/**
 * Replaces policy variables with request values. A variable with no single value leaves the
 * pattern unmatchable (AWS: the statement does not apply), answered as undefined.
 */
export function substituteVariables(
  pattern: string,
  context: ConditionContext,
  wildcards: boolean
): string | undefined {
  if (!pattern.includes('${')) return pattern
  let missing = false
  const out = pattern.replace(VARIABLE, (_, name: string) => {
    if (name in LITERAL) return wildcards ? LITERAL[name] : name
    const value = context.get(name.toLowerCase())
    if (typeof value !== 'string') {
      missing = true
      return ''
    }
    return value
  })
  return missing ? undefined : out
}

/** Matches a pattern that may hold escaped literal `*`/`?` from substituteVariables. */
export function matchSubstituted(pattern: string, value: string, ignoreCase = false): boolean {
  if (!pattern.includes(STAR) && !pattern.includes(QMARK)) {
    return wildcardMatch(pattern, value, ignoreCase)
  }
  const parts = pattern.split(/([\uE000\uE001])/)
  const body = parts
    .map((p) =>
      p === STAR
        ? '\\*'
        : p === QMARK
          ? '\\?'
          : p
              .split('')
              .map((c) =>
                c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&')
              )
              .join('')
    )
    .join('')
  return new RegExp(`^${body}$`, ignoreCase ? 'is' : 's').test(value)
}
