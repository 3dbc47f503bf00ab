/** The catalogue's services, in the order the popup lists them. */
import type { Service } from '../types';
import { DISCORD } from './discord';
import { INSTAGRAM } from './instagram';
import { MESSENGER } from './messenger';
import { SIGNAL } from './signal';
import { TELEGRAM } from './telegram';
import { VIBER } from './viber';
import { WHATSAPP } from './whatsapp';
import { X } from './x';
import { YOUTUBE } from './youtube';

export const SERVICES: readonly Service[] = [WHATSAPP, TELEGRAM, SIGNAL, MESSENGER, INSTAGRAM, YOUTUBE, X, DISCORD, VIBER];
