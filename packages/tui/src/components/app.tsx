import { useCursor, useApp, useStdin, useStdout } from "ink";
import { useEffect, useMemo, useReducer, useRef } from "react";
import type { Diagnostic, LocalizedMessage } from "@onething/schemas";
import { reduceEditor } from "../input.js";
import { pathOf } from "../model.js";
import { currentNode } from "../reducer.js";
import { dirtyFiles, type EditorState } from "../state.js";
import { fieldValue, validateTyped } from "../validation.js";
import { createValidator } from "../validator.js";
import { screenView } from "../view.js";
import { applyEdit } from "../yaml-edit.js";
import { Screen } from "./screen.js";

/** What a save returned: written, refused because a file changed on disk, or failed. */
export type SaveOutcome = { status: "saved" } | { status: "conflict"; files: string[] } | { status: "failed"; message: LocalizedMessage };

/** Everything the editor needs from outside (files, git), so components can be tested without a disk. */
export interface EditorHost {
  /** Writes the files, unless (without `force`) a file on disk differs from its `original`. */
  save(options: { files: { path: string; text: string; original: string }[]; force: boolean }): Promise<SaveOutcome>;
  /** Reads files from disk again. */
  read(paths: string[]): Promise<{ path: string; text: string }[]>;
  /** Stores the unsaved texts so a crash loses at most the last keystroke; an empty list removes the file. */
  writeRecovery(files: { path: string; text: string }[]): void;
  /** Called once when the editor ends; `keepRecovery` is false after the edits were saved or discarded. */
  exit(options: { keepRecovery: boolean }): void;
  /** The short commit id of git HEAD, shown in the header. */
  head?: string;
  /** The date overdue checks compare against; default today. */
  today?: string;
}

/** How long typing must pause before validation runs. */
export const VALIDATION_DELAY_MS = 150;

/**
 * The unsaved texts, with a field being typed applied as well (the recovery file's content).
 *
 * @example
 * writeRecovery(root, recoveryTexts(state).map(({ path, text }) => ({ path, text, base: hashText(state.files[path]!.original) })));
 */
export function recoveryTexts(state: EditorState): { path: string; text: string }[] {
  const texts = new Map<string, string>();
  for (const path of dirtyFiles(state)) texts.set(path, state.files[path]?.text ?? "");
  const edit = state.edit;
  const node = edit === undefined ? undefined : currentNode(state);
  if (edit !== undefined && node?.file !== undefined && node.pointer !== undefined && node.id === edit.nodeId) {
    const file = state.files[node.file];
    if (file !== undefined) {
      const path = [...pathOf(node.pointer), ...edit.field.path];
      const value = fieldValue(edit.field, edit.buffer.text);
      // The edit is made on the edited matter's lines alone (see applyEdit), so this costs little per keystroke.
      const applied = applyEdit({ text: file.text, path, value });
      const text = applied.ok ? applied.text : undefined;
      if (text !== undefined && text !== file.original) texts.set(node.file, text);
    }
  }
  return [...texts].map(([path, text]) => ({ path, text }));
}

/**
 * The editor. One input listener at the root turns every chunk of keys into actions for the pure reducer; effects
 * run validation (debounced), saving, reloading and the recovery file; `Screen` only draws.
 *
 * @example
 * render(<App initial={createState({ documents })} host={host} />);
 */
