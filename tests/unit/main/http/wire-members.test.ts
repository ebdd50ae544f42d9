// The codec's blob and timestamp members, re-derived from the SDK's own schemas for every
// operation KeyLab serves: the table must match them exactly.
import * as Kms from '@aws-sdk/client-kms'
import { describe, expect, it } from 'vitest'
import { INPUT_WIRE_MEMBERS, UNSERVED_KMS_OPERATIONS } from '../../../../src/main/http/wire-members'
import { OPERATION_NAMES } from '../../../../src/shared/kms/operations'

// Smithy static schemas: [0, ns, name, traits, target] simple, [1, ...] list, [2, ...] map,
// [3|-3, ns, name, traits, memberNames, memberSchemas] structure, [9, ns, name, traits, in, out]
// operation; numbers are simple types (21 blob, 4-7 timestamps), members may be [schema, traits].
type Schema = unknown
const BLOB = 21
const TIMESTAMPS = new Set([4, 5, 6, 7])

function resolve(s: Schema): Schema {
  let v = s
  for (;;) {
    if (typeof v === 'function') v = (v as () => Schema)()
    else if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'number') v = v[0]
    else if (Array.isArray(v) && v[0] === 0) v = v[4]
    else return v
  }
}

function walk(s: Schema, path: string, out: Map<string, string>): void {
  const v = resolve(s)
  if (typeof v === 'number') {
    if (v === BLOB) out.set(path, 'blob')
    if (TIMESTAMPS.has(v)) out.set(path, 'timestamp')
    if ((v & 64) !== 0 || (v & 128) !== 0) {
      const inner = v & ~(64 | 128)
      if (inner === BLOB || TIMESTAMPS.has(inner)) out.set(`${path}[]`, 'unsupported')
    }
    return
  }
  if (!Array.isArray(v)) return
  if (v[0] === 3 || v[0] === -3) {
    const names = v[4] as string[]
    const members = v[5] as Schema[]
    names.forEach((n, i) => walk(members[i], path ? `${path}.${n}` : n, out))
  } else if (v[0] === 1) walk(v[4], `${path}[]`, out)
  else if (v[0] === 2) walk(v[5], `${path}{}`, out)
}

function inputMembers(): Map<string, string> {
  const out = new Map<string, string>()
  const schemas = Kms as unknown as Record<string, Schema[]>
  for (const op of OPERATION_NAMES) {
    const schema = schemas[`${op}$`]
    expect(schema, `the SDK has a schema for ${op}`).toBeDefined()
    walk(schema[4], '', out)
  }
  return out
}

describe('wire members', () => {
  it('lists exactly the blob and timestamp members of every served request', () => {
    expect(Object.fromEntries(inputMembers())).toEqual(INPUT_WIRE_MEMBERS)
  })

  it('knows every KMS operation: served, or answered as not implemented', () => {
    const sdk = Object.keys(Kms)
      .filter((k) => k.endsWith('Command') && k !== 'Command' && k !== '$Command')
      .map((k) => k.slice(0, -'Command'.length))
      .sort()
    const known = [...OPERATION_NAMES, ...UNSERVED_KMS_OPERATIONS].sort()
    expect(known).toEqual(sdk)
  })
})
