/**
 * Offers a text file as a download from a page: a Blob URL on an `<a download>`, clicked. Needs no
 * `downloads` permission (minimal permissions).
 */
import type { ExportFile } from '../../../src/protocol';

/** Revoking the URL at once can cancel a download before it starts; a minute is ample, ms. */
const REVOKE_AFTER_MS = 60_000;

export function saveFileInPage(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
