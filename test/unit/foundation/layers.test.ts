/** The layer rules must actually bite: lint forbidden imports placed in each layer. */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer lint rules', () => {
  it.each([
    ['shared/rules/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/rules/x.ts', "import fs from 'fs';"],
    ['shared/model/x.ts', "import { app } from 'electron';"],
    ['shared/model/x.ts', "import initSqlJs from 'sql.js';"],
    ['shared/model/x.ts', "import { useState } from 'react';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { Backend } from '../../electron/backend/backend';"],
    ['renderer/src/x.ts', "import path from 'node:path';"],
    ['electron/backend/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import fs from 'node:fs';"],
  ])('%s may not contain: %s', async (file, code) => {
    expect(await ruleIds(file, `${code}\nexport const _x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('shared/ has no clock and no randomness', async () => {
    expect(await ruleIds('shared/rules/x.ts', 'export const t = Date.now();\n')).toContain('no-restricted-syntax');
    expect(await ruleIds('shared/rules/x.ts', 'export const r = Math.random();\n')).toContain('no-restricted-syntax');
    expect(await ruleIds('shared/rules/x.ts', "export const t = Date.parse('2025-01-01T00:00:00Z');\n")).toEqual([]);
  });

  it('allowed imports pass', async () => {
    expect(await ruleIds('electron/main/x.ts', "import { app } from 'electron';\nexport const _a = app;\n")).toEqual([]);
    expect(await ruleIds('renderer/src/x.ts', "import { METHODS } from '../../shared/ipc/channels';\nexport const _m = METHODS;\n")).toEqual([]);
  });
});

describe('per-layer tsconfig', () => {
  const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')).compilerOptions;
  it('shared/ compiles without DOM or Node types', () => {
    expect(read('shared/tsconfig.json')).toMatchObject({ lib: ['ES2022'], types: [] });
  });
  it('renderer/ compiles without Node types', () => {
    expect(read('renderer/tsconfig.json').types).toEqual([]);
  });
});
