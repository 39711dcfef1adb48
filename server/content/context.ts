import "server-only";
// What a staff content use case runs with: the action wrapper's transaction, the signed-in user,
// an audit writer bound to both, and a hook for what must wait for the commit.
import type { ActionContext } from "../action";

export type ContentContext = Pick<ActionContext<unknown>, "tx" | "user" | "audit" | "afterCommit">;

