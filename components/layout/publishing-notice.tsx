// Shown on every public page until the first publication exists: on a first start the server
// publishes in the background (server/jobs) while already serving.
export function PublishingNotice() {
  return (
    <section aria-live="polite">
      {/* A plain reload every 15 seconds: no script needed, and the real page replaces this one. */}
      <meta httpEquiv="refresh" content="15" />
      <h1>Publishing…</h1>
      <p className="notice">
        The portal is preparing its first publication of the records, with the privacy rules applied. This usually takes
        a minute or two; this page reloads by itself and shows the data as soon as it is ready.
      </p>
    </section>
  );
}
