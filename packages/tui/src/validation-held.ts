import type { Diagnostic } from "@onething/schemas";
import { checkDocuments, type ParsedDocument } from "@onething/sdk";
import { parseEdited } from "./reparse.js";

/**
 * What the editor sends the validation worker: texts of documents it does not hold yet (every text at first,
 * fed in several messages so that no single one blocks the editor long), and, in the last message of a
 * request, the order of every document and the request's number, which asks for a validation.
 */
export interface ValidationRequest {
  /** Numbers the request; the reply carries it back. Absent: the message only brings texts. */
  id?: number;
  /** The path of every document the editor holds, in its order (with `id`). */
  order?: string[];
  /** Texts of documents the worker does not hold yet. */
  texts: { path: string; text: string }[];
  /** The date overdue checks compare against; default today's UTC date. */
  today?: string;
}

/** The worker's answer to a request: the findings of the full validation, or why it could not validate. */
export type ValidationReply = { id: number; diagnostics: Diagnostic[] } | { id: number; error: string };

/**
 * The editor's documents as a validation worker holds them: each is rebuilt from its text the way the
 * editor rebuilt it (only the edited matters re-parsed when the previous text parsed cleanly, see
 * `reparseEntries`), so `checkDocuments` over them finds what it finds over the editor's own.
 *
 * @example
 * const held = new HeldProject();
 * held.answer({ id: 1, order: ["checklists/a.yaml"], texts: [{ path: "checklists/a.yaml", text }] }); // { id: 1, diagnostics: […] }
 */
export class HeldProject {
  private readonly documents = new Map<string, { document: ParsedDocument; clean: boolean }>();
  /** Why a text could not be taken in; every later validation answers with it. */
  private failure: string | undefined;

  /**
   * Takes in the texts, and when the message asks for it (it has an `id`), validates every document in its
   * order; never throws (a text that does not parse, or a path it does not hold, is answered with an error).
   *
   * @example
   * held.answer({ id: 2, order, texts: [{ path: "checklists/a.yaml", text: edited }], today: "2026-06-30" }); // { id: 2, diagnostics: […] }
   */
  answer(request: ValidationRequest): ValidationReply | undefined {
    try {
      for (const { path, text } of request.texts) this.take(path, text);
    } catch (error) {
      this.failure ??= error instanceof Error ? error.message : String(error);
    }
    if (request.id === undefined) return undefined;
    if (this.failure !== undefined) return { id: request.id, error: this.failure };
    try {
      const order = request.order ?? [];
      const documents: ParsedDocument[] = [];
      for (const path of order) {
        const held = this.documents.get(path);
        if (held === undefined) return { id: request.id, error: `the worker holds no document ${path}` };
        documents.push(held.document);
      }
      // Documents the editor no longer holds (a reload) are forgotten.
      const kept = new Set(order);
      for (const path of [...this.documents.keys()]) if (!kept.has(path)) this.documents.delete(path);
      return { id: request.id, diagnostics: checkDocuments(documents, request.today === undefined ? {} : { today: request.today }) };
    } catch (error) {
      return { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Rebuilds one document from its new text, as the editor's `setText` does. */
  private take(path: string, text: string): void {
    const previous = this.documents.get(path);
    if (previous !== undefined && previous.document.text === text) return;
    const parsed = parseEdited({ path, text, previous: previous?.document, clean: previous?.clean === true });
    if (parsed.document === undefined) throw new Error(`the text of ${path} does not parse in the worker`);
    this.documents.set(path, { document: parsed.document, clean: parsed.diagnostics.length === 0 });
  }
}
