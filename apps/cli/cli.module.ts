import { Module } from '@nestjs/common';
import { CLI_COMMANDS } from './cli-commands';

/** The `iro` command line. Commands are listed in cli-commands.ts. */
@Module({ providers: CLI_COMMANDS })
export class CliModule {}
