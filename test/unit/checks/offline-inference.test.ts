import { describe, expect, it } from 'vitest';
import { failureOf } from '../../../electron/services/checks/fetch-bounded';
import { offlineState, reachedNoOtherSite, stateOf, type LinkState } from '../../../electron/services/checks/link-check';

const err = (code: string, message = code) => Object.assign(new Error(message), { code });
const broken = (code: string): LinkState => stateOf(0, failureOf(err(code)), 'http://h.example/');

describe('classifying failures by cause', () => {
  it('names DNS, refused, unreachable, timeout and resource failures', () => {
    expect(
      [
        'ENOTFOUND',
        'EAI_AGAIN',
        'ECONNREFUSED',
        'ECONNRESET',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'ETIMEDOUT',
        'EMFILE',
        'ENFILE',
        'ENOMEM',
      ].map((c) => failureOf(err(c)).kind),
    ).toEqual(['dns', 'dns', 'refused', 'refused', 'unreachable', 'unreachable', 'timeout', 'resource', 'resource', 'resource']);
  });

  it('never calls a link broken when this machine ran out of files or memory', () => {
    for (const code of ['EMFILE', 'ENFILE', 'ENOMEM'])
      expect(broken(code)).toMatchObject({ state: 'unverified', reason: expect.stringContaining('检查程序资源不足') });
  });
});

describe('working offline', () => {
  it('takes no answer from any other site as offline, a literal IP address that fails included', () => {
    // The old rule (every host a DNS failure) flipped on one literal IP address that was refused.
    expect(reachedNoOtherSite([broken('ENOTFOUND'), broken('ENOTFOUND'), broken('ECONNREFUSED'), broken('ENETUNREACH')])).toBe(true);
    expect(reachedNoOtherSite([broken('ENOTFOUND')])).toBe(true);
    expect(offlineState(broken('ENOTFOUND'))).toMatchObject({
      state: 'unverified',
      reason: expect.stringContaining('本机连不上任何外部网站'),
    });
  });

  it('takes any answer of another site (an HTTP error too) as a working network: a name that does not resolve is then broken', () => {
    expect(reachedNoOtherSite([broken('ENOTFOUND'), { state: 'broken', reason: 'HTTP 404' }])).toBe(false);
    expect(reachedNoOtherSite([broken('ENOTFOUND'), { state: 'ok' }])).toBe(false);
    expect(reachedNoOtherSite([broken('ENOTFOUND'), { state: 'unverified', reason: 'HTTP 503，服务器要求稍后再试，未能确认' }])).toBe(
      false,
    );
    expect(reachedNoOtherSite([{ state: 'unverified', reason: '检查已停止，未检查' }])).toBe(false);
    expect(offlineState({ state: 'broken', reason: 'HTTP 404' })).toEqual({ state: 'broken', reason: 'HTTP 404' });
  });
});
