// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveFileInPage } from '../../extension/shared/ui/save-file';

afterEach(() => vi.restoreAllMocks());

describe('saving an export', () => {
  it('offers the file as a download under its name, with its text and type', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    saveFileInPage({ filename: 'blockwatch-incidents.csv', mime: 'text/csv', text: 'subject,state\nwhatsapp,blocked' });
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'blockwatch-incidents.csv' }]);
    expect(blobs[0]?.type).toBe('text/csv');
    expect(await blobs[0]?.text()).toBe('subject,state\nwhatsapp,blocked');
    // The link does not stay in the page.
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
