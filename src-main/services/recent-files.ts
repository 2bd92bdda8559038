import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecentFile } from '../../shared/contract/document-state.schema';
import { writeFileAtomic } from './atomic-write';

const LIMIT = 10;

/** The files opened lately, newest first, kept in the user-data folder. */
export class RecentFiles {
  private files: string[] | undefined;

  constructor(private readonly file: string) {}

  async list(): Promise<RecentFile[]> {
    return (await this.load()).map((p) => ({ path: p, name: path.basename(p) }));
  }

  async has(file: string): Promise<boolean> {
    return (await this.load()).includes(path.resolve(file));
  }

  async add(file: string): Promise<void> {
    const absolute = path.resolve(file);
    const files = [absolute, ...(await this.load()).filter((p) => p !== absolute)].slice(0, LIMIT);
    this.files = files;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, Buffer.from(JSON.stringify({ v: 1, files }, null, 2) + '\n'));
    } catch {
      // The list is a convenience: failing to store it must not fail an open or a save.
    }
  }

  private async load(): Promise<string[]> {
    if (this.files) return this.files;
    try {
      const value = JSON.parse(await readFile(this.file, 'utf8')) as { files?: unknown };
      this.files = Array.isArray(value.files) ? value.files.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p)) : [];
    } catch {
      this.files = [];
    }
    return this.files;
  }
}
