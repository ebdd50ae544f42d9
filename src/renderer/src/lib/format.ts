// Display formats shared by the screens.

// Formatters are built once: toLocaleString builds a new one on every call, which is slow in a
// list of thousands of keys.
const LONG = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit'
})
const SHORT_DATE = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric'
})
const SHORT_TIME = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false
})

export function formatDate(value: Date | string | number | undefined): string {
  if (value === undefined) return '—'
  return LONG.format(value instanceof Date ? value : new Date(value))
}

const SPEC_TYPE: Record<string, string> = { SYMMETRIC_DEFAULT: 'Symmetric' }

export function keyType(spec: string | undefined): string {
  if (!spec) return '—'
  return SPEC_TYPE[spec] ?? (spec.startsWith('HMAC_') ? 'Symmetric' : 'Asymmetric')
}

export function usageLabel(usage: string | undefined): string {
  switch (usage) {
    case 'ENCRYPT_DECRYPT':
      return 'Encrypt and decrypt'
    case 'SIGN_VERIFY':
      return 'Sign and verify'
    case 'GENERATE_VERIFY_MAC':
      return 'Generate and verify MAC'
    case 'KEY_AGREEMENT':
      return 'Key agreement'
    default:
      return usage ?? '—'
  }
}

/** A key state as the console words it: "Pending deletion" for PendingDeletion. */
export function stateLabel(state: string | undefined): string {
  if (!state) return '—'
  return state.replace(/(?<=[a-z])([A-Z])/g, (c) => ` ${c.toLowerCase()}`)
}

/** A whole number of days from now to `at` (negative when past). */
export function daysUntil(at: number, now: number): number {
  return Math.round((at - now) / 86_400_000)
}

/** A compact date and 24-hour time for table cells, e.g. "Dec 1, 2026 14:05". */
export function formatShortDate(value: Date | string | number | undefined): string {
  if (value === undefined) return '—'
  const d = value instanceof Date ? value : new Date(value)
  return `${SHORT_DATE.format(d)} ${SHORT_TIME.format(d)}`
}

/** A moment to the second, for logs. */
export function formatTime(value: Date | string | number): string {
  const d = value instanceof Date ? value : new Date(value)
  return d.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false
  })
}

/** JSON laid out for reading; text that is not JSON comes back as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
