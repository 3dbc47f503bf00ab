/**
 * Timing of a streamed body from the arrival times of its chunks: goodput, the longest silence,
 * whether it stalled. Pure arithmetic on what the throughput probe recorded.
 */
import type { TransferTiming } from './observation';

export interface ChunkArrival {
  /** ms since the epoch */
  readonly at: number;
  readonly bytes: number;
}

export interface TransferRecord {
  readonly startedAt: number;
  readonly headersAt: number;
  readonly chunks: readonly ChunkArrival[];
  /** When reading stopped: the object ended, enough was read, the body timer fired, or it broke. */
  readonly endedAt: number;
  /** Whether the object ended before the bytes the probe wanted. */
  readonly complete: boolean;
  /** A gap of at least this many ms is a stall. */
  readonly stallGapMs: number;
}

export function measureTransfer(record: TransferRecord): TransferTiming {
  const { startedAt, headersAt, chunks, endedAt } = record;
  // Silences: headers → first chunk, between chunks, last chunk → end (a freeze often follows the last bytes).
  let previous = headersAt;
  let longestGapMs = 0;
  for (const chunk of chunks) {
    longestGapMs = Math.max(longestGapMs, chunk.at - previous);
    previous = chunk.at;
  }
  longestGapMs = Math.max(longestGapMs, endedAt - previous);

  const first = chunks[0];
  const last = chunks[chunks.length - 1];
  let goodputKbps: number | undefined;
  if (first && last && chunks.length >= 2) {
    // The first chunk's bytes arrived at its own timestamp: the rate is what came after it.
    const afterFirst = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0) - first.bytes;
    // Chunks within the same millisecond: 1 ms keeps the figure finite (a floor, not a measurement).
    const spanMs = Math.max(1, last.at - first.at);
    goodputKbps = (afterFirst * 8) / spanMs; // bits per ms = kbit/s
  } else if (first) {
    // Everything in one chunk (a fast link delivers 64 KiB at once, as Chromium does on a LAN):
    // the rate is that chunk over the time since the headers, floored at 1 ms like above.
    goodputKbps = (first.bytes * 8) / Math.max(1, first.at - headersAt);
  }

  return {
    headersMs: headersAt - startedAt,
    ...(first ? { firstByteMs: first.at - startedAt } : {}),
    ...(goodputKbps !== undefined ? { goodputKbps } : {}),
    longestGapMs,
    stalled: longestGapMs >= record.stallGapMs,
    complete: record.complete,
  };
}
