import type { EditorHost, SaveOutcome } from "../src/components/app.js";

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the last frame until it satisfies `test` (or fails after `timeout` ms with the frame shown). */
export async function waitFor(frame: () => string | undefined, test: (text: string) => boolean, timeout = 4000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const text = frame() ?? "";
    if (test(text)) return text;
    if (Date.now() - start > timeout) throw new Error(`frame never matched:\n${text}`);
    await sleep(20);
  }
}

/** A host that records saves, recovery writes and exits instead of touching a disk. */
export function fakeHost() {
  const saves: { files: { path: string; text: string; original: string }[]; force: boolean }[] = [];
  const recoveries: { path: string; text: string }[][] = [];
  const exits: boolean[] = [];
  const host: EditorHost = {
    head: "abc1234",
    today: "2025-07-01",
    async save(options): Promise<SaveOutcome> {
      saves.push(options);
      return { status: "saved" };
    },
    async read() {
      return [];
    },
    writeRecovery(files) {
      recoveries.push(files);
    },
    exit({ keepRecovery }) {
      exits.push(keepRecovery);
    },
  };
  return { host, saves, recoveries, exits };
}
