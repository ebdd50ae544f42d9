// One call from the renderer (over Electron IPC or the web bridge) to the services: checks the
// method exists and the input is a plain object of bounded size, validates console inputs,
// runs it, and always answers with a Result, never a throw.
import { z } from 'zod'
import { asKmsError, UnknownOperationException, ValidationException } from '../../shared/errors'
import { isMethod, type Apis, type Result } from '../../shared/ipc/contract'
import { parseInput } from '../kms/validation'
import { CONSOLE_SCHEMAS } from './schemas'

/** Upper bound on one request's size: strings count their length, bytes their byteLength. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024
const MAX_DEPTH = 32

const plainObject = z.custom<Record<string, unknown>>(
  (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array),
  { message: 'Member must be a structure' }
)

function sizeOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH) return Infinity
  if (typeof value === 'string') return value.length
  if (value instanceof Uint8Array) return value.byteLength
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + sizeOf(v, depth + 1), 0)
  if (value !== null && typeof value === 'object') {
    let n = 0
    for (const [k, v] of Object.entries(value)) n += k.length + sizeOf(v, depth + 1)
    return n
  }
  return 8
}

export async function dispatch(
  services: Apis,
  api: string,
  method: string,
  input: unknown
): Promise<Result<unknown>> {
  try {
    if (!isMethod(api, method)) {
      throw new UnknownOperationException(`${api}.${method} is not an operation of KeyLab's API`)
    }
    const args = input === undefined ? {} : input
    if (!plainObject.safeParse(args).success) {
      throw new ValidationException('1 validation error detected: the request must be a structure')
    }
    if (sizeOf(args) > MAX_INPUT_BYTES) {
      throw new ValidationException(
        `The request is larger than ${MAX_INPUT_BYTES} bytes or nested too deeply`
      )
    }
    const schema = api === 'kms' ? undefined : CONSOLE_SCHEMAS[api as 'app' | 'lab' | 'iam'][method]
    const parsed = schema ? parseInput(schema, args) : args
    const target = (
      services as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
    )[api]
    return { ok: true, value: await target[method](parsed) }
  } catch (e) {
    return { ok: false, error: asKmsError(e).toWire() }
  }
}
