/**
 * `wrong-cert:self-signed`, `wrong-cert:wrong-name`, `wrong-cert:expired`: a site that works, behind
 * a certificate a browser rejects, as an intercepting middlebox shows. The server picks the
 * certificate from the behaviour's variant (`lab-server.ts`); the answers are `ok`'s, for clients
 * that accept the certificate anyway.
 */
import type { HttpHandler } from './handler';
import { ok } from './ok';

export const wrongCertSelfSigned: HttpHandler = ok;
export const wrongCertWrongName: HttpHandler = ok;
export const wrongCertExpired: HttpHandler = ok;
