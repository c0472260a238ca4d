import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/**
 * One bash process that runs commands one after another, as a person at a terminal does:
 * what a command sets (a variable, a function) is there for the next. Gives each command's
 * standard output.
 */
export class ShellSession {
  private readonly bash: ChildProcessWithoutNullStreams;
  private output = '';
  private errors = '';
  private commands = 0;

  constructor(env: NodeJS.ProcessEnv, cwd: string) {
    this.bash = spawn('bash', ['--noprofile', '--norc'], { env, cwd });
    this.bash.stdout.on('data', (chunk) => (this.output += String(chunk)));
    this.bash.stderr.on('data', (chunk) => (this.errors += String(chunk)));
  }

  /** Runs `command`; resolves with what it printed on standard output. */
  async run(command: string, timeoutMs = 60_000): Promise<string> {
    const marker = `__shell-session-done-${(this.commands += 1)}__`;
    this.output = '';
    this.errors = '';
    this.bash.stdin.write(`${command}\necho; echo ${marker}\n`);
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(`${marker}\n`)) {
      if (this.bash.exitCode !== null) throw new Error(`bash exited (${this.bash.exitCode}) running: ${command}\n${this.errors}`);
      if (Date.now() > deadline) throw new Error(`no end of ${command} within ${timeoutMs} ms; it printed:\n${this.output}\n${this.errors}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.output.slice(0, this.output.indexOf(marker));
  }

  /** what the last command printed on standard error */
  lastErrors(): string {
    return this.errors;
  }

  close(): void {
    this.bash.stdin.end();
    this.bash.kill();
  }
}
