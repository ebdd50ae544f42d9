// The key list's filtering and sorting, kept pure so 10,000 rows filter within a keystroke.
import type { KeyListItem } from '../../../shared/ipc/catalog-api'
import { keyType } from './format'

export type KeyTypeFilter = 'all' | 'Symmetric' | 'Asymmetric' | 'HMAC'

export interface KeyListFilter {
  /** Matches alias names, key id and description (case-insensitive). */
  text: string
  keyType: KeyTypeFilter
  /** `key` or `key=value`; empty for any. */
  tag: string
}

export const EMPTY_FILTER: KeyListFilter = { text: '', keyType: 'all', tag: '' }

const haystacks = new WeakMap<KeyListItem, string>()

function haystack(row: KeyListItem): string {
  let h = haystacks.get(row)
  if (h === undefined) {
    h = `${row.aliases.join(' ')} ${row.keyId} ${row.description}`.toLowerCase()
    haystacks.set(row, h)
  }
  return h
}

/** The console's three key types, with HMAC apart (the console lists HMAC keys as symmetric). */
export function typeOf(row: KeyListItem): Exclude<KeyTypeFilter, 'all'> {
  return row.keySpec.startsWith('HMAC_') ? 'HMAC' : (keyType(row.keySpec) as 'Symmetric')
}

function tagMatcher(spec: string): ((row: KeyListItem) => boolean) | undefined {
  const text = spec.trim()
  if (!text) return undefined
  const eq = text.indexOf('=')
  const key = (eq >= 0 ? text.slice(0, eq) : text).trim().toLowerCase()
  const value =
    eq >= 0
      ? text
          .slice(eq + 1)
          .trim()
          .toLowerCase()
      : undefined
  return (row) =>
    (row.tags ?? []).some(
      (t) => t.key.toLowerCase() === key && (value === undefined || t.value.toLowerCase() === value)
    )
}

export function filterKeys(rows: readonly KeyListItem[], filter: KeyListFilter): KeyListItem[] {
  const text = filter.text.trim().toLowerCase()
  const tag = tagMatcher(filter.tag)
  if (!text && filter.keyType === 'all' && !tag) return rows as KeyListItem[]
  const out: KeyListItem[] = []
  for (const row of rows) {
    if (text && !haystack(row).includes(text)) continue
    if (filter.keyType !== 'all' && typeOf(row) !== filter.keyType) continue
    if (tag && !tag(row)) continue
    out.push(row)
  }
  return out
}

export type SortDirection = 'asc' | 'desc'

export function sortKeys(
  rows: readonly KeyListItem[],
  value: (row: KeyListItem) => string | number,
  direction: SortDirection
): KeyListItem[] {
  const sign = direction === 'asc' ? 1 : -1
  const keyed = rows.map((row) => ({ row, v: value(row) }))
  keyed.sort((a, b) => {
    if (a.v === b.v) return 0
    if (a.v === '') return 1
    if (b.v === '') return -1
    return (a.v < b.v ? -1 : 1) * sign
  })
  return keyed.map((k) => k.row)
}
