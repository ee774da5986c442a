// Editor support as an editor sees it: the real yaml-language-server, spoken to over the Language Server
// Protocol on stdio, reads the `# yaml-language-server: $schema=…` modeline of the checklists/ files,
// reports a planted error on the right line and offers the schema's values as completions.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const serverBin = join(root, "node_modules", "yaml-language-server", "bin", "yaml-language-server");

/** How long one answer from the server may take. */
const WAIT_MS = 8_000;

/** The settings the server asks for (`workspace/configuration`) by section: no schema store, so no network. */
const SETTINGS: Record<string, unknown> = {
  yaml: { validate: true, completion: true, hover: true, format: { enable: false }, schemaStore: { enable: false } },
  http: { proxy: "", proxyStrictSSL: false },
};

interface Position {
  line: number;
  character: number;
}

interface LspDiagnostic {
  range: { start: Position; end: Position };
  message: string;
  severity?: number;
  data?: { values?: unknown[] };
}

interface CompletionItem {
  label: string;
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

/** A minimal LSP client over stdio: Content-Length framing, requests with bounded waits, notifications. */
class LspClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly notifications: Message[] = [];
  private readonly waiters: Array<() => void> = [];
  private stderr = "";

  constructor(command: string, args: string[]) {
    this.server = spawn(command, args, { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    this.server.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
  }

  /** Sends a request and resolves with its result, or rejects after `WAIT_MS`. */
  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${WAIT_MS} ms; server stderr:\n${this.stderr}`));
      }, WAIT_MS);
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        if (message.error !== undefined) reject(new Error(`${method} failed: ${message.error.message}`));
        else resolve(message.result as T);
      });
      this.send({ id, method, params });
    });
  }

  /** Sends a notification. */
  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** Resolves with the params of the first notification (received before or after the call) that `accept` takes. */
  async waitFor<T>(method: string, accept: (params: T) => boolean): Promise<T> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.notifications.find((message) => message.method === method && accept(message.params as T));
      if (found !== undefined) return found.params as T;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${method} within ${WAIT_MS} ms; server stderr:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Asks the server to shut down and exit, and kills it if it has not exited within a second. */
  async stop(): Promise<void> {
    if (this.server.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.server.once("exit", () => resolve()));
    await this.request("shutdown", null).catch(() => undefined);
    this.notify("exit", null);
    const timer = setTimeout(() => this.server.kill(), 1_000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd === -1) return;
      const length = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1];
      if (length === undefined) throw new Error(`a message without Content-Length from the server`);
      const end = headerEnd + 4 + Number(length);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, end).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method !== undefined) {
      // A request from the server: settings by section, and a plain acknowledgement for anything else.
      const result =
        message.method === "workspace/configuration"
          ? (message.params as { items: Array<{ section?: string }> }).items.map((item) => SETTINGS[item.section ?? ""] ?? null)
          : null;
      this.send({ id: message.id, result });
    } else if (message.id !== undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else {
      this.notifications.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    }
  }
}

const client = new LspClient(process.execPath, [serverBin, "--stdio"]);
let version = 0;

/** Opens `text` as the document at `path` (inside the repository; nothing is written to disk) and returns its URI. */
function open(path: string, text: string): string {
  const uri = pathToFileURL(join(root, path)).href;
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: ++version, text } });
  return uri;
}

/** The diagnostics the server publishes for `uri`. */
async function diagnosticsOf(uri: string): Promise<LspDiagnostic[]> {
  const published = await client.waitFor<{ uri: string; diagnostics: LspDiagnostic[] }>(
    "textDocument/publishDiagnostics",
    (params) => params.uri === uri,
  );
  return published.diagnostics;
}

/** The labels the server offers at `position` of `uri`. */
async function completionLabels(uri: string, position: Position): Promise<string[]> {
  const result = await client.request<{ items: CompletionItem[] } | CompletionItem[] | null>("textDocument/completion", {
    textDocument: { uri },
    position,
  });
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label).sort();
}

/** `text` with the first line matching `pattern` replaced by `replacement`, and that line's 0-based index. */
function plant(text: string, pattern: RegExp, replacement: string): { text: string; line: number } {
  const lines = text.split("\n");
  const line = lines.findIndex((candidate) => pattern.test(candidate));
  if (line === -1) throw new Error(`no line matches ${String(pattern)}`);
  lines[line] = replacement;
  return { text: lines.join("\n"), line };
}

const checklistFiles = readdirSync(join(root, "checklists"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => `checklists/${file.split("\\").join("/")}`)
  .sort();
const batchFile = "checklists/national/2024-1.yaml";
const batchText = readFileSync(join(root, batchFile), "utf8");

beforeAll(async () => {
  const rootUri = pathToFileURL(root).href;
  await client.request("initialize", {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: "onething" }],
    capabilities: {
      workspace: { configuration: true },
      textDocument: { completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: {} },
    },
  });
  client.notify("initialized", {});
  client.notify("workspace/didChangeConfiguration", { settings: SETTINGS });
}, 20_000);

afterAll(async () => {
  await client.stop();
});

describe("yaml-language-server on checklists/", () => {
  it("finds YAML files to open", () => {
    expect(checklistFiles).toContain(batchFile);
  });

  it.each(checklistFiles)("%s opens without diagnostics through its modeline", async (file) => {
    const text = readFileSync(join(root, file), "utf8");
    expect(text.startsWith("# yaml-language-server: $schema=")).toBe(true);
    const uri = open(file, text);
    expect(await diagnosticsOf(uri)).toEqual([]);
  });

  it("reports a planted wrong subject on its line, resolving the schema from an unsaved document's URI", async () => {
    const planted = plant(batchText, /^ {6}subject: individual$/, "      subject: 个人");
    const uri = open("checklists/national/editor-planted-subject.yaml", planted.text);
    const diagnostics = await diagnosticsOf(uri);
    expect(diagnostics.map((d) => ({ line: d.range.start.line, character: d.range.start.character, severity: d.severity }))).toEqual([
      { line: planted.line, character: "      subject: ".length, severity: 1 },
    ]);
    expect(diagnostics[0]?.data?.values).toEqual(["enterprise", "individual", "project"]);
  });

  it("offers the document's kind, which each schema fixes to one value, at `kind:`", async () => {
    const emptied = plant(batchText, /^kind: Checklist$/, "kind: ");
    const uri = open("checklists/national/editor-complete-kind.yaml", emptied.text);
    expect(await completionLabels(uri, { line: emptied.line, character: "kind: ".length })).toEqual(["Checklist"]);

    const taxonomy = plant(readFileSync(join(root, "checklists/taxonomy.yaml"), "utf8"), /^kind: Taxonomy$/, "kind: ");
    const taxonomyUri = open("checklists/editor-complete-kind.yaml", taxonomy.text);
    expect(await completionLabels(taxonomyUri, { line: taxonomy.line, character: "kind: ".length })).toEqual(["Taxonomy"]);
  });

  it("offers the subject values at a matter's `subject:`", async () => {
    const emptied = plant(batchText, /^ {6}subject: individual$/, "      subject: ");
    const uri = open("checklists/national/editor-complete-subject.yaml", emptied.text);
    const labels = await completionLabels(uri, { line: emptied.line, character: "      subject: ".length });
    expect(labels).toEqual(["enterprise", "individual", "project"]);
  });
});
