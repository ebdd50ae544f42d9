// How a connection is described in the settings list and the top-bar switcher.
import type { ConnectionSummary } from '../../../../shared/ipc'

export function connectionKind(c: ConnectionSummary): string {
  if (c.kind === 'lab') return 'Built in'
  if (c.endpoint) return 'Custom endpoint'
  if (c.credentials?.type === 'environment') return 'Environment'
  return 'AWS profile'
}

export function connectionDetail(c: ConnectionSummary): string {
  if (c.kind === 'lab') return 'The offline KMS lab on this computer'
  const parts: string[] = []
  if (c.endpoint) parts.push(c.endpoint)
  const creds = c.credentials
  if (creds?.type === 'profile') parts.push(`profile ${creds.profile}`)
  if (creds?.type === 'environment') parts.push('AWS_ACCESS_KEY_ID from the environment')
  if (creds?.type === 'static') parts.push(`access key ${creds.accessKeyId}`)
  return parts.join(' · ')
}
