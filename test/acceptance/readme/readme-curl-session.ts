import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One command of the README's curl session, with the answer the README shows for it (if it shows one). */
export interface ReadmeStep {
  /** the shell command as written, continuation lines joined */
  command: string;
  /** the answer as written, its lines joined (`…` where the README leaves something out) */
  shown?: string;
}

export const README_FILE = join(__dirname, '..', '..', '..', 'README.md');
const SECTION = '## A session with curl';

const startsCommand = (line: string): boolean => /^(TOKEN=|PANEL=|api\b|curl\b)/.test(line);

/**
 * The commands of the README's "A session with curl", in order: the lines of its `sh`
 * blocks that run something (setting TOKEN / PANEL, defining or calling `api`, calling
 * curl), each followed by the answer the README prints under it. Comments and blank lines
 * end an answer.
 */
export function readmeCurlSession(readme: string = readFileSync(README_FILE, 'utf8')): ReadmeStep[] {
  const from = readme.indexOf(SECTION);
  if (from < 0) throw new Error(`the README has no section "${SECTION}"`);
  const until = readme.indexOf('\n## ', from + SECTION.length);
  const section = readme.slice(from, until < 0 ? undefined : until);
  const steps: ReadmeStep[] = [];
  for (const block of section.split('```sh\n').slice(1).map((rest) => rest.slice(0, rest.indexOf('```')))) {
    const lines = block.split('\n');
    // the step whose answer the next lines show, until a blank line or a comment
    let answering: ReadmeStep | undefined;
    for (let at = 0; at < lines.length; at += 1) {
      const line = lines[at];
      if (startsCommand(line)) {
        let command = line;
        while (command.endsWith('\\') && at + 1 < lines.length) command = `${command.slice(0, -1)} ${lines[++at].trim()}`;
        answering = { command };
        steps.push(answering);
      } else if (line.trim() === '' || line.startsWith('#')) {
        answering = undefined;
      } else {
        if (!answering) throw new Error(`an answer under no command in the README's curl session: ${line}`);
        answering.shown = (answering.shown ?? '') + line.trim();
      }
    }
  }
  return steps;
}
