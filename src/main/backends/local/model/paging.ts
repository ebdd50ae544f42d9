// Limit/Marker paging as KMS list operations do it. A marker is opaque to callers; ours names
// the position after which the next page starts, so pages stay stable while items come and go.
import { InvalidMarkerException } from '../../../../shared/errors'

export interface Page<T> {
  items: T[]
  nextMarker?: string
  truncated: boolean
}

const PREFIX = 'keylab1:'
const INVALID =
  'The request was rejected because the marker that specifies where pagination should next begin is not valid.'

export function encodeMarker(position: string): string {
  return Buffer.from(PREFIX + position).toString('base64url')
}

export function decodeMarker(marker: string): string {
  const text = Buffer.from(marker, 'base64url').toString()
  if (!text.startsWith(PREFIX) || encodeMarker(text.slice(PREFIX.length)) !== marker) {
    throw new InvalidMarkerException(INVALID)
  }
  return text.slice(PREFIX.length)
}

/**
 * Pages over items in a fixed order. `position` gives each item's sortable position (numbers
 * compare numerically, strings lexically); the marker holds the last position returned.
 */
export function page<T>(
  items: readonly T[],
  position: (item: T) => number | string,
  limit: number,
  marker: string | undefined
): Page<T> {
  let start = 0
  if (marker !== undefined) {
    const after = decodeMarker(marker)
    const numeric = /^-?\d+(\.\d+)?$/.test(after)
    const bound: number | string = numeric ? Number(after) : after
    start = lowerBound(items, (item) => position(item) > bound)
  }
  const slice = items.slice(start, start + limit)
  const truncated = start + limit < items.length
  return {
    items: slice,
    truncated,
    nextMarker: truncated ? encodeMarker(String(position(slice[slice.length - 1]))) : undefined
  }
}

function lowerBound<T>(items: readonly T[], after: (item: T) => boolean): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (after(items[mid])) hi = mid
    else lo = mid + 1
  }
  return lo
}
