/**
 * Tunables, each with its unit and the reason for its value. Sources are in
 * docs/sources.md#method (OONI dd-007, Encore, Uptime Kuma, net4people reports).
 */

/** Reachability round interval, minutes. Compare OONI's hourly autorun (too slow to alert) and Pingdom's 1 min (too costly on a metered phone plan). */
export const ROUND_INTERVAL_MIN = 5;
/** Bounds of the user's interval setting, minutes. Chrome clamps packed MV3 alarms to ≥ 30 s. */
export const SHORTEST_ROUND_INTERVAL_MIN = 1;
export const LONGEST_ROUND_INTERVAL_MIN = 60;
/**
 * Jitter around every periodic round, ms (± half of it, so ± 15 s): rounds of many users do not
 * align, and on average the interval stays the interval. Kept small because the latest round
 * (interval + 15 s) bounds how long a fresh block goes unseen: the worst detection latency is that
 * plus the confirmation span (`npm run bench` measures it, aim ≤ 7 min).
 */
export const ROUND_JITTER_MAX_MS = 30_000;

/**
 * The longest outage of a service that must never confirm a block, ms (issue 11: a server restart,
 * a routing flap or a resolver hiccup lasts up to a minute). With CONFIRM_BAD_OF = 3, the three
 * bad rounds of a confirmation must lie further apart than this: a shorter outage cannot cover
 * them all.
 */
export const OUTAGE_TOLERATED_MS = 60_000;
/** An alarm this early is still "due", ms: browsers may fire alarms slightly early or late. The confirmation spacing allows for it. */
export const ALARM_SLACK_MS = 2_000;
/**
 * Confirmation rounds after a suspicious round: how many, and how far apart (ms, from the end of
 * one round to the start of the next). 40 s: the suspicious round and its two confirmations then
 * start at least 2 × 40 s − 2 × 2 s (alarm slack) = 76 s apart, more than OUTAGE_TOLERATED_MS
 * with 16 s to spare, so a 60 s outage never confirms; and a block is confirmed about 80 s after
 * the round that first saw it (60 s apart took 120 s). Chromium keeps a DNS answer up to ~1 min:
 * the first confirmation may read the suspicious round's answer from that cache, but the second,
 * ≥ 76 s after the first round, looks the name up afresh, so two lookups ≥ 76 s apart must both
 * fail before a block is confirmed.
 */
export const CONFIRMATION_ROUNDS = 2;
export const CONFIRMATION_SPACING_MS = 40_000;

/** A bad state is confirmed when it is seen in this many of the last CONFIRM_WINDOW valid rounds (Encore's binomial test gives 3 of 3 / 4 of 5 at p=0.7; 3 of 4 at 5 % flakiness ≈ 5·10⁻⁴ false alarms per decision). */
export const CONFIRM_BAD_OF = 3;
export const CONFIRM_WINDOW = 4;
/** Clean valid rounds in a row that end a confirmed bad state (hysteresis, as Prometheus' keep_firing_for). */
export const RECOVER_CLEAN_ROUNDS = 3;

/** Our own timer for a request to reach its response headers, ms. Chrome's own TLS timer is 30 s and its TCP one ~2 min; OONI uses 15 s for connect. */
export const HEADERS_TIMEOUT_MS = 15_000;
/** Our own timer for reading a body, ms (OONI dd-007: 10 s for HTTP). */
export const BODY_TIMEOUT_MS = 10_000;
/** Bytes of an answer read to compare against blockpage fingerprints; blockpages are small pages. */
export const BLOCKPAGE_SNIFF_BYTES = 8 * 1024;

/** Throughput objects: the most bytes a probe reads (OONI dd-007 caps at 512 KiB) and the least that passes the ~16 KB freeze of foreign flows. */
export const THROUGHPUT_MAX_BYTES = 512 * 1024;
export const THROUGHPUT_MIN_BYTES = 64 * 1024;
/** No body bytes for this long means the transfer stalled, ms (net4people#490: flows freeze after 15–20 KB without a RST). */
export const STALL_GAP_MS = 5_000;
/** Target goodput at or below this fraction of the best control's is `slow` (OONI: a ≥10× slowdown is "extreme" throttling). */
export const SLOW_RATIO = 0.1;
/** A control must reach this goodput for a ratio to mean anything, kbit/s: enough to resolve 10× against 128–512 kbit/s policers. */
export const CONTROL_MIN_GOODPUT_KBPS = 1_000;
/** Below this target goodput, kbit/s, a throughput control is fetched to judge; above it the target cannot be throttled to 10× of anything we could tell. */
export const THROUGHPUT_SUSPECT_KBPS = 2_000;
/** Response-headers latency above which a reachable service "looks slow" and gets a throughput probe at once, ms. OONI's Kazakhstan finding: throttled handshakes had a > 4 s median. */
export const SLOW_LOOKING_LATENCY_MS = 4_000;
/**
 * Unattended speed samples: the longest a service goes without one, minutes. A throttled service
 * reads "reachable" to every other probe, so only these samples find it: every 2 h where the
 * service has been throttled in the user's country before (catalogue/throttling-history.ts), every
 * 6 h elsewhere. At the default objects (64 KiB) that is ≈ 4–5 MB a day for the catalogue, inside the
 * daily budget all day long (tests/schedule/default-day.test.ts; `npm run bench` measures it in Chromium).
 */
export const SPEED_SAMPLE_MAX_AGE_THROTTLED_MIN = 120;
export const SPEED_SAMPLE_MAX_AGE_MIN = 360;
/**
 * Bytes one round may spend on speed samples, objects and throughput controls together (1 MB):
 * "Check now" samples every service with an object (9 × 64 KiB plus two 64 KiB controls ≈ 0.8 MB
 * on the wire), and one click must stay cheap on a metered phone plan.
 */
export const SPEED_SAMPLE_BYTES_PER_ROUND = 1_000_000;

/**
 * Requests in flight at once in a round. All of a full sweep (≈ 46 requests) start together, so a
 * round in which everything is black-holed takes one timeout, not one per wave; the hosts are
 * nearly all different, and Chrome allows 6 connections per host and 256 in all.
 */
export const ROUND_CONCURRENCY = 64;

/**
 * Daily data budget for probes, bytes (40 MB): once the day's estimated traffic reaches it, speed
 * samples pause until local midnight; reachability rounds go on. It must sit above what the
 * default schedule itself costs, or the schedule breaks its own promise of a speed sample every
 * 2 h / 6 h: at the defaults a day costs ≈ 26 MB by the extension's estimate (`estimateDay`,
 * src/schedule/day-estimate.ts; Chromium measured 24.8 MB in the browser lab), so the former 15 MB
 * was spent by late afternoon and every evening went unsampled. 40 MB leaves ≈ 14 MB for Check now
 * (≤ 1 MB a click) and for the confirmation rounds and sweeps of a bad day. A person on a small
 * plan can set less, and the options page then says samples will stop before the day is out.
 */
export const DATA_BUDGET_BYTES_PER_DAY = 40 * 1000 * 1000;

/** Raw observations and round verdicts are kept this long, days; older rounds survive as daily roll-ups. */
export const RAW_RETENTION_DAYS = 30;
/** Daily roll-ups are kept this long, days. */
export const ROLLUP_RETENTION_DAYS = 365;
/** The history database is pruned towards this size, bytes (estimated from record counts). */
export const HISTORY_SIZE_BUDGET_BYTES = 20 * 1000 * 1000;
