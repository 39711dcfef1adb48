// Every dataset's publisher, in the order they run. Add a dataset by adding its publisher here.
import { dronesPublisher } from "./drones";
import { findingsPublisher } from "./findings";
import type { Publisher } from "./types";

export const publishers: Publisher[] = [
  dronesPublisher,
  findingsPublisher,
];
