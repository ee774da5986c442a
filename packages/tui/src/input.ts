import { TEXT_CONTEXTS, type KeyPress } from "./keys.js";
import { contextOf, reduce, type Action } from "./reducer.js";
import type { EditorState } from "./state.js";

/** One piece of a chunk of terminal input: a key press, or a run of printable text. */
export type InputToken = { type: "key"; key: KeyPress } | { type: "text"; text: string };

const ESC = "\u001B";

type Named = NonNullable<KeyPress["name"]>;

/** CSI sequences ending in a letter: `ESC [ A` (or `ESC [ 1 ; 5 A` with modifiers). */
const CSI_LETTERS: Readonly<Record<string, Named>> = { A: "up", B: "down", C: "right", D: "left", H: "home", F: "end", Z: "backtab" };
/** CSI sequences ending in `~`: `ESC [ 5 ~`. */
const CSI_TILDES: Readonly<Record<string, Named>> = { "1": "home", "7": "home", "4": "end", "8": "end", "5": "pageup", "6": "pagedown", "3": "delete" };
/** SS3 sequences: `ESC O A`. */
const SS3_LETTERS: Readonly<Record<string, Named>> = { A: "up", B: "down", C: "right", D: "left", H: "home", F: "end" };

const named = (name: Named, ctrl = false): InputToken => ({ type: "key", key: { input: "", name, ctrl } });

/** Whether a code point is printable text (not C0, DEL or C1). */
function printable(code: number): boolean {
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0x9f);
}

/** Reads an escape sequence at `start` (which holds ESC): the token (if it means a key) and where it ends. */
function readEscape(chunk: string, start: number): { token: InputToken | undefined; end: number } {
  const kind = chunk[start + 1];
  if (kind === "[") {
    let index = start + 2;
    // Legacy function keys (`ESC [ [ A`) carry a second bracket.
    if (chunk[index] === "[") index += 1;
    const paramsStart = index;
    while (index < chunk.length && /[\u0020-\u003F]/u.test(chunk[index] ?? "")) index += 1;
    const final = chunk[index];
    if (final === undefined || !/[\u0040-\u007E]/u.test(final)) return { token: named("escape"), end: start + 1 };
    const params = chunk.slice(paramsStart, index).split(";");
    // xterm modifiers: 1 + (shift 1 | alt 2 | ctrl 4); 5 is Ctrl.
    const modifier = Number(params[1] ?? "1") - 1;
    const ctrl = modifier > 0 && (modifier & 4) !== 0;
    const shift = modifier > 0 && (modifier & 1) !== 0;
    const name = final === "~" ? CSI_TILDES[params[0] ?? ""] : CSI_LETTERS[final];
    if (name === undefined) return { token: undefined, end: index + 1 };
    const token = named(name, ctrl);
    // Shift+↑/↓ reorder entries (the only bindings that read Shift on a named key).
    if (shift && (name === "up" || name === "down") && token.type === "key") token.key.shift = true;
    return { token, end: index + 1 };
  }
  if (kind === "O" && start + 2 < chunk.length) {
    const name = SS3_LETTERS[chunk[start + 2] ?? ""];
    return { token: name === undefined ? undefined : named(name), end: start + 3 };
  }
  // A lone Esc, Esc followed by another key typed quickly, or Alt+key: Esc, then whatever follows.
  return { token: named("escape"), end: start + 1 };
}

/** The key a C0 control character or DEL stands for, if any. */
function controlKey(code: number): InputToken | undefined {
  if (code === 0x0d || code === 0x0a) return named("return");
  if (code === 0x09) return named("tab");
  if (code === 0x7f || code === 0x08) return { type: "key", key: { input: "", name: "backspace", ctrl: false, count: 1 } };
  if (code >= 0x01 && code <= 0x1a) return { type: "key", key: { input: String.fromCharCode(code + 0x60), ctrl: true } };
  return undefined;
}

