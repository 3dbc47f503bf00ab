/**
 * `silence-after-hello`: the connection opens, the server reads everything the client sends and
 * never answers (packets after the ClientHello dropped). Only the client's own timer ends it.
 */
import type { HelloHandler } from './handler';

export const silenceAfterHello: HelloHandler = {
  level: 'hello',
  onHello(socket) {
    // Keep reading (and counting) whatever else comes, so the client's writes never block.
    socket.resume();
  },
};
