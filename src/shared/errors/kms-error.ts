// The error model shared by every process: one class per AWS exception name, a client or server
// fault, and a plain wire form that crosses IPC and HTTP and is revived into the same class.

export type Fault = 'client' | 'server'

/** Extra facts some errors carry (e.g. an authorization explanation); plain JSON only. */
export type ErrorDetails = Record<string, unknown>

export interface WireError {
  name: string
  message: string
  fault: Fault
  details?: ErrorDetails
}

export class KmsError extends Error {
  readonly fault: Fault
  details?: ErrorDetails

  constructor(name: string, message: string, fault: Fault = 'client', options?: ErrorOptions) {
    super(message, options)
    this.name = name
    this.fault = fault
  }

  toWire(): WireError {
    const wire: WireError = { name: this.name, message: this.message, fault: this.fault }
    if (this.details) wire.details = this.details
    return wire
  }
}

export type KmsErrorClass = new (message: string, options?: ErrorOptions) => KmsError

const registry = new Map<string, KmsErrorClass>()

/** Defines an error class whose `name` is exactly the AWS exception name. */
export function defineError(name: string, fault: Fault = 'client'): KmsErrorClass {
  const cls = class extends KmsError {
    constructor(message: string, options?: ErrorOptions) {
      super(name, message, fault, options)
    }
  }
  Object.defineProperty(cls, 'name', { value: name })
  registry.set(name, cls)
  return cls
}

export function errorClass(name: string): KmsErrorClass | undefined {
  return registry.get(name)
}

/** Revives a wire error into its class; a name we do not know keeps its name on a KmsError. */
export function errorFromWire(wire: WireError): KmsError {
  const cls = registry.get(wire.name)
  const error = cls ? new cls(wire.message) : new KmsError(wire.name, wire.message, wire.fault)
  if (wire.details) error.details = wire.details
  return error
}
