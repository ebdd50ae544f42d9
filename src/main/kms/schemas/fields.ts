// Field schemas with the constraints the KMS API reference publishes for each member, shared by
// every operation's input schema.
import { z } from 'zod'
import { KEY_SPECS, AWS_ONLY_KEY_SPECS, KEY_USAGES, ORIGINS } from '../../../shared/kms/enums'

export const keyId = z.string().min(1).max(2048)
export const description = z.string().max(8192)
/** AWS's pattern: tab, newline, carriage return and U+0020-U+00FF. */
// eslint-disable-next-line no-control-regex
const POLICY_CHARS = /^[\u0009\u000A\u000D\u0020-\u00FF]+$/
export const policy = z.string().min(1).max(131072).regex(POLICY_CHARS)
export const policyName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w]+$/)
export const marker = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[\u0020-\u00FF]*$/)
export const limit = (max: number) => z.number().int().min(1).max(max)
export const aliasName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9:/_-]+$/)
export const tagKey = z.string().min(1).max(128)
export const tag = z.object({
  TagKey: tagKey,
  TagValue: z.string().max(256)
})
export const tags = z.array(tag)
export const tagKeys = z.array(tagKey)
export const grantTokens = z.array(z.string().min(1).max(8192)).max(10)
/**
 * A map of strings, every key kept. z.record copies a map into a fresh object by assignment,
 * which runs Object.prototype's __proto__ setter for a "__proto__" key and so drops that pair:
 * an encryption context {"__proto__": "a"} was bound as {} and decrypted without it. The map is
 * checked by z.record (its issues, and so AWS's messages, unchanged) and kept as given.
 */
const stringMap = z.record(z.string(), z.string())
export const encryptionContext = z.unknown().transform((value, ctx) => {
  const checked = stringMap.safeParse(value)
  if (!checked.success) {
    for (const issue of checked.error.issues)
      ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0])
    return z.NEVER
  }
  return Object.fromEntries(Object.entries(value as Record<string, string>))
})
/** A binary member; its length is checked with AWS's "Member must have length ..." wording. */
export const blob = (min: number, max: number) =>
  z.instanceof(Uint8Array).superRefine((b, ctx) => {
    if (b.length < min)
      ctx.addIssue({ code: 'too_small', origin: 'array', minimum: min, inclusive: true, input: b })
    if (b.length > max)
      ctx.addIssue({ code: 'too_big', origin: 'array', maximum: max, inclusive: true, input: b })
  })
export const dryRun = z.boolean()
export const customKeyStoreId = z.string().min(1).max(64)
/** The member range; the 7-30 day rule is checked by ScheduleKeyDeletion itself. */
export const pendingWindowInDays = z.number().int().min(1).max(365)
export const rotationPeriodInDays = z.number().int().min(90).max(2560)
export const includeKeyMaterial = z.enum(['ALL_KEY_MATERIAL', 'ROTATIONS_ONLY'])

export const keySpec = z.enum([...KEY_SPECS, ...AWS_ONLY_KEY_SPECS])
export const keyUsage = z.enum(KEY_USAGES)
export const origin = z.enum(ORIGINS)
/** AWS's BackingKeyIdType: a KeyMaterialId, 64 hex characters. */
export const keyMaterialId = z
  .string()
  .length(64)
  .regex(/^[a-f0-9]+$/)
