// The console's connection: which backend is active, its region, the lab clock, and what is in
// progress (long listings here or in main, MFA prompts from main, watched with a long poll).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../bridge'
import type {
  AppInfo,
  ConnectionInfo,
  ConsoleActivity,
  LabClockState,
  ProgressTask
} from '../../../shared/ipc'

export interface TaskHandle {
  update(done: number, total?: number): void
  finish(): void
}

const RETRY_MS = 2_000

export const useAppStore = defineStore('app', () => {
  const info = shallowRef<AppInfo>()
  const clock = shallowRef<LabClockState>()
  const error = shallowRef<Error>()
  const ready = ref(false)
  const activity = shallowRef<ConsoleActivity>({ version: 0, prompts: [], tasks: [] })
  const localTasks = shallowRef<ProgressTask[]>([])

  const connection = computed(() => info.value?.connection)
  const region = computed(() => info.value?.connection.region ?? '')
  const prompts = computed(() => activity.value.prompts)
  const tasks = computed(() => [...localTasks.value, ...activity.value.tasks])

  async function load(): Promise<void> {
    try {
      info.value = await api.app.getInfo({})
      await refreshClock()
      error.value = undefined
      watchActivity()
    } catch (e) {
      error.value = e as Error
    } finally {
      ready.value = true
    }
  }

  /** Adopts the connection the connections API switched to (and the regions it offers). */
  async function applyConnection(next: ConnectionInfo): Promise<void> {
    const fresh = await api.app.getInfo({})
    info.value = { ...fresh, connection: next }
    await refreshClock()
    watchActivity()
  }

  async function setRegion(next: string): Promise<void> {
    const connectionInfo = await api.app.setRegion({ region: next })
    if (info.value) info.value = { ...info.value, connection: connectionInfo }
  }

  async function advanceClock(days: number): Promise<void> {
    clock.value = await api.lab.advanceClock({ days })
  }

  async function refreshClock(): Promise<void> {
    clock.value = connection.value?.capabilities.labClock ? await api.lab.getClock({}) : undefined
  }

  // The long poll runs while on AWS (credentials may need an MFA code at any call) and while a
  // connections call is held; the lab never needs it.
  let holds = 0
  let watching = false
  const shouldWatch = (): boolean => holds > 0 || connection.value?.kind === 'aws'

  function watchActivity(): void {
    if (watching || !shouldWatch()) return
    watching = true
    void (async () => {
      try {
        while (shouldWatch()) {
          try {
            activity.value = await api.app.watchActivity({ after: activity.value.version })
          } catch {
            await new Promise((r) => setTimeout(r, RETRY_MS))
          }
        }
      } finally {
        watching = false
      }
    })()
  }

  /** Runs a call that may need the user (an MFA code), watching main's activity meanwhile. */
  async function hold<T>(fn: () => Promise<T>): Promise<T> {
    holds++
    watchActivity()
    try {
      return await fn()
    } finally {
      holds--
    }
  }

  let taskSeq = 0
  /** A progress task shown in the top bar while a listing runs in the renderer. */
  function task(label: string, total?: number): TaskHandle {
    const id = `local-${++taskSeq}`
    const set = (t: ProgressTask | undefined): void => {
      const rest = localTasks.value.filter((x) => x.id !== id)
      localTasks.value = t ? [...rest, t] : rest
    }
    let current = total
    set({ id, label, done: 0, total })
    return {
      update: (done, nextTotal) => {
        current = nextTotal ?? current
        set({ id, label, done, total: current })
      },
      finish: () => set(undefined)
    }
  }

  return {
    info,
    clock,
    error,
    ready,
    connection,
    region,
    prompts,
    tasks,
    load,
    applyConnection,
    setRegion,
    advanceClock,
    refreshClock,
    hold,
    task
  }
})
