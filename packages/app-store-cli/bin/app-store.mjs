#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step), like the rest of this monorepo.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv);
