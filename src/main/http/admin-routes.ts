// The endpoint's own routes under /_keylab/, signed with the lab credentials like any KMS call:
// health, the lab clock (read, advance) and reset (wipe the lab; only with --allow-reset).
import { AccessDeniedException, ValidationException } from '../../shared/errors'
import type { LabEngine } from '../backends/local/engine'
import { LAB_OPERATIONS } from '../backends/local/operations'
import { CREDENTIALS_META } from './credentials'

export const ADMIN_PREFIX = '/_keylab/'

export interface AdminContext {
  engine: LabEngine
  allowReset: boolean
  version: string
}

export interface AdminAnswer {
  status: number
  body: unknown
}

export interface ClockState {
  /** Lab time, epoch ms, and the same as ISO 8601. */
  now: number
  iso: string
  /** How far the lab clock runs ahead of real time, ms. */
  offsetMs: number
}

const ADVANCE_UNITS: Record<string, number> = {
  ms: 1,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000
}
const MAX_ADVANCE_MS = 3650 * 86_400_000

function clockState(engine: LabEngine): ClockState {
  const now = engine.clock.now()
  return { now, iso: new Date(now).toISOString(), offsetMs: engine.clock.offsetMs }
}

/** `{"ms"|"minutes"|"hours"|"days": n, ...}` summed, each a whole non-negative number. */
function advanceBy(body: unknown): number {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationException('The clock advance must be a JSON object such as {"days": 7}.')
  }
  let ms = 0
  for (const [unit, value] of Object.entries(body)) {
    const scale = ADVANCE_UNITS[unit]
    if (scale === undefined) {
      throw new ValidationException(`Unknown clock unit '${unit}': use ms, minutes, hours or days.`)
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new ValidationException(`'${unit}' must be a whole number of at least 0.`)
    }
    ms += value * scale
  }
  if (ms > MAX_ADVANCE_MS)
    throw new ValidationException('The lab clock moves at most 3650 days at once.')
  return ms
}

function parseJson(body: Buffer): unknown {
  if (!body.length) return {}
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw new ValidationException('The request body is not valid JSON.')
  }
}

const notAllowed = (method: string, path: string): AdminAnswer => ({
  status: 405,
  body: { __type: 'MethodNotAllowed', message: `${method} is not allowed on ${path}.` }
})

/** Answers one admin request (already authenticated). */
export async function adminRoute(
  ctx: AdminContext,
  method: string,
  path: string,
  body: Buffer
): Promise<AdminAnswer> {
  switch (path) {
    case `${ADMIN_PREFIX}health`:
      if (method !== 'GET') return notAllowed(method, path)
      return {
        status: 200,
        body: {
          status: 'ok',
          version: ctx.version,
          accountId: ctx.engine.accountId,
          operations: Object.keys(LAB_OPERATIONS).sort(),
          allowReset: ctx.allowReset,
          clock: clockState(ctx.engine)
        }
      }
    case `${ADMIN_PREFIX}clock`:
      if (method === 'GET') return { status: 200, body: clockState(ctx.engine) }
      if (method !== 'POST') return notAllowed(method, path)
      await ctx.engine.advanceClock(advanceBy(parseJson(body)))
      return { status: 200, body: clockState(ctx.engine) }
    case `${ADMIN_PREFIX}reset`:
      if (method !== 'POST') return notAllowed(method, path)
      if (!ctx.allowReset) {
        throw new AccessDeniedException(
          'Resetting the lab is off: start keylab serve with --allow-reset to allow it.'
        )
      }
      await ctx.engine.reset([CREDENTIALS_META])
      return { status: 200, body: { reset: true, clock: clockState(ctx.engine) } }
    default:
      return {
        status: 404,
        body: {
          __type: 'NotFound',
          message: `No admin route ${path}: use ${ADMIN_PREFIX}health, ${ADMIN_PREFIX}clock or ${ADMIN_PREFIX}reset.`
        }
      }
  }
}
