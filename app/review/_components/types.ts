export type { HistoryItem } from "@/db/queries/review/common";
export type FindingInfo = {
  id: number;
  findingType: string;
  status: "open" | "closed";
  note: string;
  outcome: string | null;
};
