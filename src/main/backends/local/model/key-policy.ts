// Key policy documents: what CreateKey and PutKeyPolicy accept (a JSON object of at most 32 KB,
// kept verbatim), and the one policy name KMS has.
import { MalformedPolicyDocumentException, NotFoundException } from '../../../../shared/errors'

export const DEFAULT_POLICY_NAME = 'default'
export const MAX_POLICY_BYTES = 32 * 1024

/** Throws MalformedPolicyDocumentException unless `policy` is a JSON object within 32 KB. */
export function checkPolicyDocument(policy: string): void {
  if (Buffer.byteLength(policy) > MAX_POLICY_BYTES) {
    // Lab wording: the developer guide documents the 32 KB limit, not the message.
    throw new MalformedPolicyDocumentException(
      `The key policy exceeds the maximum size of ${MAX_POLICY_BYTES} bytes.`
    )
  }
  let doc: unknown
  try {
    doc = JSON.parse(policy)
  } catch {
    // The text AWS's policy engine gives for a document that does not parse.
    throw new MalformedPolicyDocumentException('Syntax errors in policy.')
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new MalformedPolicyDocumentException('Syntax errors in policy.')
  }
}

/** GetKeyPolicy and PutKeyPolicy take only the name `default`. */
export function checkPolicyName(name: string | undefined): void {
  if (name === undefined || name === DEFAULT_POLICY_NAME) return
  throw new NotFoundException('No such policy exists')
}
