/**
 * `reset-after-hello`: what a DPI box does on a forbidden SNI. The server reads the client's first
 * bytes (the TLS ClientHello, or a plain HTTP request), then answers with a TCP RST: the client
 * sees ECONNRESET (Chromium: net::ERR_CONNECTION_RESET).
 */
import type { HelloHandler } from './handler';

export const resetAfterHello: HelloHandler = {
  level: 'hello',
  onHello(socket) {
    // SO_LINGER 0 then close: the kernel sends RST instead of FIN.
    socket.resetAndDestroy();
  },
};
