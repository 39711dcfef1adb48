import "server-only";
// Every dataset's publisher, in the order they run. Add a dataset by adding its publisher here.
import { alprPublisher } from "./alpr";
import { annualReportsPublisher } from "./annual-reports";
import { camerasPublisher } from "./cameras";
import { csoPublisher } from "./cso";
import { dronesPublisher } from "./drones";
import { findingsPublisher } from "./findings";
import type { Publisher } from "./types";

export const publishers: Publisher[] = [
  dronesPublisher,
  findingsPublisher,
  camerasPublisher,
  alprPublisher,
  csoPublisher,
  annualReportsPublisher,
];
