// What the lab clock makes happen on its own: a small registry of due handlers (deletion at the
// end of the waiting window, automatic and on-demand rotation, expiry of imported material) and
// the schedule that knows, per key, when the next one is due, so a tick with nothing due is O(1).
import type { ServiceEvent } from '../../call-record'
import type { LabKey } from './key'
import type { KeyObserver, LabState } from './lab-state'
import { deletionDue } from './due-deletion'
import { automaticRotationDue, onDemandRotationDue } from './due-rotation'

export interface DueContext {
  state: LabState
  /** Reports what the lab did, at the lab time it was due. */
  emit(event: ServiceEvent): void
}

export interface DueHandler {
  name: string
  /** Lab time (epoch ms) this handler is next due for `key`, or undefined when it is not. */
  dueAt(key: LabKey): number | undefined
  /** Applies the transition that was due at `at` (through ctx.state.write). */
  apply(ctx: DueContext, key: LabKey, at: number): void
}

/** Every due transition of the lab; another kind plugs in with one line here. */
export const DUE_HANDLERS: readonly DueHandler[] = [
  deletionDue,
  onDemandRotationDue,
  automaticRotationDue
]

interface Entry {
  at: number
  keyId: string
}

/** A min-heap of (due time, key) with lazy removal: `due` holds each key's current time. */
export class DueSchedule implements KeyObserver {
  private heap: Entry[] = []
  private readonly due = new Map<string, number>()

  constructor(private readonly handlers: readonly DueHandler[] = DUE_HANDLERS) {}

  reset(keys: Iterable<LabKey>): void {
    this.heap = []
    this.due.clear()
    for (const key of keys) this.changed(key.keyId, key)
  }

  changed(keyId: string, key: LabKey | undefined): void {
    const at = key ? this.nextFor(key)?.at : undefined
    if (at === undefined) {
      this.due.delete(keyId)
      return
    }
    if (this.due.get(keyId) === at) return
    this.due.set(keyId, at)
    this.push({ at, keyId })
    if (this.heap.length > 2 * this.due.size + 64) this.compact()
  }

  /** The earliest lab time anything is due, if anything is. */
  get nextAt(): number | undefined {
    this.dropStale()
    return this.heap[0]?.at
  }

  /** Applies, in lab-time order, everything due at or before `now`; returns how many ran. */
  run(now: number, ctx: DueContext): number {
    let ran = 0
    for (let next = this.nextAt; next !== undefined && next <= now; next = this.nextAt) {
      const { keyId } = this.heap[0]
      const key = ctx.state.key(keyId)
      const handler = key && this.nextFor(key)
      if (!key || !handler || handler.at > now) {
        // The key changed without telling us (cannot happen through LabState); resync it.
        this.pop()
        this.due.delete(keyId)
        if (key) this.changed(keyId, key)
        continue
      }
      handler.handler.apply(ctx, key, handler.at)
      ran++
      const after = ctx.state.key(keyId)
      if (after && handler.handler.dueAt(after) === handler.at) {
        throw new Error(`due handler ${handler.handler.name} did not move key ${keyId} forward`)
      }
    }
    return ran
  }

  private nextFor(key: LabKey): { at: number; handler: DueHandler } | undefined {
    let best: { at: number; handler: DueHandler } | undefined
    for (const handler of this.handlers) {
      const at = handler.dueAt(key)
      if (at !== undefined && (!best || at < best.at)) best = { at, handler }
    }
    return best
  }

  private dropStale(): void {
    while (this.heap.length) {
      const top = this.heap[0]
      if (this.due.get(top.keyId) === top.at) return
      this.pop()
    }
  }

  /** Drops the stale entries that updates leave behind. */
  private compact(): void {
    this.heap = []
    for (const [keyId, at] of this.due) this.push({ at, keyId })
  }

  private push(entry: Entry): void {
    const h = this.heap
    h.push(entry)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (h[parent].at <= h[i].at) break
      ;[h[parent], h[i]] = [h[i], h[parent]]
      i = parent
    }
  }

  private pop(): void {
    const h = this.heap
    const last = h.pop()
    if (!last || !h.length) return
    h[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && h[l].at < h[m].at) m = l
      if (r < h.length && h[r].at < h[m].at) m = r
      if (m === i) return
      ;[h[m], h[i]] = [h[i], h[m]]
      i = m
    }
  }
}
