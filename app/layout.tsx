import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Daylight — public-safety technology oversight", template: "%s · Daylight" },
  description:
    "How the city's drones, cameras, plate readers and Community Safety Officers are used, with the records to check it.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
