// Bytes as the Try-it panels show and read them: text (UTF-8), base64, hex, PEM, and files.
import { fromBase64, toBase64 } from '../../../shared/ipc/base64'

export type ByteFormat = 'text' | 'base64' | 'hex'

export { fromBase64, toBase64 }

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function fromHex(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '')
  if (clean.length % 2 || /[^0-9a-fA-F]/.test(clean)) return undefined
  const out = new Uint8Array(clean.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** Text in a format to bytes; undefined when the text is not valid in that format. */
export function decode(text: string, format: ByteFormat): Uint8Array | undefined {
  if (format === 'text') return utf8(text)
  if (format === 'hex') return fromHex(text)
  return fromBase64(text.replace(/\s+/g, ''))
}

export function encode(bytes: Uint8Array, format: ByteFormat): string {
  if (format === 'hex') return toHex(bytes)
  if (format === 'text') return fromUtf8(bytes) ?? ''
  return toBase64(bytes)
}

export function toPem(der: Uint8Array, label: string): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/** The DER inside a PEM block, or undefined when the text is not PEM. */
export function fromPem(text: string): Uint8Array | undefined {
  const m = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/.exec(text)
  return m ? fromBase64(m[1].replace(/\s+/g, '')) : undefined
}

export function downloadBytes(data: Uint8Array | string, filename: string, type: string): void {
  const blob = new Blob([data as BlobPart], { type })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Overwrites sensitive bytes before they are dropped. */
export function wipe(...values: Array<Uint8Array | undefined>): void {
  for (const v of values) v?.fill(0)
}
