import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "@onething/schemas";
import { checkDocuments, type ParsedDocument } from "@onething/sdk";
import type { ValidationReply, ValidationRequest } from "./validation-held.js";

/** Options of {@link createValidator}. */
export interface ValidatorOptions {
  /** The date overdue checks compare against, `YYYY-MM-DD`. Default: today's UTC date. */
  today?: string;
  /**
   * The worker's module. Default: the built `validation-worker.js` beside this module, when there is one
   * (running from sources, in tests, there is none). `false`: validate in this thread.
   */
  script?: URL | false;
  /** About how many characters of text go to the worker per turn of the event loop. Default: 256 Ki. */
  feed?: number;
}

/** The editor's full validation: in a worker thread when it can, else in this thread. */
export interface Validator {
  /**
   * Validates the documents (as `checkDocuments` does). Resolves with the findings, or with undefined when a
   * later call superseded this one before its findings came: an older validation never answers after a newer one.
   */
  validate(documents: readonly ParsedDocument[]): Promise<Diagnostic[] | undefined>;
  /** Whether the worker is in use (false once it failed: validation then runs in this thread). */
  readonly inWorker: boolean;
  /** Stops the worker; pending validations resolve with undefined. */
  close(): void;
}

/**
 * The editor's validator: a worker thread holding the project validates it after each change, so that
 * the keyboard is never blocked by it (seconds on a national-scale project). Only the texts that changed
 * since the previous validation are sent. One validation runs at a time; a newer call replaces the one
 * waiting, and a call superseded while it ran resolves with undefined. If the worker cannot start, fails or
 * answers with an error, the validator validates in this thread from then on (slower, but nothing is lost).
 *
 * @example
 * const validator = createValidator({ today: "2026-06-30" });
 * const problems = await validator.validate(state.documents); // undefined if a newer call came meanwhile
 * validator.close();
 */
export function createValidator(options: ValidatorOptions = {}): Validator {
  const script = options.script === undefined ? builtWorker() : options.script;
  return new BackgroundValidator({ today: options.today, script: script === false ? undefined : script, feed: options.feed ?? FEED_CHARACTERS });
}

/** The worker's built module beside this one; undefined when running from sources, where it cannot load. */
function builtWorker(): URL | undefined {
  const url = new URL("./validation-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** About how many characters of text go to the worker per turn of the event loop (a few ms of copying). */
const FEED_CHARACTERS = 256 * 1024;

/** One call of `validate`. */
interface Job {
  id: number;
  documents: readonly ParsedDocument[];
  done: (diagnostics: Diagnostic[] | undefined) => void;
}

class BackgroundValidator implements Validator {
  private worker: Worker | undefined;
  /** The document the worker holds for each path (what was last sent). */
  private sent = new Map<string, ParsedDocument>();
  private newest = 0;
  private running: Job | undefined;
  private waiting: Job | undefined;
  private closed = false;

  private readonly today: string | undefined;
  private readonly feed: number;

  constructor(options: { today: string | undefined; script: URL | undefined; feed: number }) {
    this.today = options.today;
    this.feed = options.feed;
    const script = options.script;
    if (script === undefined) return;
    try {
      const worker = new Worker(script);
      // The editor's exit does not wait for a validation in flight.
      worker.unref();
      worker.on("message", (reply: ValidationReply) => this.receive(reply));
      worker.on("error", () => this.fallBack());
      worker.on("exit", () => this.fallBack());
      this.worker = worker;
    } catch {
      this.worker = undefined;
    }
  }

  get inWorker(): boolean {
    return this.worker !== undefined;
  }

  validate(documents: readonly ParsedDocument[]): Promise<Diagnostic[] | undefined> {
    this.newest += 1;
    if (this.closed) return Promise.resolve(undefined);
    if (this.worker === undefined) return Promise.resolve(this.inThread(documents));
    return new Promise((done) => {
      // The call waiting is superseded: only the newest documents are worth validating.
      this.waiting?.done(undefined);
      this.waiting = { id: this.newest, documents, done };
      this.dispatch();
    });
  }

  close(): void {
    this.closed = true;
    this.stopWorker();
    for (const job of [this.running, this.waiting]) job?.done(undefined);
    this.running = undefined;
    this.waiting = undefined;
  }

  private inThread(documents: readonly ParsedDocument[]): Diagnostic[] {
    return checkDocuments(documents, this.today === undefined ? {} : { today: this.today });
  }

  /** Sends the waiting call to the worker when it is free. */
  private dispatch(): void {
    const worker = this.worker;
    const job = this.waiting;
    if (worker === undefined || job === undefined || this.running !== undefined) return;
    this.waiting = undefined;
    this.running = job;
    void this.send(worker, job);
  }

  /**
   * Sends a call's documents the worker does not hold, a batch of about `feed` characters per
   * turn of the event loop (copying a national-scale project's texts at once would block the editor for
   * seconds), then asks for the validation.
   */
  private async send(worker: Worker, job: Job): Promise<void> {
    const changed = job.documents.filter((document) => this.sent.get(document.path) !== document);
    try {
      let batch: { path: string; text: string }[] = [];
      let characters = 0;
      for (const document of changed) {
        if (characters > 0 && characters + document.text.length > this.feed) {
          worker.postMessage({ texts: batch } satisfies ValidationRequest);
          batch = [];
          characters = 0;
          await new Promise((resolve) => setImmediate(resolve));
          // The worker failed, or the validator was closed, meanwhile: the call is answered already.
          if (this.worker !== worker) return;
        }
        batch.push({ path: document.path, text: document.text });
        characters += document.text.length;
      }
      const request: ValidationRequest = { id: job.id, order: job.documents.map((document) => document.path), texts: batch, ...(this.today === undefined ? {} : { today: this.today }) };
      worker.postMessage(request);
    } catch {
      this.fallBack();
      return;
    }
    this.sent = new Map(job.documents.map((document) => [document.path, document]));
  }

  private receive(reply: ValidationReply): void {
    const job = this.running;
    if (job === undefined || reply.id !== job.id) return;
    if ("error" in reply) {
      this.fallBack();
      return;
    }
    this.running = undefined;
    job.done(job.id === this.newest ? reply.diagnostics : undefined);
    this.dispatch();
  }

  /** The worker failed: it is stopped, and the newest call (and every later one) is validated in this thread. */
  private fallBack(): void {
    if (this.worker === undefined) return;
    this.stopWorker();
    const jobs = [this.running, this.waiting];
    this.running = undefined;
    this.waiting = undefined;
    for (const job of jobs) job?.done(job.id === this.newest && !this.closed ? this.inThread(job.documents) : undefined);
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker === undefined) return;
    worker.removeAllListeners();
    // A worker stopped mid-failure may still report an error: it must not reach the process as uncaught.
    worker.on("error", () => undefined);
    void worker.terminate().catch(() => undefined);
  }
}
