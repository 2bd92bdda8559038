import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FileEncoding, Recovery } from '../../shared/contract/document-state.schema';
import { isRunning, removeStaleTempFiles, writeFileAtomic } from './atomic-write';

/** One recovery file: the unsaved text of one document session, written atomically. */
export interface RecoveryRecord {
  /** Format version of this record, for later migrations. */
  v: 1;
  id: string;
  /** The process that wrote it: a record of a live process is not offered for restoring. */
  pid: number;
  path: string | null;
  /** The hash of the file version the changes were made to. */
  baseHash: string | null;
  encoding: FileEncoding;
  savedAt: string;
  text: string;
}

/**
 * Unsaved changes, kept in a folder of their own (DESIGN §7: user work is never lost). Each
 * session writes its record every few seconds while it has unsaved changes and removes it once
 * they are saved or deliberately discarded; whatever is left at the next start was left by a
 * crash or a kill, and is offered back.
 */
export class RecoveryStore {
  constructor(readonly folder: string) {}

  static newId(): string {
    return randomUUID();
  }

  private fileOf(id: string): string {
    if (!/^[\w-]{1,80}$/.test(id)) throw new Error(`invalid recovery id ${JSON.stringify(id)}`);
    return path.join(this.folder, `${id}.json`);
  }

  async write(record: Omit<RecoveryRecord, 'v' | 'pid' | 'savedAt'>): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const full: RecoveryRecord = { v: 1, pid: process.pid, savedAt: new Date().toISOString(), ...record };
    await writeFileAtomic(this.fileOf(record.id), Buffer.from(JSON.stringify(full), 'utf8'), { mode: 0o600 });
  }

  async remove(id: string): Promise<void> {
    await rm(this.fileOf(id), { force: true });
  }

  async read(id: string): Promise<RecoveryRecord | undefined> {
    try {
      return parseRecord(await readFile(this.fileOf(id), 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** Records left by processes that are gone, newest first. */
  async list(): Promise<Recovery[]> {
    await removeStaleTempFiles(this.folder, true);
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return [];
    }
    const items: Recovery[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const record = await this.read(name.slice(0, -'.json'.length));
      if (!record || isRunning(record.pid)) continue;
      items.push({
        id: record.id,
        path: record.path,
        name: record.path ? path.basename(record.path) : 'Untitled',
        savedAt: record.savedAt,
        bytes: Buffer.byteLength(record.text, 'utf8'),
      });
    }
    return items.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
  }
}

function parseRecord(json: string): RecoveryRecord | undefined {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Partial<RecoveryRecord>;
  if (r.v !== 1 || typeof r.id !== 'string' || typeof r.text !== 'string' || typeof r.pid !== 'number' || typeof r.savedAt !== 'string') return undefined;
  return r as RecoveryRecord;
}
