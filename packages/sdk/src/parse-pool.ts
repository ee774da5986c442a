import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { API_VERSION } from "@onething/schemas";
import type { Diagnostic, DocumentKind } from "@onething/schemas";
import { parseSource } from "@onething/dsl";
import type { ParsedDocument } from "@onething/dsl";

/** Projects smaller than this many bytes are parsed in the main thread: starting workers would cost more. */
export const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;

/**
 * Fewer logical cores than this run without workers. Two vCPUs are often one core's two hardware threads, where
 * two workers (each with its own compilation and garbage collection, and the shared documents copied to both) took
 * longer than one thread: 4.4 s against 3.5 s on the bench corpus, with 100 MB more memory (decision 34).
 */
export const WORKER_MIN_CORES = 4;

/** One file for a worker: its position in the project, path and bytes (transferred to the worker). */
export interface ParseTask {
  /** Its position among the project's files. */
  index: number;
  /** Project-relative path. */
  path: string;
  /** The file's bytes. */
  bytes: Uint8Array;
}

/** A worker's answer: the file's bytes back, its parse findings, and its document and structural findings. */
export interface ParsedFile {
  /** The task's position. */
  index: number;
  /** The file's bytes, transferred back. */
  bytes: Uint8Array;
  /** Findings of reading and parsing. */
  diagnostics: Diagnostic[];
  /** The document's data, when its envelope is usable. */
  document?: { value: unknown; kind: DocumentKind; id: string | undefined };
  /** The document's structural findings. */
  structural?: Diagnostic[];
}

/**
 * How many worker threads to parse with: `requested` when given (0: none), else one per core when the project
 * is large enough to repay their start-up and there are at least {@link WORKER_MIN_CORES} cores, else none.
 *
 * @example
 * workerCount({ totalBytes: 40_000_000, files: 430 }); // 8 on an 8-core machine, 0 on a 2-core one
 */
export function workerCount(options: { totalBytes: number; files: number; requested?: number }): number {
  const { totalBytes, files, requested } = options;
  if (workerScript() === undefined || files < 2) return 0;
  if (requested !== undefined) return Math.max(0, Math.min(requested, files));
  const cores = availableParallelism();
  return cores >= WORKER_MIN_CORES && totalBytes >= WORKER_THRESHOLD_BYTES ? Math.min(cores, files) : 0;
}

/**
 * The worker's built module beside this one; undefined when running from sources (tests), where it cannot load.
 *
 * @example
 * if (workerScript() === undefined) console.log("no worker threads when running from sources");
 */
export function workerScript(): URL | undefined {
  const url = new URL("./validate-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * A worker thread failed (could not start, threw, or exited): the run can be redone without workers. Other errors
 * are bugs and are not retried.
 *
 * @example
 * try { await pool.run(task); } catch (error) { if (!(error instanceof WorkerFailure)) throw error; }
 */
export class WorkerFailure extends Error {
  constructor(cause: unknown) {
    super(`a worker thread failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "WorkerFailure";
  }
}

/** A fixed set of worker threads taking parse tasks in turn; any worker failure rejects every pending task. */
export class ParsePool {
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ task: ParseTask; done: (file: ParsedFile) => void; fail: (error: unknown) => void }> = [];
  private readonly running = new Map<Worker, { done: (file: ParsedFile) => void; fail: (error: unknown) => void }>();
  private failure: unknown;

  constructor(count: number) {
    const script = workerScript();
    if (script === undefined) throw new WorkerFailure("the parse worker is not built");
    for (let index = 0; index < count; index += 1) {
      // A small young generation: a worker's data lives for one file, and a smaller nursery keeps the process's
      // peak memory lower (measured on the bench corpus: less memory and less CPU than the default).
      const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      worker.on("message", (reply: { type: "parsed-file"; file: ParsedFile }) => this.finish(worker, reply.file));
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (this.running.has(worker) || this.failure === undefined) this.fail(new Error(`a parse worker exited with code ${code}`));
      });
      this.idle.push(worker);
    }
  }

  /** Parses one file in the next free worker. */
  run(task: ParseTask): Promise<ParsedFile> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((done, fail) => {
      this.queue.push({ task, done, fail });
      this.dispatch();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.failure ??= new Error("the parse pool is closed");
    const workers = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const next = this.queue.shift();
      if (next === undefined) return;
      this.running.set(worker, { done: next.done, fail: next.fail });
      worker.postMessage({ type: "parse", task: next.task }, [next.task.bytes.buffer as ArrayBuffer]);
    }
  }

  private finish(worker: Worker, file: ParsedFile): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    pending?.done(file);
    this.dispatch();
  }

  private fail(cause: unknown): void {
    if (this.failure !== undefined) return;
    const error = cause instanceof WorkerFailure ? cause : new WorkerFailure(cause);
    this.failure = error;
    for (const pending of this.running.values()) pending.fail(error);
    for (const pending of this.queue) pending.fail(error);
    this.running.clear();
    this.queue.length = 0;
  }
}

/**
 * The bytes of a file in a buffer of their own, so that they can be transferred to a worker without taking a
 * shared pool with them.
 *
 * @example
 * const bytes = ownBuffer(await readFile(path));
 */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/**
 * The document a worker parsed, as the main thread uses it: its data, with the text decoded and the `yaml` tree
 * (for positions) parsed from the bytes only when a finding needs them.
 *
 * @example
 * const document = workerDocument("checklists/a.yaml", parsedFile);
 */
export function workerDocument(path: string, file: ParsedFile & { document: NonNullable<ParsedFile["document"]> }): ParsedDocument {
  const { bytes } = file;
  let text: string | undefined;
  let full: ParsedDocument | undefined;
  const load = (): ParsedDocument => {
    full ??= parseSource({ path, text: bytes, fastPath: false }).document;
    if (full === undefined) throw new Error(`${path} no longer parses as it did in the worker`);
    return full;
  };
  return {
    path,
    value: file.document.value,
    apiVersion: API_VERSION,
    kind: file.document.kind,
    id: file.document.id,
    get text() {
      // As the parser decoded it: strict UTF-8 (the worker found it valid) with a leading BOM kept.
      text ??= new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
      return text;
    },
    locate: (pointer, part) => load().locate(pointer, part),
    get yaml() {
      return load().yaml;
    },
  };
}
