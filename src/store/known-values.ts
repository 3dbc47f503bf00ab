/**
 * Closed sets of values from the shared types, as lists, for checking imported data. The checks
 * below fail to compile when a value is added to a type and not to its list.
 */
import type { HttpMethod, ProbeKind } from '../catalogue/types';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST'] as const satisfies readonly HttpMethod[];
export const PROBE_KINDS = ['http', 'reach', 'throughput'] as const satisfies readonly ProbeKind[];

type Exhaustive<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : false;
const methodsComplete: Exhaustive<HttpMethod, typeof HTTP_METHODS> = true;
const kindsComplete: Exhaustive<ProbeKind, typeof PROBE_KINDS> = true;
void methodsComplete;
void kindsComplete;
