import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import { RESOURCE_ATTR } from '@hybridlens/conventions';

export interface ServiceIdentity {
  serviceName: string;
  serviceVersion?: string;
  environment?: string;
}

/** The resource of every signal the SDK exports: only contract attributes, no SDK or process defaults. */
export function contractResource(identity: ServiceIdentity): Resource {
  return resourceFromAttributes({
    [RESOURCE_ATTR.serviceName]: identity.serviceName,
    ...(identity.serviceVersion ? { [RESOURCE_ATTR.serviceVersion]: identity.serviceVersion } : {}),
    ...(identity.environment ? { [RESOURCE_ATTR.deploymentEnvironment]: identity.environment } : {}),
  });
}
