// The system Chromium that the browser tests and the Lighthouse benchmark drive, and the flags it
// runs with here (no sandbox in containers, no GPU, nothing fetched from the network on its own).
// Playwright cannot download its own browser on these machines: Debian's is used instead.

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Where Debian installs it (`apt-get install chromium`); CHROMIUM_PATH names another. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";
