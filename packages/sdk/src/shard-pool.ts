import { Worker } from "node:worker_threads";
import type { Diagnostic, DocumentKind } from "@onething/schemas";
import type { CheckOptions } from "./check.js";
import { WorkerFailure, workerScript } from "./parse-pool.js";
import type { ParseTask, ParsedFile } from "./parse-pool.js";
import type { ShardFacts, ShardResult } from "./shard-check.js";

/** A shared document sent to a worker that did not parse it: its bytes (for positions), data and findings. */
export interface SharedDocument {
  /** Its position among the project's files. */
  index: number;
  /** Project-relative path. */
  path: string;
  /** The file's bytes. */
  bytes: Uint8Array;
  /** The document's kind. */
  kind: DocumentKind;
  /** `metadata.id`, when it is a string. */
  id: string | undefined;
  /** The document's data, serialized with `v8.serialize`. */
  value: Uint8Array;
  /** Its structural findings. */
  structural: readonly Diagnostic[];
}

/** A message to a validation worker. */
export type ShardRequest =
  | { type: "parse"; task: ParseTask }
  | { type: "shard-parse"; task: ParseTask }
  | { type: "shard-export"; indices: number[] }
  | { type: "shard-import"; documents: SharedDocument[] }
  | { type: "shard-check"; order: number[]; own: string[]; options: CheckOptions }
  | { type: "shard-values"; indices: number[] };

/** A validation worker's answer (every request but `shard-import` has one, in the order they were sent). */
export type ShardReply =
  | { type: "parsed-file"; file: ParsedFile }
  | { type: "shard-parsed"; index: number; diagnostics: Diagnostic[]; facts?: ShardFacts; bytes?: Uint8Array }
  | { type: "shard-exported"; documents: Array<{ index: number; value: Uint8Array; structural: readonly Diagnostic[]; bytes: Uint8Array }> }
  | ({ type: "shard-checked"; files: Array<{ path: string; bytes: Uint8Array }> } & ShardResult)
  | { type: "shard-values"; documents: Array<{ index: number; value: unknown; structural: readonly Diagnostic[]; bytes: Uint8Array }> };

/** A parsed file as the main thread keeps it: which worker holds its document (and bytes), and its findings. */
export type ShardParsed = Extract<ShardReply, { type: "shard-parsed" }> & { worker: number };

/** Parse requests kept in flight per worker, so that a worker never waits for the main thread between files. */
const IN_FLIGHT = 2;

/**
 * Worker threads that each keep the documents they parsed (a shard): files are handed to whichever worker is
 * least busy, and later requests go to a given worker. Any worker failure rejects every pending request.
 */
export class ShardPool {
  private readonly workers: Worker[] = [];
  private readonly pending: Array<Array<{ done: (reply: ShardReply) => void; fail: (error: unknown) => void }>> = [];
  private readonly queue: Array<{ task: ParseTask; done: (parsed: ShardParsed) => void; fail: (error: unknown) => void }> = [];
  private failure: unknown;

  constructor(count: number) {
    const script = workerScript();
    if (script === undefined) throw new WorkerFailure("the validation worker is not built");
    for (let index = 0; index < count; index += 1) {
      // A small young generation keeps the process's peak memory lower (measured on the bench corpus).
      const worker = startWorker(script);
      const pending: (typeof this.pending)[number] = [];
      worker.on("message", (reply: ShardReply) => {
        pending.shift()?.done(reply);
        this.dispatch();
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (this.failure === undefined) this.fail(new Error(`a validation worker exited with code ${code}`));
      });
      this.workers.push(worker);
      this.pending.push(pending);
    }
  }

  /** How many workers there are. */
  get size(): number {
    return this.workers.length;
  }

  /** Parses one file in the least busy worker, which keeps its document. */
  parse(task: ParseTask): Promise<ShardParsed> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((done, fail) => {
      this.queue.push({ task, done, fail });
      this.dispatch();
    });
  }

  /** Sends a request to one worker; resolves with its answer. */
  request<T extends ShardReply["type"]>(worker: number, message: ShardRequest, transfer: ArrayBuffer[] = []): Promise<Extract<ShardReply, { type: T }>> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((done, fail) => {
      this.pending[worker]?.push({ done: (reply) => done(reply as Extract<ShardReply, { type: T }>), fail });
      this.workers[worker]?.postMessage(message, transfer);
    });
  }

  /** Sends a message that has no answer to one worker. */
  send(worker: number, message: ShardRequest, transfer: ArrayBuffer[] = []): void {
    if (this.failure === undefined) this.workers[worker]?.postMessage(message, transfer);
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.fail(new Error("the validation pool is closed"));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && this.failure === undefined) {
      let least = 0;
      this.pending.forEach((pending, index) => {
        if (pending.length < (this.pending[least]?.length ?? 0)) least = index;
      });
      if ((this.pending[least]?.length ?? 0) >= IN_FLIGHT) return;
      const next = this.queue.shift();
      if (next === undefined) return;
      const worker = least;
      this.request<"shard-parsed">(worker, { type: "shard-parse", task: next.task }, [next.task.bytes.buffer as ArrayBuffer]).then(
        (reply) => next.done({ ...reply, worker }),
        next.fail,
      );
    }
  }

  private fail(cause: unknown): void {
    if (this.failure !== undefined) return;
    const error = cause instanceof WorkerFailure ? cause : new WorkerFailure(cause);
    this.failure = error;
    for (const pending of this.pending) for (const waiting of pending.splice(0)) waiting.fail(error);
    for (const waiting of this.queue.splice(0)) waiting.fail(error);
  }
}

function startWorker(script: URL): Worker {
  try {
    return new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  } catch (error) {
    throw new WorkerFailure(error);
  }
}
