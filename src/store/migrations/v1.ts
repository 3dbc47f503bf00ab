/**
 * Schema version 1, frozen: the stores as the first release created them. Never edit this file;
 * a change to the schema is a new version with its own file. Written against an untyped database
 * on purpose, so later changes to the record types cannot change what this code does.
 *
 * Version 1 kept raw history only: rounds, verdicts keyed [serviceId, round's start], observations keyed
 * [round's start, position], and incidents keyed [subject, start] with a sparse `open` index.
 */
import type { IDBPDatabase } from 'idb';

export function createVersion1(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('rounds', { keyPath: 'roundId' });
  db.createObjectStore('verdicts', { keyPath: ['s', 'r'] });
  db.createObjectStore('observations', { keyPath: ['r', 'n'] });
  const incidents = db.createObjectStore('incidents', { keyPath: ['subject', 'start'] });
  incidents.createIndex('open', 'open');
  incidents.createIndex('start', 'start');
}
