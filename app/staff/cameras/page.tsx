import { listCamerasWithoutLocation } from "@/db/queries/staff/call-types";
import { requireRolePage } from "@/server/auth/dal";

export const dynamic = "force-dynamic";
export const metadata = { title: "Cameras without a location · Staff" };

export default async function StaffCameras() {
  await requireRolePage("staff", "admin");
  const list = await listCamerasWithoutLocation();
  return (
    <>
      <h1>Cameras that need a location</h1>
      <p className="muted">
        Access logs named these cameras, which were not in the camera inventory. Their accesses are kept; the cameras
        are not shown on any map until they have a location. Import the camera inventory (with the same names) to add
        it.
      </p>
      {list.length === 0 ? (
        <p>Every camera has a location.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Camera</th>
              <th scope="col">Owner</th>
              <th scope="col">Accesses</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.owner ?? "Unknown"}</td>
                <td>{Number(c.accesses).toLocaleString("en-US")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
