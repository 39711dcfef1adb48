// Issue 25 item 1: the "Add a milestone" form sends no id and no note; the schema must accept
// that, and a rejection must name the field it rejects.
import { describe, expect, it } from "vitest";
import { parseForm, unplacedErrors } from "@/lib/content/action-state";
import { initiativeSchema, milestoneSchema } from "@/lib/content/cost-forms";

const form = (entries: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  return fd;
};

describe("staff cost forms", () => {
  it("accepts a new milestone exactly as the add form sends it (no id, no note)", () => {
    const r = parseForm(
      milestoneSchema,
      form({ initiativeId: "3", kind: "other", title: "Glazing installed", dueDate: "2027-01-15", completedDate: "" }),
    );
    expect(r).toEqual({
      data: {
        id: null,
        initiativeId: 3,
        kind: "other",
        title: "Glazing installed",
        dueDate: "2027-01-15",
        completedDate: null,
        note: null,
        // No Spanish version given: none.
        titleEs: null,
        noteEs: null,
      },
    });
  });

  it("still edits an existing milestone by id", () => {
    const r = parseForm(milestoneSchema, form({ id: "7", initiativeId: "3", kind: "complete", title: "Done it" }));
    expect("data" in r && r.data.id).toBe(7);
  });

  it("a rejected milestone names the field, and an error with no control is still shown", () => {
    const r = parseForm(milestoneSchema, form({ initiativeId: "3", kind: "other", title: "x", dueDate: "soon" }));
    expect("state" in r).toBe(true);
    if (!("state" in r)) return;
    expect(Object.keys(r.state.errors ?? {}).sort()).toEqual(["dueDate", "title"]);
    expect(unplacedErrors(r.state, ["kind", "title", "completedDate"])).toEqual(["Choose a date"]);
  });

  it("validates a new initiative", () => {
    const ok = parseForm(
      initiativeSchema,
      form({ name: "Youth outreach", program: "", serviceArea: "health_human_services", description: "" }),
    );
    expect(ok).toEqual({
      data: {
        name: "Youth outreach",
        program: null,
        serviceArea: "health_human_services",
        description: "",
        nameEs: null,
        descriptionEs: null,
      },
    });
    const bad = parseForm(initiativeSchema, form({ name: "", serviceArea: "moon" }));
    expect("state" in bad && Object.keys(bad.state.errors ?? {}).sort()).toEqual(["name", "serviceArea"]);
  });
});
