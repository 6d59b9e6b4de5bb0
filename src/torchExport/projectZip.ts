// The exported project as one zip, for the Export menu. This module (with the exporter, the Python
// sources and fflate) is loaded only when someone asks for it, so the main bundle does not carry it.
import { strToU8, zipSync } from 'fflate';
import type { ExperimentConfig } from '../engine/config';
import type { DataTable } from '../engine/dataTable';
import { torchProjectFiles } from './projectFiles';

/** The folder every file sits in inside the zip. */
export const TORCH_ZIP_FOLDER = 'losscape-torch';

/** The zip's bytes: every project file under TORCH_ZIP_FOLDER/, deflated, with a fixed date so the same config gives the same bytes. */
export function torchProjectZip(config: ExperimentConfig, table: DataTable | null): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = new Date(2000, 0, 1);
  for (const file of torchProjectFiles(config, table)) entries[`${TORCH_ZIP_FOLDER}/${file.path}`] = [strToU8(file.content), { mtime }];
  return zipSync(entries, { level: 6 });
}
