// DNS-rebinding protection: the endpoint answers only requests whose Host header names the
// address it is bound to (or localhost, when bound to loopback), so a web page that rebinds its
// own host name to 127.0.0.1 cannot reach it through the browser.
import { isIP } from 'node:net'

const WILDCARD = new Set(['0.0.0.0', '::'])
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

function bracket(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host
}

/** Splits a Host header into host and port; undefined when it is not host[:port]. */
function parseHost(value: string): { host: string; port?: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value)
  if (!m) return undefined
  return { host: m[1].toLowerCase(), port: m[2] === undefined ? undefined : Number(m[2]) }
}

export function hostChecker(
  boundHost: string,
  port: number
): (header: string | undefined) => boolean {
  const bound = bracket(boundHost.toLowerCase())
  const names = new Set([bound])
  if (LOOPBACK.has(boundHost) || WILDCARD.has(boundHost))
    for (const h of ['127.0.0.1', '[::1]', 'localhost']) names.add(h)
  const wildcard = WILDCARD.has(boundHost)
  return (header) => {
    const parsed = header === undefined ? undefined : parseHost(header)
    if (!parsed || (parsed.port ?? 80) !== port) return false
    if (names.has(parsed.host)) return true
    // Bound to every interface: any IP literal reaches it, a DNS name does not.
    return wildcard && isIP(parsed.host.replace(/^\[|\]$/g, '')) !== 0
  }
}
