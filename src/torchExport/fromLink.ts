// A link or query string to project files, for `npm run export:torch`: the app's own URL reader
// (configFromSearch) makes the config, with its notices for whatever it had to change.
import { configFromSearch } from '../app/urlCodec';
import { torchProjectFiles, type ProjectFile } from './projectFiles';

export interface LinkExport {
  files: ProjectFile[];
  /** What in the link could not be used as given, one sentence each. */
  notices: string[];
  runs: number;
}

/** The query of a full link (`https://…/?v=1&loss=focal#x`), or the text itself when it is one. */
export function linkQuery(text: string): string {
  const trimmed = text.trim();
  const question = trimmed.indexOf('?');
  const query = question >= 0 ? trimmed.slice(question + 1) : trimmed;
  const hash = query.indexOf('#');
  return hash >= 0 ? query.slice(0, hash) : query;
}

export function torchExportFromLink(text: string): LinkExport {
  const { config, notices } = configFromSearch(linkQuery(text));
  return { files: torchProjectFiles(config), notices, runs: 1 + config.compare.runs.length };
}
