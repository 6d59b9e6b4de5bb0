import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { linkQuery, torchExportFromLink } from './fromLink';
import { PYTHON_SOURCES } from './pythonSources';

test('a full link, a query with or without "?", and a fragment all give the same query', () => {
  for (const text of ['https://example.org/app/?v=1&loss=focal#top', '?v=1&loss=focal', 'v=1&loss=focal', '  ?v=1&loss=focal  ']) {
    expect(linkQuery(text)).toBe('v=1&loss=focal');
  }
});

test('a comparison link exports every run, with the notices of the URL reader', () => {
  const { files, notices, runs } = torchExportFromLink('?v=1&loss=focal&run2.loss=mae&run3.opt=sgd&nonsense=3');
  expect(runs).toBe(3);
  expect(notices.join(' ')).toMatch(/nonsense/);
  const experiment = files.find((f) => f.path === 'experiment.py')!.content;
  expect(experiment.match(/"loss": /g)).toHaveLength(3);
  expect(experiment).toContain('"loss": "mae"');
  expect(experiment).toContain('"optimizer": "sgd"');
});

test('npm run export:torch writes the project into the folder', () => {
  const folder = mkdtempSync(join(tmpdir(), 'losscape-cli-'));
  try {
    const result = spawnSync('node', ['scripts/export-torch.mjs', '?v=1&loss=gce&data=moons', folder], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    // The Python modules, experiment.py, data.json, weights.json, README.md and requirements.txt.
    expect(result.stdout).toContain(`Wrote ${Object.keys(PYTHON_SOURCES).length + 5} files (1 run)`);
    expect(readdirSync(folder).sort()).toContain('train.py');
    expect(readFileSync(join(folder, 'experiment.py'), 'utf8')).toContain('"loss": "gce"');
    expect(JSON.parse(readFileSync(join(folder, 'data.json'), 'utf8')).source.kind).toBe('moons');
    const bad = spawnSync('node', ['scripts/export-torch.mjs', '?v=1&data=csv', folder], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Could not export: .*uploaded CSV file/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 60_000);