/**
 * Splits one chunk of terminal input into key presses and runs of printable text. A terminal (or tmux,
 * or a fast typist) can deliver several keys in one read: two Tabs `"\t\t"`, two arrows
 * `"\u001B[B\u001B[B"`, `"jj"`; each becomes its own token. Printable runs stay whole (an input
 * method commits `"新生儿"` in one chunk); the editor decides per run whether it is text or keys. A run
 * of Backspaces becomes one key with a count. Unknown sequences and stray control characters are dropped.
 *
 * @example
 * tokenize("\t\u001B[Bjj新生儿\r");
 * // [tab, down, { type: "text", text: "jj新生儿" }, return] (keys as { type: "key", key: { name, … } })
 */
export function tokenize(chunk: string): InputToken[] {
  const tokens: InputToken[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") tokens.push({ type: "text", text });
    text = "";
  };
  let index = 0;
  while (index < chunk.length) {
    const code = chunk.codePointAt(index) ?? 0;
    const size = code > 0xffff ? 2 : 1;
    if (printable(code)) {
      text += chunk.slice(index, index + size);
      index += size;
      continue;
    }
    flush();
    if (chunk[index] === ESC) {
      const { token, end } = readEscape(chunk, index);
      if (token !== undefined) tokens.push(token);
      index = end;
      continue;
    }
    // "\r\n" (a pasted line end) is one Enter.
    const step = code === 0x0d && chunk[index + 1] === "\n" ? 2 : 1;
    const token = controlKey(code);
    const last = tokens.at(-1);
    if (token?.type === "key" && token.key.name === "backspace" && last?.type === "key" && last.key.name === "backspace") {
      last.key.count = (last.key.count ?? 1) + 1;
    } else if (token !== undefined) {
      tokens.push(token);
    }
    index += step;
  }
  flush();
  return tokens;
}

/** Whether a chunk looks pasted: text, then a line break, then more text. */
function looksPasted(chunk: string): boolean {
  return /[^\u0000-\u001F\u007F][\r\n]+[^\u0000-\u001F\u007F]/u.test(chunk);
}

/**
 * Applies one chunk of terminal input to the editor, key by key. Each printable run is typed as text
 * where the keyboard is typing (a field, the search, a pick or help filter) and otherwise read as one
 * key per character, so `"/新生儿"` in one chunk opens the search and types 新生儿 into it. Text pasted
 * with line breaks into a field is inserted as text (line breaks dropped), never run as commands.
 *
 * @example
 * reduceInput(state, "jj"); // the cursor moved down two rows
 * reduceInput(state, "\t\t"); // the focus moved two panes on
 */
export function reduceInput(state: EditorState, chunk: string): EditorState {
  if (TEXT_CONTEXTS.includes(contextOf(state)) && looksPasted(chunk)) return reduce(state, { type: "key", key: { input: chunk, ctrl: false } });
  let next = state;
  for (const token of tokenize(chunk)) {
    if (token.type === "key") {
      next = reduce(next, { type: "key", key: token.key });
      continue;
    }
    let rest = token.text;
    while (rest !== "") {
      if (TEXT_CONTEXTS.includes(contextOf(next))) {
        next = reduce(next, { type: "key", key: { input: rest, ctrl: false } });
        break;
      }
      const character = String.fromCodePoint(rest.codePointAt(0) ?? 0);
      next = reduce(next, { type: "key", key: { input: character, ctrl: false } });
      rest = rest.slice(character.length);
    }
  }
  return next;
}

/** What the editor's reducer takes: an {@link Action}, or a raw chunk of terminal input. */
export type EditorAction = Action | { type: "input"; chunk: string };

/**
 * The reducer the editor runs: raw input chunks go through {@link reduceInput}, every other action
 * straight to `reduce`.
 *
 * @example
 * const [state, dispatch] = useReducer(reduceEditor, initial);
 * dispatch({ type: "input", chunk: "\u001B[B\u001B[B" }); // two rows down
 */
export function reduceEditor(state: EditorState, action: EditorAction): EditorState {
  return action.type === "input" ? reduceInput(state, action.chunk) : reduce(state, action);
}
