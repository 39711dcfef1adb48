import { requireRolePage } from "@/server/auth/dal";
import { UpdateForm } from "../update-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "New update · Staff" };

export default async function NewUpdate() {
  await requireRolePage("staff", "admin");
  return (
    <>
      <h1>Write a program update</h1>
      <p className="muted">
        Markdown is supported. Scripts, embedded HTML and unsafe links are removed before anything is shown.
      </p>
      <UpdateForm />
    </>
  );
}
