// Display formats shared by the screens.

export function formatDate(value: Date | string | number | undefined): string {
  if (value === undefined) return '—'
  const d = value instanceof Date ? value : new Date(value)
  return d.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
  })
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
