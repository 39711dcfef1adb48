// The period picker: a plain GET form, so the period lives in the URL and can be shared.
export function PeriodForm({ from, to, action }: { from: string; to: string; action: string }) {
  return (
    <form
      method="get"
      action={action}
      className="no-print"
      style={{ display: "flex", gap: "0.75rem", alignItems: "flex-end", flexWrap: "wrap" }}
    >
      <div style={{ display: "grid" }}>
        <label htmlFor="from">From</label>
        <input id="from" name="from" type="date" defaultValue={from} />
      </div>
      <div style={{ display: "grid" }}>
        <label htmlFor="to">To</label>
        <input id="to" name="to" type="date" defaultValue={to} />
      </div>
      <button type="submit">Show period</button>
    </form>
  );
}
