// The audit store pages the table from the bridge: it fetches only the windows the table asks
// for, pins the view to its head, and assembles exports from chunks.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  AuditPageRequest,
  AuditRow,
  ExportChunkRequest
} from '../../../../src/shared/ipc/audit-api'

const TOTAL = 1000
const rows: AuditRow[] = Array.from({ length: TOTAL }, (_, i) => ({
  seq: TOTAL - i,
  eventTime: 0,
  eventName: i % 2 ? 'Decrypt' : 'Encrypt',
  eventType: 'AwsApiCall',
  principal: 'lab-admin',
  backend: 'Local lab',
  readOnly: true
}))
/** A text search that finds 40 more matches each time it is asked, until 120. */
let searchCalls = 0
const query = vi.fn(async (req: AuditPageRequest) => {
  if (req.filter.text) {
    const found = Math.min(120, 40 * ++searchCalls)
    return {
      head: TOTAL,
      total: found,
      offset: req.offset,
      rows: rows.slice(0, found).slice(req.offset, req.offset + req.limit),
      ...(found < 120 ? { searching: { scanned: found * 5, of: TOTAL } } : {})
    }
  }
  const matching = req.filter.eventName
    ? rows.filter((r) => r.eventName === req.filter.eventName)
    : rows
  return {
    head: TOTAL,
    total: matching.length,
    offset: req.offset,
    rows: matching.slice(req.offset, req.offset + req.limit)
  }
})
const exportChunk = vi.fn(async (req: ExportChunkRequest) =>
  req.cursor
    ? { data: 'b]}', head: TOTAL, count: 1, done: true }
    : { data: '{"Records":[a,', cursor: '1:1', head: TOTAL, count: 1, done: false }
)
vi.mock('../../../../src/renderer/src/bridge', () => ({
  api: {
    audit: {
      query,
      exportChunk,
      summary: vi.fn(async () => ({
        logId: 'l',
        head: TOTAL,
        checkpoints: 0,
        publicKeyFingerprint: 'f'
      }))
    }
  }
}))

const { useAuditStore, PAGE } = await import('../../../../src/renderer/src/stores/audit')

beforeEach(() => {
  setActivePinia(createPinia())
  query.mockClear()
})

describe('audit store', () => {
  it('fetches only the windows the table shows, pinned to the first head', async () => {
    const audit = useAuditStore()
    await audit.refresh()
    expect(audit.total).toBe(TOTAL)
    expect(query).toHaveBeenCalledTimes(1)
    audit.ensure(250, 320)
    await vi.waitFor(() => expect(audit.rowAt(320)).toBeDefined())
    expect(query.mock.calls.map(([r]) => r.offset)).toEqual([0, 2 * PAGE, 3 * PAGE])
    expect(query.mock.calls.slice(1).every(([r]) => r.head === TOTAL)).toBe(true)
    expect(audit.rowAt(250)?.seq).toBe(TOTAL - 250)
    audit.ensure(250, 320)
    expect(query).toHaveBeenCalledTimes(3)
  })

  it('starts over on a new filter', async () => {
    const audit = useAuditStore()
    await audit.refresh()
    await audit.setFilter({ eventName: 'Decrypt' })
    expect(audit.total).toBe(TOTAL / 2)
    expect(audit.rowAt(0)?.eventName).toBe('Decrypt')
    expect(audit.rowAt(150)).toBeUndefined()
  })

  it('fetches a text search again while it is still reading the log', async () => {
    searchCalls = 0
    const audit = useAuditStore()
    await audit.setFilter({ text: 'tenant' })
    expect(audit.total).toBe(40)
    expect(audit.searching).toEqual({ scanned: 200, of: TOTAL })
    await vi.waitFor(() => expect(audit.searching).toBeUndefined(), { timeout: 2000 })
    expect(audit.total).toBe(120)
    expect(audit.rowAt(39)?.seq).toBe(TOTAL - 39)
    audit.ensure(0, 119)
    await vi.waitFor(() => expect(audit.rowAt(119)?.seq).toBe(TOTAL - 119))
    const calls = query.mock.calls.length
    await new Promise((r) => setTimeout(r, 400))
    expect(query.mock.calls.length).toBe(calls)
  })

  it('assembles an export from its chunks', async () => {
    const audit = useAuditStore()
    const blob = await audit.exportBlob('cloudtrail')
    expect(await blob.text()).toBe('{"Records":[a,b]}')
    expect(exportChunk.mock.calls[1][0].cursor).toBe('1:1')
  })
})
