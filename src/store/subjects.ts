/**
 * The distinct subjects (first key part) of a store keyed `[subject, …]`, read by jumping from one
 * subject to the next rather than reading every record: a few requests instead of 80 000.
 */

/**
 * The part of idb's key cursor this needs. `continue` takes `never` because the jump key below is
 * outside the store's typed key space (an array where a number or a date string goes).
 */
interface KeyCursor {
  readonly key: unknown;
  continue(key: never): Promise<KeyCursor | null>;
}

interface SubjectKeyedStore {
  openKeyCursor(): Promise<KeyCursor | null>;
}

export async function listSubjects(store: SubjectKeyedStore): Promise<string[]> {
  const subjects: string[] = [];
  let cursor = await store.openKeyCursor();
  while (cursor) {
    const subject = (cursor.key as readonly [string, unknown])[0];
    subjects.push(subject);
    // An array sorts after every number and string, so [subject, []] lies past all of this subject's keys.
    cursor = await cursor.continue([subject, []] as never);
  }
  return subjects;
}
