import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { LocalBackend } from '../../../../src/main/backends/local/local-backend'
import { createServices } from '../../../../src/main/services/services'
import { withTempLab } from '../../../helpers/lab'
import { kmsCall } from '../../../helpers/sign'

const cleanups: Array<() => Promise<unknown> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function services() {
  const temp = withTempLab()
  const s = createServices({
    backend: new LocalBackend(temp.lab.engine),
    lab: temp.lab.engine,
    region: 'eu-west-1',
    version: 't'
  })
  cleanups.push(temp.cleanup, () => s.endpoint.close())
  return s
}

describe('endpoint service', () => {
  it('starts the lab endpoint with the lab credentials, shows how to use it, and stops it', async () => {
    const s = services()
    expect(await s.endpoint.status({})).toEqual({
      running: false,
      host: '127.0.0.1',
      port: 4599,
      region: 'eu-west-1'
    })
    const status = await s.endpoint.start({ port: 0 })
    expect(status).toMatchObject({ running: true, host: '127.0.0.1', region: 'eu-west-1' })
    expect(status.url).toBe(`http://127.0.0.1:${status.port}`)
    expect(status.awsConfigure).toContain(
      `aws configure set endpoint_url ${status.url} --profile keylab`
    )
    expect(status.example).toContain(`--region eu-west-1 --endpoint-url ${status.url}`)
    expect(await s.endpoint.start({ port: 0 })).toEqual(status)
    const creds = {
      accessKeyId: status.accessKeyId as string,
      secretAccessKey: status.secretAccessKey as string
    }
    expect((await kmsCall(status.url as string, creds, 'ListKeys', {})).status).toBe(200)

    expect((await s.endpoint.stop({})).running).toBe(false)
    await expect(kmsCall(status.url as string, creds, 'ListKeys', {})).rejects.toThrow(
      /ECONNREFUSED/
    )
    const again = await s.endpoint.start({ port: 0 })
    expect(again.accessKeyId).toBe(status.accessKeyId)
  })

  it('says clearly when the port is taken', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise((resolve) => taken.close(resolve)))
    const port = (taken.address() as { port: number }).port
    await expect(services().endpoint.start({ port })).rejects.toMatchObject({
      name: 'LabBusyException',
      message: `Port ${port} on 127.0.0.1 is already in use; choose another port.`
    })
  })
})
