// The config resolver on Node: the shared logic in host/configResolver.ts over node:fs, with the synchronous API
// the CLI uses. Relative paths are resolved against the working directory.
import * as path from 'node:path';
import type { ConfigInput } from '../core';
import { findConfigFile as findConfigFileIo, SyncConfigResolver, type LoadedConfig, type ResolverOptions } from '../host/configResolver';
import { runSync } from '../host/fileSystem';
import { nodeFileSystem } from './nodeFileSystem';

export { mergeInputs, type ConfigIssue, type LoadedConfig } from '../host/configResolver';

/** Finds the nearest config file walking up from a folder; stops at a boundary or the filesystem root. */
export function findConfigFile(startDir: string, stopAt: string[] = []): string | undefined {
  return runSync(findConfigFileIo(nodeFileSystem, path.resolve(startDir), stopAt), nodeFileSystem);
}

/** Loads configs with caching keyed by file modification times, and keeps the last good config per file. */
export class ConfigResolver extends SyncConfigResolver {
  constructor(options: ResolverOptions = {}) {
    super(nodeFileSystem, options);
  }

  override forFile(file: string, base: ConfigInput = {}): LoadedConfig {
    return super.forFile(path.resolve(file), base);
  }

  override fromFile(configFile: string, base: ConfigInput = {}): LoadedConfig {
    return super.fromFile(path.resolve(configFile), base);
  }
}
