// The activity the renderer watches with a long poll: progress tasks, MFA prompts and their
// answers, and a watch that answers at once when it is behind and waits when it is not.
import { describe, expect, it } from 'vitest'
import { ConsoleActivityHub } from '../../../../src/main/services/console-activity'

describe('console activity', () => {
  it('a watch waits for the next change and then answers with the whole state', async () => {
    const hub = new ConsoleActivityHub()
    const first = await hub.watch(0, 10)
    expect(first).toEqual({ version: 0, prompts: [], tasks: [] })
    const waiting = hub.watch(first.version, 5_000)
    const task = hub.task('Describing keys', 3)
    const seen = await waiting
    expect(seen.version).toBe(1)
    expect(seen.tasks).toEqual([
      { id: expect.any(String), label: 'Describing keys', done: 0, total: 3 }
    ])
    task.update(2)
    expect((await hub.watch(seen.version)).tasks[0]).toMatchObject({ done: 2, total: 3 })
    task.finish()
    expect(hub.snapshot().tasks).toEqual([])
  })

  it('answers at once a watcher that is ahead (the main process restarted)', async () => {
    const hub = new ConsoleActivityHub()
    const started = Date.now()
    expect((await hub.watch(99, 5_000)).version).toBe(0)
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('an MFA prompt waits for its answer; an unknown prompt id is NotFoundException', async () => {
    const hub = new ConsoleActivityHub()
    const code = hub.askMfa('admin', 'arn:aws:iam::111122223333:mfa/alice')
    const [prompt] = hub.snapshot().prompts
    expect(prompt).toEqual({
      id: expect.any(String),
      profile: 'admin',
      mfaSerial: 'arn:aws:iam::111122223333:mfa/alice'
    })
    hub.answerMfa(prompt.id, '654321')
    expect(await code).toBe('654321')
    expect(() => hub.answerMfa(prompt.id, '000000')).toThrowError(
      `MFA prompt ${prompt.id} is not waiting for a code.`
    )
  })

  it('an unanswered MFA prompt fails after its timeout and leaves the list', async () => {
    const hub = new ConsoleActivityHub()
    await expect(hub.askMfa('admin', 'arn:aws:iam::1:mfa/a', 30)).rejects.toMatchObject({
      name: 'CredentialsProviderError'
    })
    expect(hub.snapshot().prompts).toEqual([])
  })
})
