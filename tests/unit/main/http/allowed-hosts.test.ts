import { describe, expect, it } from 'vitest'
import { hostChecker } from '../../../../src/main/http/allowed-hosts'

describe('Host check (DNS rebinding)', () => {
  it('on loopback accepts the bound address and localhost with the port, nothing else', () => {
    const allows = hostChecker('127.0.0.1', 4599)
    for (const ok of ['127.0.0.1:4599', 'localhost:4599', 'LOCALHOST:4599', '[::1]:4599']) {
      expect(allows(ok), ok).toBe(true)
    }
    for (const bad of [
      undefined,
      '',
      '127.0.0.1',
      '127.0.0.1:4600',
      'evil.example:4599',
      'localhost.evil.example:4599',
      '127.0.0.1:4599:1',
      '127.0.0.1.nip.io:4599'
    ]) {
      expect(allows(bad), String(bad)).toBe(false)
    }
  })

  it('on port 80 accepts a Host without a port', () => {
    expect(hostChecker('127.0.0.1', 80)('127.0.0.1')).toBe(true)
  })

  it('on IPv6 loopback accepts the bracketed address', () => {
    const allows = hostChecker('::1', 4599)
    expect(allows('[::1]:4599')).toBe(true)
    expect(allows('::1:4599')).toBe(false)
  })

  it('on every interface accepts any IP literal and localhost, never another name', () => {
    const allows = hostChecker('0.0.0.0', 4599)
    expect(allows('192.168.1.20:4599')).toBe(true)
    expect(allows('[fe80::1]:4599')).toBe(true)
    expect(allows('localhost:4599')).toBe(true)
    expect(allows('attacker.example:4599')).toBe(false)
  })
})
