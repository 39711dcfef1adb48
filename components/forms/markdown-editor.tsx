"use client";
// Markdown textarea with a live preview rendered by the server's sanitizing pipeline, so the
// preview is exactly what readers will see (and nothing unsafe runs even in the preview).
import { useEffect, useRef, useState } from "react";
import styles from "./forms.module.css";

export function MarkdownEditor({
  name,
  label,
  defaultValue,
  error,
  preview,
  rows = 18,
}: {
  name: string;
  label: string;
  defaultValue: string;
  error?: string[];
  preview: (markdown: string) => Promise<string>;
  rows?: number;
}) {
  const [text, setText] = useState(defaultValue);
  const [html, setHtml] = useState("");
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const t = setTimeout(() => {
      void preview(text).then((out) => {
        if (mine === seq.current) setHtml(out);
      });
    }, 250);
    return () => clearTimeout(t);
  }, [text, preview]);
  const id = `f-${name}`;
  return (
    <div className={styles.editor}>
      <div className={styles.field}>
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          name={name}
          rows={rows}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error?.length ? true : undefined}
          aria-describedby={error?.length ? `${id}-error` : undefined}
        />
        {error?.length ? (
          <p id={`${id}-error`} className="field-error">
            {error.join(" ")}
          </p>
        ) : null}
      </div>
      <section aria-label="Preview" aria-live="polite">
        <p className="muted" style={{ margin: 0 }}>
          Preview
        </p>
        {/* Sanitized on the server by lib/content/markdown. */}
        <div className={styles.preview} data-testid="markdown-preview" dangerouslySetInnerHTML={{ __html: html }} />
      </section>
    </div>
  );
}
