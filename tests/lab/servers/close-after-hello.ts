/**
 * `close-after-hello`: the server reads the client's first bytes, then closes the connection with
 * a FIN (seen in Uzbekistan): no reset, just an end before any answer. Node reports it during a
 * TLS handshake as "Client network socket disconnected before secure TLS connection was
 * established"; undici over plain HTTP as "other side closed".
 */
import type { HelloHandler } from './handler';

export const closeAfterHello: HelloHandler = {
  level: 'hello',
  onHello(socket) {
    socket.end();
  },
};
