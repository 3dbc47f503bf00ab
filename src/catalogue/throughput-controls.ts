/**
 * Throughput controls: big objects on fast networks unrelated to any tested service, read the
 * same way and to the same size as the services' objects, so their goodput is the yardstick a
 * throttled service is compared with. Two unrelated networks, because one of them may itself be
 * slowed (Russia has frozen Cloudflare flows after ~16 KB since 2025): the best one counts.
 * Both are binary objects, so no content encoding inflates the bytes counted.
 */
import { readSource } from './sources';
import type { ThroughputControl } from './types';

/** The same read size as every service's throughput object (see services/). */
const BYTES = 65_536;

export const THROUGHPUT_CONTROLS: readonly ThroughputControl[] = [
  {
    // Generated on the fly at exactly the size asked for; no Range needed.
    id: 'intl.cloudflare-speed',
    url: `https://speed.cloudflare.com/__down?bytes=${BYTES}`,
    bytes: BYTES,
    range: false,
    region: 'intl',
    source: readSource('speed tests in public code (https://speed.cloudflare.com/__down?bytes=N); the 16 KB freeze it detects: net4people/bbs#490, Cloudflare blog 2025-06-26 (docs/sources.md#tspu-freeze)'),
  },
  {
    // A Go release archive: versioned, kept forever, checksummed by the Docker official image.
    id: 'intl.google-dl',
    url: 'https://dl.google.com/go/go1.21.0.src.tar.gz',
    bytes: BYTES,
    range: true,
    region: 'intl',
    source: readSource('docker-library/golang Dockerfiles (url https://dl.google.com/go/go1.21.0.src.tar.gz with its sha256); Range assumed for Google’s download host, not verified here'),
  },
];
