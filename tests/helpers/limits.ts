// Every test file starts on the memory store: handlers called directly must not open the process
// database. Tests of the shared store build limiters on their own test database (storeFor).
import { useLimitStore } from "../../server/limits/store";

useLimitStore({ kind: "memory" });
