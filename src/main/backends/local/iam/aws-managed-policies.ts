// The AWS managed policies the lab ships: the ones the KMS workshop uses and the broad ones a
// lab needs. Documents as AWS publishes them (AWSKeyManagementServicePowerUser exactly as the
// workshop prints it).
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSKeyManagementServicePowerUser.html

export interface AwsManagedPolicy {
  policyName: string
  description: string
  /** Other names people search for it by (the workshop calls it AWSKeyManagementSystemPowerUser). */
  searchAliases?: string[]
  document: object
}

const doc = (statements: object[]): object => ({ Version: '2012-10-17', Statement: statements })

export const AWS_MANAGED_POLICIES: AwsManagedPolicy[] = [
  {
    policyName: 'AWSKeyManagementServicePowerUser',
    description: 'Provides access to AWS Key Management Service (AWS KMS).',
    searchAliases: ['AWSKeyManagementSystemPowerUser'],
    document: doc([
      {
        Effect: 'Allow',
        Action: [
          'kms:CreateAlias',
          'kms:CreateKey',
          'kms:DeleteAlias',
          'kms:Describe*',
          'kms:GenerateRandom',
          'kms:Get*',
          'kms:List*',
          'kms:TagResource',
          'kms:UntagResource',
          'iam:ListGroups',
          'iam:ListRoles',
          'iam:ListUsers'
        ],
        Resource: '*'
      }
    ])
  },
  {
    policyName: 'AdministratorAccess',
    description: 'Provides full access to AWS services and resources.',
    document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }])
  },
  {
    policyName: 'PowerUserAccess',
    description:
      'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    document: doc([
      {
        Effect: 'Allow',
        NotAction: ['iam:*', 'organizations:*', 'account:*'],
        Resource: '*'
      },
      {
        Effect: 'Allow',
        Action: [
          'account:GetAccountInformation',
          'account:GetPrimaryEmail',
          'account:ListRegions',
          'iam:CreateServiceLinkedRole',
          'iam:DeleteServiceLinkedRole',
          'iam:ListRoles',
          'organizations:DescribeOrganization'
        ],
        Resource: '*'
      }
    ])
  }
]

export function awsManagedPolicyArn(name: string): string {
  return `arn:aws:iam::aws:policy/${name}`
}
