export default function Home() {
  return <h1>Daylight</h1>;
}
