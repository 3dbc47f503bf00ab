import { describe, expect, it } from 'vitest';
import { fitsInMessage, MESSAGE_LIMIT_BYTES, utf8Bytes } from '../src/message-limit';

describe('the message limit', () => {
  it('counts UTF-8 bytes as the browser does', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('ж')).toBe(2);
    expect(utf8Bytes('中')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
    expect(utf8Bytes('é😀ж')).toBe(new TextEncoder().encode('é😀ж').length);
  });

  it('refuses a message whose JSON is over 64 MiB, counting the escaping a text gets', () => {
    const fits = 'a'.repeat(MESSAGE_LIMIT_BYTES - 100);
    expect(fitsInMessage({ type: 'importData', text: fits })).toBe(true);
    // Each quote grows to two bytes once escaped: half the limit in quotes no longer fits.
    expect(fitsInMessage({ type: 'importData', text: '"'.repeat(MESSAGE_LIMIT_BYTES / 2 + 1) })).toBe(false);
    expect(fitsInMessage({ type: 'importData', text: 'a'.repeat(MESSAGE_LIMIT_BYTES) })).toBe(false);
  });
});
