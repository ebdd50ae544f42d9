// The key list's columns, as the AWS console names them, with their widths and sort values.
import type { KeyListItem } from '../../../shared/ipc/catalog-api'
import { keyType, usageLabel } from './format'

export type KeyColumnId =
  | 'aliases'
  | 'keyId'
  | 'status'
  | 'keyType'
  | 'keySpec'
  | 'keyUsage'
  | 'origin'
  | 'creationDate'
  | 'description'
  | 'regionality'

export interface KeyColumn {
  id: KeyColumnId
  label: string
  /** CSS grid track. */
  width: string
  /** The track's minimum in px, so every row resolves the same widths. */
  minPx: number
  sortValue(row: KeyListItem): string | number
}

export const KEY_COLUMNS: readonly KeyColumn[] = [
  {
    id: 'aliases',
    label: 'Aliases',
    width: 'minmax(170px, 2fr)',
    minPx: 170,
    sortValue: (r) => r.aliases[0] ?? ''
  },
  {
    id: 'keyId',
    label: 'Key ID',
    width: 'minmax(170px, 1.2fr)',
    minPx: 170,
    sortValue: (r) => r.keyId
  },
  { id: 'status', label: 'Status', width: '122px', minPx: 122, sortValue: (r) => r.keyState },
  {
    id: 'keyType',
    label: 'Key type',
    width: '82px',
    minPx: 82,
    sortValue: (r) => keyType(r.keySpec)
  },
  {
    id: 'keySpec',
    label: 'Key spec',
    width: 'minmax(118px, 1fr)',
    minPx: 118,
    sortValue: (r) => r.keySpec
  },
  {
    id: 'keyUsage',
    label: 'Key usage',
    width: 'minmax(124px, 1fr)',
    minPx: 124,
    sortValue: (r) => usageLabel(r.keyUsage)
  },
  { id: 'origin', label: 'Origin', width: '68px', minPx: 68, sortValue: (r) => r.origin },
  {
    id: 'creationDate',
    label: 'Creation date',
    width: '116px',
    minPx: 116,
    sortValue: (r) => r.creationDate
  },
  {
    id: 'description',
    label: 'Description',
    width: 'minmax(160px, 1.5fr)',
    minPx: 160,
    sortValue: (r) => r.description.toLowerCase()
  },
  {
    id: 'regionality',
    label: 'Regionality',
    width: '110px',
    minPx: 110,
    sortValue: (r) => (r.multiRegion ? 'Multi-Region' : 'Single Region')
  }
]

export const DEFAULT_COLUMNS: readonly KeyColumnId[] = [
  'aliases',
  'keyId',
  'status',
  'keyType',
  'keySpec',
  'keyUsage',
  'origin',
  'creationDate'
]

export function columnById(id: string): KeyColumn | undefined {
  return KEY_COLUMNS.find((c) => c.id === id)
}
