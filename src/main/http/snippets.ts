// What `keylab serve` prints and Settings shows: ready-to-paste aws CLI setups for the endpoint.
import type { EndpointCredential } from './credentials'

export interface EndpointSnippets {
  /** A named aws CLI profile (endpoint_url included), then a call with it. */
  awsConfigure: string
  /** One command with the credentials in the environment and --endpoint-url. */
  example: string
}

export const PROFILE = 'keylab'

export function endpointSnippets(
  url: string,
  region: string,
  credential: EndpointCredential
): EndpointSnippets {
  const set = (name: string, value: string): string =>
    `aws configure set ${name} ${value} --profile ${PROFILE}`
  return {
    awsConfigure: [
      set('aws_access_key_id', credential.accessKeyId),
      set('aws_secret_access_key', credential.secretAccessKey),
      set('region', region),
      set('endpoint_url', url),
      `aws kms list-keys --profile ${PROFILE}`
    ].join('\n'),
    example:
      `AWS_ACCESS_KEY_ID=${credential.accessKeyId} AWS_SECRET_ACCESS_KEY=${credential.secretAccessKey} ` +
      `aws kms create-key --description "my first lab key" --region ${region} --endpoint-url ${url}`
  }
}
