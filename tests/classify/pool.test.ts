/**
 * A pool of interchangeable hosts (WhatsApp's chat servers e1…e16) is never judged on one host:
 * the chat component fails only when `perRound` different hosts failed and none answered.
 */
import { describe, expect, it } from 'vitest';
import { classifyRound } from '../../src/classify/classify-round';
import { hostsNeededToFail } from '../../src/classify/classify-service';
import type { Service } from '../../src/catalogue/types';
import type { Observation } from '../../src/probe/observation';
import { controlUp, failure as messengerFailure, answer as messengerAnswer, CONTROLS, MESSENGER } from './fixtures';

const SOURCE = { ref: 'test fixture', checked: '2026-11-01' };
const POOLED: Service = {
  ...MESSENGER,
  components: MESSENGER.components.map((component) =>
    component.id === 'chat'
      ? {
          ...component,
          pool: { perRound: 3 },
          endpoints: Array.from({ length: 6 }, (_, index) => ({
            id: `x.chat.e${index + 1}`,
            kind: 'reach' as const,
            url: `https://e${index + 1}.x.test/`,
            method: 'HEAD' as const,
            reachedOn: ['tls_cert_authority' as const],
            source: SOURCE,
          })),
        }
      : component,
  ),
};

const ONLINE = [controlUp('intl-a', true), controlUp('intl-b', true)];
const failed = (host: string, code: 'connect_timeout' | 'dns_nxdomain' = 'connect_timeout'): Observation => messengerFailure(`x.chat.${host}`, 'chat', code);

function verdictOf(observations: Observation[]) {
  return classifyRound({ roundStart: 1, at: 2, observations: [...ONLINE, ...observations], services: [POOLED], controls: CONTROLS, country: 'RU' }).services[0]!;
}

describe('a pool of chat hosts', () => {
  it('needs perRound different hosts to fail, at most the pool size, and one for an ordinary component', () => {
    expect(hostsNeededToFail(POOLED.components.find((component) => component.id === 'chat')!)).toBe(3);
    expect(hostsNeededToFail({ id: 'c', role: 'chat', pool: { perRound: 5 }, endpoints: POOLED.components[1]!.endpoints.slice(0, 2) })).toBe(2);
    expect(hostsNeededToFail(MESSENGER.components[1]!)).toBe(1);
  });

  // Every row: what the chat hosts did this round → the chat component's verdict and the service's state.
  it.each([
    ['one host failed, its siblings untried', [failed('e1')], null, 'unknown'],
    ['the same host failed twice', [failed('e1'), failed('e1')], null, 'unknown'],
    ['two of three hosts failed', [failed('e1'), failed('e2')], null, 'unknown'],
    ['three different hosts failed', [failed('e1'), failed('e2'), failed('e3')], false, 'blocked'],
    ['two failed and one answered', [failed('e1'), failed('e2'), messengerAnswer('x.chat.e3', 'chat')], true, 'reachable'],
    ['one answered alone', [messengerAnswer('x.chat.e4', 'chat')], true, 'reachable'],
  ] as const)('%s', (_name, observations, chatOk, state) => {
    const verdict = verdictOf([...observations]);
    const chat = verdict.components.find((component) => component.componentId === 'chat');
    if (chatOk === null) expect(chat).toBeUndefined();
    else expect(chat?.ok).toBe(chatOk);
    expect(verdict.state).toBe(state);
  });

  it('one chat host failing while the web client answers is not a partial block', () => {
    const verdict = verdictOf([messengerAnswer('x.web.main', 'web'), failed('e5')]);
    expect(verdict.state).toBe('reachable');
    expect(verdict.how).toBeUndefined();
  });

  it('three chat hosts failing DNS while the web client answers is partial, how=dns', () => {
    const verdict = verdictOf([messengerAnswer('x.web.main', 'web'), failed('e1', 'dns_nxdomain'), failed('e2', 'dns_nxdomain'), failed('e3', 'dns_nxdomain')]);
    expect(verdict).toMatchObject({ state: 'partial', how: 'dns' });
  });
});
