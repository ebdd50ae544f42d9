// For the endpoint's SigV4 check: the secret of an access key and the principal it signs as.
// One call: `const found = await lookupAccessKey(engine, accessKeyId)`; then verify the
// signature with found.secretAccessKey and pass found.principalArn as Caller.principalArn.
import type { LabEngine } from '../engine'
import { IamDirectory } from './iam-directory'

export interface AccessKeyLookup {
  secretAccessKey: string
  principalArn: string
}

export function lookupAccessKey(
  engine: LabEngine,
  accessKeyId: string
): Promise<AccessKeyLookup | undefined> {
  return engine.admin({ region: 'us-east-1' }, (ctx) =>
    new IamDirectory(ctx.state, ctx.accountId).accessKey(accessKeyId)
  )
}