export function App(props: { initial: EditorState; host: EditorHost }) {
  const { host } = props;
  const [state, dispatch] = useReducer(reduceEditor, props.initial);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const { setCursorPosition } = useCursor();
  const today = host.today;

  // Ink splits its input at escape sequences only ("\t\t" or "jj" would be one event): every event goes
  // to reduceInput, which splits it into key presses (and keeps an input method's text whole).
  const { setRawMode, internal_eventEmitter: inputEvents } = useStdin();
  useEffect(() => {
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode]);
  useEffect(() => {
    const onInput = (chunk: string) => dispatch({ type: "input", chunk });
    inputEvents.on("input", onInput);
    return () => {
      inputEvents.off("input", onInput);
    };
  }, [inputEvents]);

  useEffect(() => {
    const onResize = () => dispatch({ type: "resize", columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout]);

  const latest = useRef(state);
  latest.current = state;

  // Validation of the whole project after each change, debounced, in a worker thread (see validator.ts): the
  // keyboard stays live while it runs, and findings of an older version are dropped (here and by the reducer).
  const validator = useMemo(() => createValidator(today === undefined ? {} : { today }), [today]);
  useEffect(() => () => validator.close(), [validator]);
  useEffect(() => {
    if (state.validatedVersion === state.version) return;
    const version = state.version;
    const timer = setTimeout(() => {
      void validator.validate(latest.current.documents).then((problems: Diagnostic[] | undefined) => {
        if (problems !== undefined) dispatch({ type: "validated", version, problems });
      });
    }, VALIDATION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state.version, state.validatedVersion, validator]);

  // Live validation of the value being typed, debounced.
  const editText = state.edit?.buffer.text;
  useEffect(() => {
    const edit = latest.current.edit;
    if (edit === undefined || editText === undefined) return;
    const timer = setTimeout(() => {
      const current = latest.current;
      const node = currentNode(current);
      if (node?.file === undefined || node.pointer === undefined) return;
      const diagnostics = validateTyped({ state: current, file: node.file, nodePointer: node.pointer, field: edit.field, text: editText, ...(today === undefined ? {} : { today }) });
      dispatch({ type: "live", text: editText, diagnostics });
    }, VALIDATION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [editText, today]);

  // The recovery file follows every change of the texts or of the field being typed. It is worked out after the
  // frame is drawn (in an effect, not while rendering): applying the typed text to a long file is not free.
  // Written only when a text changed (moving the text cursor changes nothing to recover).
  const written = useRef<{ path: string; text: string }[] | undefined>(undefined);
  useEffect(() => {
    if (state.recovery !== undefined) return;
    const recovery = recoveryTexts(state);
    const previous = written.current;
    if (previous !== undefined && previous.length === recovery.length && previous.every((entry, index) => entry.path === recovery[index]?.path && entry.text === recovery[index]?.text)) return;
    written.current = recovery;
    host.writeRecovery(recovery);
  }, [state.files, state.edit?.nodeId, state.edit?.field, state.edit?.buffer.text, state.recovery]);
  useEffect(() => {
    if (state.recoveryDiscarded) host.writeRecovery([]);
  }, [state.recoveryDiscarded]);

  useEffect(() => {
    const saving = state.saving;
    if (saving === undefined) return;
    const files = saving.files.flatMap((path) => {
      const file = latest.current.files[path];
      return file === undefined ? [] : [{ path, text: file.text, original: file.original }];
    });
    void host.save({ files, force: saving.force }).then((outcome) => {
      if (outcome.status === "saved") dispatch({ type: "saved", files: files.map(({ path, text }) => ({ path, text })) });
      else if (outcome.status === "conflict") dispatch({ type: "save-conflict", files: outcome.files });
      else dispatch({ type: "save-failed", message: outcome.message });
    });
  }, [state.saving]);

  useEffect(() => {
    const reloading = state.reloading;
    if (reloading === undefined) return;
    void host.read(reloading).then((files) => dispatch({ type: "reloaded", files }));
  }, [state.reloading]);

  useEffect(() => {
    if (state.exit === undefined) return;
    host.exit({ keepRecovery: state.exit === "keep-recovery" && dirtyFiles(state).length > 0 });
    exit();
  }, [state.exit]);

  const view = useMemo(() => screenView(state, host.head === undefined ? {} : { head: host.head }), [state, host.head]);
  // Set during render: Ink applies it in the same commit, so the input method's window opens at the text.
  setCursorPosition(view.cursor);
  return <Screen view={view} />;
}
