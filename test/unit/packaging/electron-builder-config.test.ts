import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { electronOnlyModules } from '../../../scripts/packaging/electron-only-modules.mjs';

const yml = readFileSync('electron-builder.yml', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};

describe('packaging with Electron as an optional dependency', () => {
  it('keeps Electron out of dependencies and devDependencies, so a failed binary download never fails npm install', () => {
    expect(pkg.optionalDependencies['electron']).toMatch(/^\d+\.\d+\.\d+$/u);
    expect(pkg.dependencies['electron']).toBeUndefined();
    expect(pkg.devDependencies['electron']).toBeUndefined();
  });

  it('pins the packaged Electron version to the one package.json installs', () => {
    expect(yml).toMatch(new RegExp(`^electronVersion: ${pkg.optionalDependencies['electron']!.replaceAll('.', '\\.')}$`, 'mu'));
  });

  it('excludes exactly the modules only Electron needs, as the lockfile has them now', () => {
    const excluded = [...yml.matchAll(/^ {2}- "!node_modules\/(.+)\{,\/\*\*\}"$/gmu)].map((m) => `node_modules/${m[1]}`);
    const needed = (electronOnlyModules() as string[]).filter((k) => !k.slice('node_modules/'.length).includes('/node_modules/'));
    expect(needed).toContain('node_modules/electron');
    expect(excluded.filter((k) => !k.startsWith('node_modules/@expo-google-fonts')).sort()).toEqual(needed.sort());
  });

  it('turns the file-protocol privileges fuse off and keeps asar integrity on', () => {
    expect(yml).toMatch(/^ {2}grantFileProtocolExtraPrivileges: false$/mu);
    expect(yml).toMatch(/^ {2}enableEmbeddedAsarIntegrityValidation: true$/mu);
    expect(yml).toMatch(/^ {2}onlyLoadAppFromAsar: true$/mu);
  });
});
