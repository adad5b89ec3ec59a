/** Recent workspaces: a small JSON list in userData (at most 8, newest first, missing files dropped on read). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../backend/atomic-write';

const MAX = 8;

export class RecentFiles {
  private readonly file: string;
  constructor(userData: string) {
    this.file = join(userData, 'recent-workspaces.json');
  }
  list(): string[] {
    try {
      const v: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string' && existsSync(p)).slice(0, MAX) : [];
    } catch {
      return [];
    }
  }
  async add(path: string): Promise<void> {
    const next = [path, ...this.list().filter((p) => p !== path)].slice(0, MAX);
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
  }
}
