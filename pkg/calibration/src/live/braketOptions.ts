/** Amazon Braket GetDevice for each configured device ARN, through @aws-sdk/client-braket. */
export interface BraketLiveOptions {
  deviceArns: string[];
  region: string;
  /** Override of the service endpoint (tests point it at 127.0.0.1). */
  endpoint?: string;
}

/** Options from the environment, or null when no devices or no AWS credentials are configured. */
export function braketOptionsFromEnv(env: NodeJS.ProcessEnv): BraketLiveOptions | null {
  const deviceArns = (env.HYBRIDLENS_BRAKET_DEVICE_ARNS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const hasCredentials = Boolean(
    (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) ||
    env.AWS_PROFILE ||
    env.AWS_WEB_IDENTITY_TOKEN_FILE ||
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI
  );
  if (deviceArns.length === 0 || !hasCredentials) {
    return null;
  }
  return {
    deviceArns,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    endpoint: env.HYBRIDLENS_BRAKET_ENDPOINT || undefined,
  };
}
