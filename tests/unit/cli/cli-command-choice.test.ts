import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { COMMANDS } from '../../../src/cli/commands/index';
import { buildProgram, requestedCommand } from '../../../src/cli/program';

const names = (p: Command): string[] => p.commands.map((c) => c.name());

describe('the CLI loads only the command asked for', () => {
  it('finds the command word past global options and their values', () => {
    expect(requestedCommand(['config', '--json'])).toBe('config');
    expect(requestedCommand(['--data-dir', '/tmp/x', 'queue', 'call'])).toBe('queue');
    expect(requestedCommand(['--data-dir=/tmp/x', 'visits'])).toBe('visits');
    expect(requestedCommand(['--help'])).toBeNull();
    expect(requestedCommand([])).toBeNull();
  });

  it('registers that one command alone, and every command for help or an unknown word', async () => {
    expect(names(await buildProgram(['config']))).toEqual(['config']);
    const all = COMMANDS.map((c) => c.name);
    expect(names(await buildProgram(['--help']))).toEqual(all);
    expect(names(await buildProgram(['no-such-command']))).toEqual(all);
  });

  it('names each entry after the command its file registers', async () => {
    for (const entry of COMMANDS) {
      expect(names(await buildProgram([entry.name]))).toEqual([entry.name]);
    }
  });
});
