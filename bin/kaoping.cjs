#!/usr/bin/env node
// The installed `kaoping` command: the CLI is bundled by scripts/build.mjs.
require('../dist/cli/kaoping.cjs');
