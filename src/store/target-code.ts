/**
 * A probe target as stored: one short string in the usual case (`e:whatsapp.web.main`), spelled
 * out only when an id breaks the catalogue's `<service>.<component>.<name>` convention.
 */
import type { TargetRef } from '../probe/observation';
import type { TargetCode } from './schema';

export function encodeTarget(target: TargetRef): TargetCode {
  switch (target.type) {
    case 'endpoint': {
      const { serviceId, componentId, endpointId } = target;
      const prefix = `${serviceId}.${componentId}.`;
      const conventional =
        !serviceId.includes('.') && !componentId.includes('.') && endpointId.startsWith(prefix) && endpointId.length > prefix.length;
      return conventional ? `e:${endpointId}` : ['e', serviceId, componentId, endpointId];
    }
    case 'control':
      return `c:${target.controlId}`;
    case 'throughput':
      return `t:${target.serviceId}`;
    case 'throughput-control':
      return `x:${target.controlId}`;
  }
}

/** The target a code stands for, or `undefined` when the code is malformed. */
export function decodeTarget(code: unknown): TargetRef | undefined {
  if (Array.isArray(code)) {
    const [type, serviceId, componentId, endpointId] = code as unknown[];
    if (code.length !== 4 || type !== 'e') return undefined;
    if (![serviceId, componentId, endpointId].every((part) => typeof part === 'string' && part !== '')) return undefined;
    return { type: 'endpoint', serviceId: serviceId as string, componentId: componentId as string, endpointId: endpointId as string };
  }
  if (typeof code !== 'string') return undefined;
  const colon = code.indexOf(':');
  const type = code.slice(0, colon);
  const id = code.slice(colon + 1);
  if (colon < 1 || id === '') return undefined;
  switch (type) {
    case 'e': {
      const [serviceId, componentId] = id.split('.', 2);
      if (serviceId === undefined || componentId === undefined || serviceId === '' || componentId === '') return undefined;
      if (id.length <= serviceId.length + componentId.length + 2) return undefined;
      return { type: 'endpoint', serviceId, componentId, endpointId: id };
    }
    case 'c':
      return { type: 'control', controlId: id };
    case 't':
      return { type: 'throughput', serviceId: id };
    case 'x':
      return { type: 'throughput-control', controlId: id };
    default:
      return undefined;
  }
}

/** The service a target belongs to, if any. */
export function serviceOfTarget(target: TargetRef): string | undefined {
  return target.type === 'endpoint' || target.type === 'throughput' ? target.serviceId : undefined;
}
