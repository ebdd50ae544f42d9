// connections.json in the data dir: the saved AWS connections (the local lab is implicit and
// always there) and which one is active. The secret of keys entered for a custom endpoint is
// sealed with AES-256-GCM under a key derived from the data dir's root key and bound to its
// connection, so the file never holds it in plaintext and it is as safe as the lab itself; AWS
// profiles hold no secret here at all (the SDK reads ~/.aws each time). Without a data dir
// (tests), everything stays in memory.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { LabStoreException } from '../../shared/errors'
import { Sealer } from '../backends/local/crypto/seal'
import { deriveKey } from '../data/root-key'

export const CONNECTIONS_FILE = 'connections.json'
export const LAB_CONNECTION_ID = 'lab'
const FORMAT = 1

export interface StaticSecret {
  secretAccessKey: string
  sessionToken?: string
}

const credentialSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('profile'), profile: z.string().min(1) }),
  z.object({ type: z.literal('environment') }),
  z.object({ type: z.literal('static'), accessKeyId: z.string().min(1) })
])

const savedConnection = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  credentials: credentialSource,
  region: z.string().optional(),
  endpoint: z.string().optional(),
  accountId: z.string().optional(),
  /** base64 of the sealed StaticSecret (static credentials only). */
  sealedSecret: z.string().optional()
})

const fileSchema = z.object({
  format: z.literal(FORMAT),
  activeId: z.string(),
  connections: z.array(savedConnection)
})

export type SavedConnection = z.infer<typeof savedConnection>

export class ConnectionSettings {
  private connections: SavedConnection[] = []
  private active = LAB_CONNECTION_ID
  private readonly secrets = new Map<string, StaticSecret>()
  private readonly sealer?: Sealer

  constructor(
    private readonly dir?: string,
    rootKey?: Buffer
  ) {
    if (dir && !rootKey) throw new Error('a data dir needs its root key to seal secrets')
    if (rootKey) this.sealer = new Sealer(deriveKey(rootKey, 'connection secrets'))
    if (dir) this.load()
  }

  get file(): string | undefined {
    return this.dir ? join(this.dir, CONNECTIONS_FILE) : undefined
  }

  list(): SavedConnection[] {
    return this.connections.map((c) => ({ ...c }))
  }

  get(id: string): SavedConnection | undefined {
    const found = this.connections.find((c) => c.id === id)
    return found ? { ...found } : undefined
  }

  get activeId(): string {
    return this.active
  }

  add(connection: Omit<SavedConnection, 'sealedSecret'>, secret?: StaticSecret): SavedConnection {
    const saved: SavedConnection = { ...connection }
    if (secret) {
      this.secrets.set(saved.id, secret)
      if (this.sealer)
        saved.sealedSecret = this.sealer
          .seal(Buffer.from(JSON.stringify(secret)), bindingOf(saved.id))
          .toString('base64')
    }
    this.commit([...this.connections, saved], this.active)
    return { ...saved }
  }

  remove(id: string): void {
    this.commit(
      this.connections.filter((c) => c.id !== id),
      this.active === id ? LAB_CONNECTION_ID : this.active
    )
    this.secrets.delete(id)
  }

  update(id: string, patch: Pick<Partial<SavedConnection>, 'region' | 'accountId'>): void {
    const current = this.connections.find((c) => c.id === id)
    if (!current) return
    const next = { ...current, ...patch }
    if (next.region === current.region && next.accountId === current.accountId) return
    this.commit(
      this.connections.map((c) => (c.id === id ? next : c)),
      this.active
    )
  }

  setActive(id: string): void {
    if (id !== this.active) this.commit(this.connections, id)
  }

  secretOf(id: string): StaticSecret | undefined {
    const known = this.secrets.get(id)
    if (known) return known
    const sealed = this.connections.find((c) => c.id === id)?.sealedSecret
    if (!sealed || !this.sealer) return undefined
    let secret: StaticSecret
    try {
      secret = JSON.parse(
        this.sealer.open(Buffer.from(sealed, 'base64'), bindingOf(id)).toString('utf8')
      ) as StaticSecret
    } catch (cause) {
      throw new LabStoreException(
        `the saved secret of connection ${id} cannot be opened with this data dir's key`,
        { cause }
      )
    }
    this.secrets.set(id, secret)
    return secret
  }

  private load(): void {
    const file = this.file as string
    if (!existsSync(file)) return
    let parsed: z.infer<typeof fileSchema>
    try {
      parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    } catch (cause) {
      throw new LabStoreException(
        `${file} is not a KeyLab connections file (fix or remove it; it was left untouched)`,
        { cause }
      )
    }
    this.connections = parsed.connections
    const known = parsed.connections.some((c) => c.id === parsed.activeId)
    this.active = known ? parsed.activeId : LAB_CONNECTION_ID
  }

  /** Writes the new state (temp file, fsync, rename) before adopting it: all or nothing. */
  private commit(connections: SavedConnection[], activeId: string): void {
    const file = this.file
    if (file) {
      const body = JSON.stringify({ format: FORMAT, activeId, connections }, null, 2) + '\n'
      const tmp = `${file}.tmp-${process.pid}`
      writeFileSync(tmp, body, { mode: 0o600 })
      const fd = openSync(tmp, 'r')
      try {
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(tmp, file)
    }
    this.connections = connections
    this.active = activeId
  }
}

function bindingOf(id: string): string {
  return `keylab connection ${id}`
}
