import type { DatasetReader, PublicationInfo } from "./types";

/** Where the handlers get rows from: db/queries/public/opendata.ts in the app, a test DB in tests. */
export type OpenDataSource = {
  reader(slug: string): DatasetReader | undefined;
  publication(): Promise<PublicationInfo>;
};
