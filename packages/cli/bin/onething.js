#!/usr/bin/env node
// The `onething` command. A committed launcher (not dist/bin.js itself) so that npm links the command
// on `npm ci`, before the first build has produced dist/.
import { existsSync } from "node:fs";

const entry = new URL("../dist/bin.js", import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write(
    "onething 尚未构建：请先在仓库根目录运行 npm run build。\nonething is not built yet: run npm run build at the repository root first.\n",
  );
  process.exitCode = 2;
}
