/**
 * The largest message a page can hand to the background. Chromium serialises a
 * `runtime.sendMessage` payload to JSON and refuses it when that text is longer than 64 MiB
 * (`kMaxMessageLength` in extensions/renderer/messaging_util.cc; its test `TestMaximumMessageSize`,
 * https://chromium.googlesource.com/chromium/src/+/a753229/extensions/renderer/messaging_util_unittest.cc,
 * shows a 65 MiB string refused with "Message length exceeded maximum allowed length."). Firefox
 * clones messages without such a limit; the same bound is used there so both browsers accept the
 * same files.
 */
export const MESSAGE_LIMIT_BYTES = 64 * 1024 * 1024;

/** UTF-8 length of a text, bytes, without building the encoded copy (a 40 MB file would double memory). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether a message's JSON fits the browser's limit (quotes and control characters in a text grow when escaped). */
export function fitsInMessage(message: unknown): boolean {
  const json = JSON.stringify(message);
  return json !== undefined && utf8Bytes(json) <= MESSAGE_LIMIT_BYTES;
}
