// What main is busy with that the renderer should show: progress of long listings and MFA codes
// it is waiting for. IPC and the web bridge only carry calls from the renderer, so the renderer
// watches this with a long poll (app.watchActivity) and answers prompts with connections.answerMfa.
import { randomUUID } from 'node:crypto'
import { CredentialsProviderError, NotFoundException } from '../../shared/errors'
import type { ConsoleActivity, MfaPrompt, ProgressTask } from '../../shared/ipc/app-api'

/** How long a watch is held when nothing changes (below every HTTP and IPC timeout). */
export const WATCH_MS = 20_000
/** How long an MFA prompt waits for the user before the role assumption fails. */
export const MFA_TIMEOUT_MS = 5 * 60_000

interface Waiting {
  prompt: MfaPrompt
  resolve(code: string): void
  reject(error: Error): void
  timer: NodeJS.Timeout
}

export interface TaskHandle {
  update(done: number, total?: number): void
  finish(): void
}

export class ConsoleActivityHub {
  private version = 0
  private readonly prompts = new Map<string, Waiting>()
  private readonly tasks = new Map<string, ProgressTask>()
  private readonly watchers = new Set<() => void>()

  snapshot(): ConsoleActivity {
    return {
      version: this.version,
      prompts: [...this.prompts.values()].map((w) => w.prompt),
      tasks: [...this.tasks.values()].map((t) => ({ ...t }))
    }
  }

  /** Resolves with the activity once its version is past `after`, or after `waitMs` anyway. */
  watch(after: number, waitMs = WATCH_MS): Promise<ConsoleActivity> {
    if (this.version > after || after > this.version) return Promise.resolve(this.snapshot())
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        this.watchers.delete(done)
        resolve(this.snapshot())
      }
      const timer = setTimeout(done, waitMs)
      this.watchers.add(done)
    })
  }

  /** A progress task shown while it runs (e.g. "Describing keys", 340 of 1,200). */
  task(label: string, total?: number): TaskHandle {
    const id = randomUUID()
    this.tasks.set(id, { id, label, done: 0, ...(total !== undefined ? { total } : {}) })
    this.changed()
    return {
      update: (done, nextTotal) => {
        const t = this.tasks.get(id)
        if (!t) return
        this.tasks.set(id, { ...t, done, ...(nextTotal !== undefined ? { total: nextTotal } : {}) })
        this.changed()
      },
      finish: () => {
        if (this.tasks.delete(id)) this.changed()
      }
    }
  }

  /** Asks the user for an MFA code; rejects if the prompt is cancelled or left unanswered. */
  askMfa(profile: string, mfaSerial: string, timeoutMs = MFA_TIMEOUT_MS): Promise<string> {
    const id = randomUUID()
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.settle(id)
        reject(
          new CredentialsProviderError(
            `No MFA code for ${mfaSerial} was entered within ${timeoutMs / 60_000} minutes, so the role of profile '${profile}' was not assumed.`
          )
        )
      }, timeoutMs)
      this.prompts.set(id, { prompt: { id, profile, mfaSerial }, resolve, reject, timer })
      this.changed()
    })
  }

  answerMfa(promptId: string, code: string | undefined): void {
    const waiting = this.settle(promptId)
    if (!waiting) throw new NotFoundException(`MFA prompt ${promptId} is not waiting for a code.`)
    if (code !== undefined) waiting.resolve(code)
    else
      waiting.reject(
        new CredentialsProviderError(
          `The MFA prompt for ${waiting.prompt.mfaSerial} was cancelled, so the role of profile '${waiting.prompt.profile}' was not assumed.`
        )
      )
  }

  /** Releases every watcher and fails every prompt (shutdown). */
  close(): void {
    for (const id of [...this.prompts.keys()]) {
      this.settle(id)?.reject(new CredentialsProviderError('KeyLab is shutting down.'))
    }
    for (const done of [...this.watchers]) done()
  }

  private settle(id: string): Waiting | undefined {
    const waiting = this.prompts.get(id)
    if (!waiting) return undefined
    clearTimeout(waiting.timer)
    this.prompts.delete(id)
    this.changed()
    return waiting
  }

  private changed(): void {
    this.version++
    for (const done of [...this.watchers]) done()
  }
}
