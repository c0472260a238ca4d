import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ImportFile } from '../ssda903/read-ssda903-return';
import { Ssda903ReturnFiles } from '../ssda903/import-ssda903-return';

const isFile = (path: string): boolean => statSync(path).isFile();
const isFolder = (path: string): boolean => statSync(path).isDirectory();

/**
 * The SSDA903 returns in a folder: its own files are one return; a folder holding only
 * sub-folders (one per year, e.g. `2018/`, `2019-20/`) is a history, each sub-folder a
 * return whose year is the four digits its name starts with (else read from its files).
 * Files are named relative to `folder` in the report.
 */
export function readSsda903Folder(folder: string, year?: number): Ssda903ReturnFiles[] {
  const entries = readdirSync(folder).sort().map((name) => join(folder, name));
  const files = entries.filter(isFile);
  if (files.length > 0 || entries.length === 0) return [{ files: files.map((path) => fileAt(folder, path)), year }];
  return entries.filter(isFolder).map((sub) => {
    const named = /^(\d{4})/.exec(relative(folder, sub))?.[1];
    return {
      files: readdirSync(sub).sort().map((name) => join(sub, name)).filter(isFile).map((path) => fileAt(folder, path)),
      year: named === undefined ? undefined : Number(named),
    };
  });
}

/** CIN census files: the paths given, a folder's *.xml files for a folder. */
export function readCinFiles(paths: readonly string[]): ImportFile[] {
  return paths.flatMap((path) =>
    isFolder(path)
      ? readdirSync(path).filter((name) => name.toLowerCase().endsWith('.xml')).sort().map((name) => fileAt(path, join(path, name)))
      : [{ name: path, content: readFileSync(path) }],
  );
}

function fileAt(folder: string, path: string): ImportFile {
  return { name: relative(folder, path), content: readFileSync(path) };
}
