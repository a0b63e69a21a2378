import { describe, expect, it } from 'vitest';
import { SELECT_SITUATIONS, selectReadable, stateAfterCall } from '../../../src/machines/tcp/socket-calls';

describe('socket calls on RFC 9293 rules', () => {
  it('socket() and bind() make no connection; listen() waits; connect() sends the SYN; accept() returns an established connection; close() sends the FIN', () => {
    expect(stateAfterCall('socket')).toBe('CLOSED');
    expect(stateAfterCall('bind')).toBe('CLOSED');
    expect(stateAfterCall('listen')).toBe('LISTEN');
    expect(stateAfterCall('connect')).toBe('SYN-SENT');
    expect(stateAfterCall('accept')).toBe('ESTABLISHED');
    expect(stateAfterCall('close')).toBe('FIN-WAIT-1');
  });
});

describe('select(): which sockets are readable', () => {
  it('a listening socket once a handshake completed; a connected one with data or a FIN waiting; idle ones are not', () => {
    const readable = Object.fromEntries(SELECT_SITUATIONS.map((s) => [s, selectReadable(s)]));
    expect(readable).toEqual({
      'listening-idle': false,
      'listening-handshake-done': true,
      'connected-idle': false,
      'connected-data-arrived': true,
      'peer-sent-fin': true,
    });
  });
});
