import { create } from 'zustand';
import type { SurfaceImport } from './surfaceFile';

/** Larger files are refused unread (a 1001×1001 grid, the largest read, is ~20 MB). */
const SURFACE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * A surface imported from a file (a PyTorch project's surface.json), shown in the landscape
 * view instead of the live one until it is closed. A file that cannot be read only sets the
 * error: the surface on screen, the experiment and training are left as they were.
 */
interface SurfaceImportState {
  surface: SurfaceImport | null;
  error: string | null;
}

export const useSurfaceImportStore = create<SurfaceImportState>(() => ({ surface: null, error: null }));

/** Reads a file's text as a surface; true when it is shown. The parser (and zod) load only now. */
export async function surfaceImportText(fileName: string, text: string): Promise<boolean> {
  const { surfaceFileParse } = await import('./surfaceFile');
  const parsed = surfaceFileParse(fileName, text);
  if (!parsed.ok) {
    useSurfaceImportStore.setState({ error: parsed.error });
    return false;
  }
  useSurfaceImportStore.setState({ surface: parsed.surface, error: null });
  return true;
}

export async function surfaceImportFile(file: File): Promise<boolean> {
  if (file.size > SURFACE_MAX_BYTES) {
    useSurfaceImportStore.setState({ error: `“${file.name}” is ${(file.size / 2 ** 20).toFixed(0)} MB, too large for a surface file (at most ${SURFACE_MAX_BYTES / 2 ** 20} MB).` });
    return false;
  }
  try {
    return await surfaceImportText(file.name, await file.text());
  } catch (error) {
    useSurfaceImportStore.setState({ error: `“${file.name}” could not be read (${error instanceof Error ? error.message : String(error)}).` });
    return false;
  }
}

/** Back to the live surface. */
export function surfaceImportClose(): void {
  useSurfaceImportStore.setState({ surface: null, error: null });
}

export function surfaceImportDismissError(): void {
  useSurfaceImportStore.setState({ error: null });
}
