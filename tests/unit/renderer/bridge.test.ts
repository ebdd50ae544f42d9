// The renderer bridge over a stand-in preload: values come back, errors are revived into their
// AWS-named classes.
import { describe, expect, it, vi } from 'vitest'

describe('renderer bridge', () => {
  it('uses window.keylab when the preload exposed it, unwrapping Results', async () => {
    vi.resetModules()
    const DescribeKey = vi.fn(async () => ({
      ok: false,
      error: { name: 'NotFoundException', message: 'gone', fault: 'client' }
    }))
    const ListKeys = vi.fn(async () => ({ ok: true, value: { Keys: [], Truncated: false } }))
    ;(window as unknown as { keylab: unknown }).keylab = {
      kms: { DescribeKey, ListKeys },
      app: {},
      lab: {}
    }
    const { api, transport } = await import('../../../src/renderer/src/bridge')
    const { NotFoundException } = await import('../../../src/shared/errors')
    expect(transport).toBe('ipc')
    expect(await api.kms.ListKeys({})).toEqual({ Keys: [], Truncated: false })
    const err = await api.kms.DescribeKey({ KeyId: 'x' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NotFoundException)
    expect((err as Error).message).toBe('gone')
    delete (window as unknown as { keylab?: unknown }).keylab
  })
})
