// The lab's record of one alias (per region, pointing at one key).

export interface LabAlias {
  aliasName: string
  region: string
  accountId: string
  targetKeyId: string
  createdAt: number
  updatedAt: number
}

export function aliasArnOf(alias: LabAlias): string {
  return `arn:aws:kms:${alias.region}:${alias.accountId}:${alias.aliasName}`
}
