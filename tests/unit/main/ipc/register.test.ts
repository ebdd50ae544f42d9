// The Electron IPC adapter with a stand-in ipcMain: every handler checks its sender and answers
// malformed input with a typed error, never a throw.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import { registerIpc, trustMainFrame } from '../../../../src/main/ipc/register'
import { dispatch } from '../../../../src/main/rpc/dispatch'
import { LocalBackend } from '../../../../src/main/backends/local/local-backend'
import { createServices } from '../../../../src/main/services/services'
import { API_METHODS, channelOf, type Apis, type Result } from '../../../../src/shared/ipc/contract'
import { openTestLab, tempDir } from '../../../helpers/lab'
import type { Lab } from '../../../../src/main/backends/local/lab'

vi.mock('electron', () => ({}))

type Handler = (
  event: IpcMainInvokeEvent,
  input: unknown
) => Promise<Result<unknown>> | Result<unknown>
const handlers = new Map<string, Handler>()
const APP_URL = 'file:///app/out/renderer/index.html'
const contentsId = 7
let lab: Lab
let dir: string
let services: Apis

function event(
  options: { id?: number; url?: string; subframe?: boolean } = {}
): IpcMainInvokeEvent {
  const mainFrame = { url: options.url ?? `${APP_URL}#/keys` }
  return {
    sender: { id: options.id ?? contentsId, mainFrame },
    senderFrame: options.subframe ? { url: mainFrame.url } : mainFrame
  } as unknown as IpcMainInvokeEvent
}

async function invoke(channel: string, input: unknown, ev = event()): Promise<Result<unknown>> {
  const h = handlers.get(channel)
  if (!h) throw new Error(`no handler for ${channel}`)
  return h(ev, input)
}

beforeAll(() => {
  dir = tempDir()
  lab = openTestLab(dir)
  services = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region: 'us-east-1',
    version: 'test'
  })
  registerIpc(
    { handle: (channel: string, h: Handler) => handlers.set(channel, h) } as never,
    services,
    trustMainFrame(
      () => contentsId,
      (url) => url.startsWith(APP_URL)
    )
  )
})
afterAll(async () => {
  await lab.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('IPC adapter', () => {
  it('registers one handler per method of the contract', () => {
    const expected = Object.entries(API_METHODS).flatMap(([a, ms]) =>
      Object.keys(ms).map((m) => channelOf(a, m))
    )
    expect([...handlers.keys()].sort()).toEqual(expected.sort())
  })

  it('answers a good call with ok and the AWS-shaped value', async () => {
    const r = await invoke('keylab:kms.CreateKey', { Description: 'via ipc' })
    expect(r.ok).toBe(true)
    expect(
      (r as { value: { KeyMetadata: { Description: string } } }).value.KeyMetadata.Description
    ).toBe('via ipc')
  })

  it.each([
    [
      'missing member',
      'keylab:kms.DescribeKey',
      {},
      'ValidationException',
      "Value null at 'keyId'"
    ],
    [
      'wrong type',
      'keylab:kms.ListKeys',
      { Limit: 'ten' },
      'SerializationException',
      'STRING_VALUE can not be converted to an Integer'
    ],
    [
      'oversized string',
      'keylab:kms.CreateKey',
      { Description: 'd'.repeat(8193) },
      'ValidationException',
      'length less than or equal to 8192'
    ],
    [
      'not a structure',
      'keylab:kms.ListKeys',
      'hello',
      'ValidationException',
      'must be a structure'
    ],
    ['an array', 'keylab:kms.ListKeys', [1, 2], 'ValidationException', 'must be a structure'],
    ['null', 'keylab:kms.ListKeys', null, 'ValidationException', 'must be a structure'],
    [
      'bad enum',
      'keylab:app.setRegion',
      { region: 'mars-1' },
      'ValidationException',
      'enum value set'
    ],
    [
      'unknown member on a console API',
      'keylab:lab.advanceClock',
      { years: 1 },
      'ValidationException',
      ''
    ],
    [
      'huge input',
      'keylab:kms.CreateKey',
      { Description: 'x'.repeat(9 * 1024 * 1024) },
      'ValidationException',
      'larger than'
    ]
  ])('%s gives a typed error, not a throw', async (_label, channel, input, name, text) => {
    const r = await invoke(channel, input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.name).toBe(name)
    expect(r.error.fault).toBe('client')
    expect(r.error.message).toContain(text)
  })

  it('refuses a foreign sender: another window, a subframe, or a page that is not the app', async () => {
    for (const ev of [
      event({ id: 99 }),
      event({ subframe: true }),
      event({ url: 'https://evil.example/' })
    ]) {
      const r = await invoke('keylab:kms.ListKeys', {}, ev)
      expect(r).toMatchObject({ ok: false, error: { name: 'AccessDeniedException' } })
    }
  })

  it('answers an unknown method with UnknownOperationException', async () => {
    expect(await dispatch(services, 'kms', 'DropAllKeys', {})).toMatchObject({
      ok: false,
      error: { name: 'UnknownOperationException' }
    })
    expect(await dispatch(services, 'shell', 'exec', {})).toMatchObject({
      ok: false,
      error: { name: 'UnknownOperationException' }
    })
    expect(await dispatch(services, 'kms', 'constructor', {})).toMatchObject({ ok: false })
  })
})
