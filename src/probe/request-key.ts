/**
 * Request keys: how the environment's record of a request (webRequest events, the Node
 * transport's log) is found again. Keys never leave the device; the URL is sent unchanged.
 */

/** Per-process sequence: unique among requests in flight, whichever round sent them. */
let sequence = 0;

export function nextRequestKey(roundStart: number): string {
  sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER;
  return `${roundStart}-${sequence}`;
}
