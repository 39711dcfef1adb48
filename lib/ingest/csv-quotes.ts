// The quoting rules the import has always held CSV to (csv-parse's, strict), which papaparse
// relaxes: a quote opens a value only at its start, and a closing quote is followed by a comma, a
// line break or the end of the file. Anything else makes the file unreadable, never a record
// with a stray quote in it.
import { lineBreaks } from "./csv-text";

/**
 * Checks text as it arrives, jumping from quote to quote (it costs little). `quoted` says whether
 * the text so far ends inside a quoted value, so the reader can wait for the rest before parsing.
 */
export function quoteChecker() {
  let quoted = false;
  let pendingQuote = false; // the last text ended on a quote inside a quoted value: doubled or closing?
  let prev = "\n";
  let lines = 1; // the line the current text starts on
  let text = "";
  let before = "\n"; // the character before the current text
  let opened = { lines, text, before, at: 0 }; // where the last quoted value began
  const lineAt = (o: typeof opened) =>
    o.lines + lineBreaks(o.text.slice(0, o.at)) - (o.at > 0 && o.before === "\r" && o.text[0] === "\n" ? 1 : 0);
  const fail = (what: string, at: number) => {
    throw new Error(`Invalid quoting at line ${lineAt({ lines, text, before, at })}: ${what}`);
  };
  const ends = (c: string) => c === "," || c === "\n" || c === "\r";
  return {
    get quoted() {
      return quoted;
    },
    scan(s: string) {
      if (!s) return;
      text = s;
      before = prev;
      let from = 0;
      if (pendingQuote) {
        pendingQuote = false;
        if (s[0] === '"') from = 1;
        else if (ends(s[0])) quoted = false;
        else fail("text after a closing quote", 0);
      }
      for (let i = s.indexOf('"', from); i !== -1; i = s.indexOf('"', from)) {
        if (!quoted) {
          if (!ends(i > 0 ? s[i - 1] : prev)) fail("a quote inside a value that does not start with one", i);
          quoted = true;
          opened = { lines, text, before, at: i };
          from = i + 1;
        } else if (i + 1 === s.length) {
          pendingQuote = true;
          break;
        } else if (s[i + 1] === '"') from = i + 2;
        else if (ends(s[i + 1])) {
          quoted = false;
          from = i + 1;
        } else fail("text after a closing quote", i);
      }
      lines += lineBreaks(s) - (prev === "\r" && s[0] === "\n" ? 1 : 0);
      prev = s[s.length - 1];
    },
    end() {
      if (pendingQuote) quoted = pendingQuote = false;
      if (quoted) throw new Error(`Invalid quoting at line ${lineAt(opened)}: a quoted value is never closed`);
    },
  };
}
