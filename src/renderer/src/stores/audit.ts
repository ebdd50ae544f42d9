// The audit screen's state: the filter, the log's size under it, windows of rows fetched from
// SQL as the table scrolls (a bounded cache of pages), the open record, verification progress
// and exports. Records hold no secrets (the log never records any). While a text search is
// still reading the log, the pages held are fetched again every POLL_MS, so matches and the
// total fill in as they are found.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '../bridge'
import type {
  AuditDetail,
  AuditFilter,
  AuditPage,
  AuditRow,
  AuditSummary,
  ExportFormat,
  VerifyStatus
} from '../../../shared/ipc/audit-api'

export const PAGE = 100
const KEPT_PAGES = 120
const POLL_MS = 250

export const useAuditStore = defineStore('audit', () => {
  const filter = shallowRef<AuditFilter>({})
  const total = ref(0)
  /** The newest record of the current view; newer ones show after refresh(). */
  const head = ref(0)
  const latest = ref(0)
  const loaded = ref(false)
  const error = shallowRef<Error>()
  /** Bumped whenever a page arrives, so the table re-reads rowAt(). */
  const version = ref(0)
  const summary = shallowRef<AuditSummary>()
  const detail = shallowRef<AuditDetail>()
  const verify = shallowRef<VerifyStatus>()
  /** Set while a text search is still reading the log. */
  const searching = shallowRef<AuditPage['searching']>()
  let poll: ReturnType<typeof setTimeout> | undefined
  let pages = new Map<number, AuditRow[]>()
  let pending = new Set<number>()
  let epoch = 0

  async function fetchPage(page: number, token: number): Promise<void> {
    pending.add(page)
    try {
      const result = await api.audit.query({
        filter: filter.value,
        offset: page * PAGE,
        limit: PAGE,
        head: head.value || undefined
      })
      if (token !== epoch) return
      if (!head.value) head.value = result.head
      total.value = result.total
      searching.value = result.searching
      pages.set(page, result.rows)
      if (pages.size > KEPT_PAGES) pages.delete(pages.keys().next().value as number)
      version.value++
      if (result.searching && !poll) poll = setTimeout(() => again(token), POLL_MS)
    } catch (e) {
      if (token === epoch) error.value = e as Error
    } finally {
      if (token === epoch) pending.delete(page)
    }
  }

  /** Fetches the pages held again (a text search found more since). */
  function again(token: number): void {
    poll = undefined
    if (token !== epoch) return
    // Page 0 for the total; full pages keep their rows (matches are found newest first).
    for (const [p, rows] of pages) {
      if ((p === 0 || rows.length < PAGE) && !pending.has(p)) void fetchPage(p, token)
    }
  }

  /** Reloads from the newest record, under the current filter. */
  async function refresh(): Promise<void> {
    epoch++
    clearTimeout(poll)
    poll = undefined
    searching.value = undefined
    pages = new Map()
    pending = new Set()
    head.value = 0
    error.value = undefined
    await fetchPage(0, epoch)
    latest.value = head.value
    loaded.value = true
    summary.value = await api.audit.summary({}).catch(() => summary.value)
  }

  async function setFilter(next: AuditFilter): Promise<void> {
    filter.value = next
    await refresh()
  }

  /** Makes sure rows first..last are fetched (the table calls this as it scrolls). */
  function ensure(first: number, last: number): void {
    const token = epoch
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) {
      if (!pages.has(p) && !pending.has(p) && p * PAGE < total.value) void fetchPage(p, token)
    }
  }

  function rowAt(index: number): AuditRow | undefined {
    return pages.get(Math.floor(index / PAGE))?.[index % PAGE]
  }

  /** Whether records were added since the view was loaded (cheap: one row). */
  async function checkNew(): Promise<void> {
    const page = await api.audit.query({ filter: {}, offset: 0, limit: 1 })
    latest.value = page.head
  }

  async function open(seq: number): Promise<void> {
    detail.value = await api.audit.getRecord({ seq })
  }

  function close(): void {
    detail.value = undefined
  }

  async function runVerify(): Promise<void> {
    let status = await api.audit.startVerify({})
    verify.value = status
    while (!status.done) {
      await new Promise((r) => setTimeout(r, POLL_MS))
      status = await api.audit.verifyStatus({ id: status.id })
      verify.value = status
    }
    summary.value = await api.audit.summary({})
  }

  /** The whole filtered log as one file, fetched in chunks. */
  async function exportBlob(
    format: ExportFormat,
    onProgress?: (records: number) => void
  ): Promise<Blob> {
    const parts: string[] = []
    let records = 0
    let cursor: string | undefined
    const at = head.value || undefined
    for (;;) {
      const chunk = await api.audit.exportChunk({ format, filter: filter.value, cursor, head: at })
      parts.push(chunk.data)
      records += chunk.count
      onProgress?.(records)
      if (chunk.done || !chunk.cursor) break
      cursor = chunk.cursor
    }
    return new Blob(parts, { type: format === 'csv' ? 'text/csv' : 'application/json' })
  }

  return {
    filter,
    total,
    head,
    latest,
    loaded,
    error,
    version,
    summary,
    detail,
    verify,
    searching,
    refresh,
    setFilter,
    ensure,
    rowAt,
    checkNew,
    open,
    close,
    runVerify,
    exportBlob
  }
})
